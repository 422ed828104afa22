// electron-builder afterPack hook (build/electron-builder.json): sets the fuses before the
// installer is made and before signing, so the signature covers the flipped binary.
import { flipAppFuses, packedElectron } from './fuses.mjs'

export default async function afterPack(context) {
  await flipAppFuses(packedElectron(context))
}

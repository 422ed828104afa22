import { resolve } from 'node:path'
import { restoreBackup, writeBackup } from '../../services/backup'
import { defaultDataDir } from '../../services/config/dataDir'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

const dataDirOf = (values: CliValues, io: CliIo): string =>
  resolve(values['data-dir'] ?? defaultDataDir(io.env))

/** `pebble-desk backup --out FILE`: the whole data folder (every tenant, settings) in one file. */
export async function runBackup(values: CliValues, rest: string[], io: CliIo, mode: OutputMode) {
  if (rest.length > 0)
    throw new UsageError(`backup takes no files (got ${rest.join(' ')}); name the backup with --out`)
  if (!values.out) throw new UsageError('backup needs --out <file>')
  const dataDir = dataDirOf(values, io)
  const r = await writeBackup(dataDir, values.out)
  const mb = (r.bytes / 1024 / 1024).toFixed(1)
  printResult(io, mode, { ...r, dataDir }, `backed up ${r.files} files (${mb} MB) of ${dataDir} to ${r.file}`)
  return EXIT.ok
}

/** `pebble-desk restore FILE`: checks the backup whole, then swaps it in for the data folder. */
export async function runRestore(values: CliValues, rest: string[], io: CliIo, mode: OutputMode) {
  const [file, ...extra] = rest
  if (!file || extra.length > 0) throw new UsageError('restore takes one backup file')
  const r = await restoreBackup(file, dataDirOf(values, io))
  const text = [
    `restored ${r.files} files into ${r.dataDir}: tenants ${r.tenants.join(', ')}, ${r.documents} document(s)`,
    r.stores.length > 0
      ? `local stores (records, audit chain, outbox) of ${r.stores.join(', ')} verified; each desk window takes its store back when it next opens the tenant`
      : 'the backup holds no local store (records, audit chain, outbox): none was open in a desk window when it was made',
    r.previous ? `the folder it replaced is kept at ${r.previous}` : '',
  ]
  printResult(io, mode, r, text.filter((l) => l !== '').join('\n'))
  return EXIT.ok
}

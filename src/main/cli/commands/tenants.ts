import type { DeskApi } from '../../../shared/contract'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'

export async function runTenants(api: DeskApi, rest: string[], io: CliIo, mode: OutputMode): Promise<number> {
  const [action, id, ...nameParts] = rest
  if (action === undefined) {
    const { tenants, current } = await api.tenants.list()
    const text = tenants.map((t) => `${t.id === current ? '*' : ' '} ${t.id.padEnd(20)} ${t.name}`).join('\n')
    printResult(io, mode, { tenants, current }, text)
    return EXIT.ok
  }
  if (action !== 'add') throw new UsageError(`unknown tenants action "${action}"`)
  if (!id || nameParts.length === 0) throw new UsageError('usage: pebble-desk tenants add <id> <name>')
  const tenant = await api.tenants.create({ id, name: nameParts.join(' ') })
  printResult(io, mode, { tenant }, `Added tenant ${tenant.id} (${tenant.name})`)
  return EXIT.ok
}

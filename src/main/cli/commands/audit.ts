import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { defaultDataDir } from '../../services/config/dataDir'
import { auditCsv } from '../../../shared/audit'
import { exportAudit } from '../../services/users/auditExport'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

const dataDirOf = (values: CliValues, io: CliIo): string =>
  resolve(values.data ?? values['data-dir'] ?? defaultDataDir(io.env))

/** `pebble-desk audit verify [--data DIR]`: exit 1 and the first bad entry when the chain is broken. */
export async function runAuditVerify(values: CliValues, rest: string[], io: CliIo, mode: OutputMode) {
  if (rest.length > 0) throw new UsageError(`audit verify takes no arguments (got ${rest.join(' ')})`)
  const r = await exportAudit(dataDirOf(values, io))
  const summary = { file: r.file, chain: r.chain, head: r.head }
  if (r.chain.ok) {
    printResult(
      io,
      mode,
      summary,
      `${r.file}: ${r.chain.count} entries, chain intact, head ${r.head ?? '(empty)'}`,
    )
    return EXIT.ok
  }
  const bad = r.entries[r.chain.index]
  printResult(
    io,
    mode,
    summary,
    `${r.file}: chain BROKEN at entry ${r.chain.index + 1} (seq ${bad?.seq ?? '?'}, id ${r.chain.entryId}): ${r.chain.reason}`,
  )
  return EXIT.failure
}

/** `pebble-desk audit export --from D --to D --format csv|json [--out FILE]`, hashes included. */
export async function runAuditExport(values: CliValues, rest: string[], io: CliIo, mode: OutputMode) {
  if (rest.length > 0) throw new UsageError(`audit export takes no arguments (got ${rest.join(' ')})`)
  const format = values.format ?? 'json'
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format must be csv or json (got "${format}")`)
  const r = await exportAudit(dataDirOf(values, io), {
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.to === undefined ? {} : { to: values.to }),
  })
  const body = format === 'csv' ? auditCsv(r.entries) : JSON.stringify(r, null, 2) + '\n'
  if (values.out) {
    await writeFile(values.out, body, 'utf8')
    printResult(
      io,
      mode,
      { file: values.out, entries: r.entries.length, chain: r.chain },
      `wrote ${r.entries.length} entries to ${values.out}`,
    )
  } else io.stdout(body)
  return r.chain.ok ? EXIT.ok : EXIT.failure
}

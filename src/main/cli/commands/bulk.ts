import { resolve } from 'node:path'
import type { RunResults, RunStatus } from '../../../shared/bulk/wire'
import { bulkResults, bulkStatus, submitBulk, type HubTarget } from '../../services/bulk'
import { loadProfiles } from '../../services/tenders'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

function target(values: CliValues, io: CliIo): HubTarget {
  const hubUrl = values.hub ?? io.env.PEBBLE_HUB_URL
  const token = values.token ?? io.env.PEBBLE_HUB_TOKEN
  if (!hubUrl) throw new UsageError('bulk needs --hub URL (or PEBBLE_HUB_URL)')
  if (!URL.canParse(hubUrl)) throw new UsageError(`--hub: "${hubUrl}" is not a URL`)
  if (!token) throw new UsageError('bulk needs the desk token: --token T or PEBBLE_HUB_TOKEN')
  return { hubUrl, token }
}

function describeStatus(s: RunStatus): string {
  return (
    `${s.runId}  ${s.done ? 'done   ' : 'running'}  ${s.files} files: ${s.screened} screened, ` +
    `${s.duplicate} duplicate, ${s.failed} failed, ${s.queued} queued  (${s.createdAt})`
  )
}

/** `pebble-desk bulk submit --hub URL --tenant T [--profile FILE…] DIR|FILES`: screen on the hub's workers. */
export async function runBulkSubmit(values: CliValues, paths: string[], io: CliIo, mode: OutputMode) {
  if (paths.length === 0) throw new UsageError('bulk submit needs at least one file or folder')
  const profileFiles = values.profile ?? []
  if (profileFiles.length === 0) throw new UsageError('bulk submit needs at least one --profile <file>')
  const profiles = await loadProfiles(profileFiles.map((p) => resolve(p)))
  const submitted = await submitBulk({
    ...target(values, io),
    paths,
    profiles,
    ...(values.tenant ? { tenant: values.tenant } : {}),
  })
  printResult(
    io,
    mode,
    submitted,
    `run ${submitted.runId}: ${submitted.files} files, ${submitted.uploaded} uploaded, ` +
      `${submitted.enqueued} queued for screening\n` +
      `follow it with: pebble-desk bulk status --run ${submitted.runId}`,
  )
  return EXIT.ok
}

/** `pebble-desk bulk status [--run ID] [--wait]`: progress of the tenant's runs (or one run). */
export async function runBulkStatus(values: CliValues, _rest: string[], io: CliIo, mode: OutputMode) {
  const hub = target(values, io)
  let runs = await bulkStatus(hub, values.run)
  // --wait polls until every listed run has settled; the hub answers from its tables, cheaply.
  while (values.wait && runs.some((r) => !r.done)) {
    await new Promise((r) => setTimeout(r, 1000))
    runs = await bulkStatus(hub, values.run)
  }
  printResult(io, mode, { runs }, runs.length === 0 ? 'no bulk runs' : runs.map(describeStatus).join('\n'))
  return EXIT.ok
}

function describeResults(r: RunResults): string {
  const lines = r.files.map((f) => {
    if (f.state === 'screened' && f.result) {
      const verdict = f.result.relevant ? 'RELEVANT' : 'no      '
      return `${f.result.score.toFixed(2).padStart(7)}  ${verdict}  ${f.result.profile ?? '-'}  ${f.name}`
    }
    if (f.state === 'duplicate') return `   dup.  same as ${f.duplicateOf?.name ?? '?'}  ${f.name}`
    if (f.state === 'failed') return `FAILED   ${f.reason ?? f.name}`
    return `queued   ${f.name}`
  })
  return [describeStatus(r.status), ...lines].join('\n')
}

/** `pebble-desk bulk results --run ID [--json]`: every file's terminal state and screening. */
export async function runBulkResults(values: CliValues, _rest: string[], io: CliIo, mode: OutputMode) {
  if (!values.run) throw new UsageError('bulk results needs --run ID (bulk status lists them)')
  const results = await bulkResults(target(values, io), values.run)
  printResult(io, mode, results, describeResults(results))
  return results.status.failed > 0 ? EXIT.failure : EXIT.ok
}

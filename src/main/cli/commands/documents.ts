import { resolve } from 'node:path'
import type { DeskApi, Job } from '../../../shared/contract'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'

export async function runImport(api: DeskApi, paths: string[], io: CliIo, mode: OutputMode): Promise<number> {
  if (paths.length === 0) throw new UsageError('import needs at least one file or folder')
  // Progress can arrive before the call returns the job's id, so keep the latest snapshot of each.
  const latest = new Map<string, Job>()
  let wake = (): void => undefined
  const stop = api.on('jobs.progress', (job) => {
    latest.set(job.id, job)
    wake()
  })
  const started = await api.documents.import({ paths: paths.map((p) => resolve(p)) })
  const isFinal = (job: Job | undefined): job is Job =>
    job !== undefined && !['queued', 'running'].includes(job.state)
  while (!isFinal(latest.get(started.id))) await new Promise<void>((r) => (wake = r))
  stop()
  const finished = latest.get(started.id) as Job
  const { documents } = await api.documents.list()
  const imported = documents.filter((d) => finished?.documentIds.includes(d.id))
  const lines = [
    ...imported.map((d) => `${d.sha256}  ${d.mediaType.padEnd(15)}  ${d.sourcePath ?? d.name}`),
    ...finished.errors.map((e) => `error  ${e.file}: ${e.message.replace(`${e.file}: `, '')}`),
    `${finished.completed - finished.failed} imported, ${finished.failed} failed`,
  ]
  printResult(io, mode, { job: finished, documents: imported }, lines.join('\n'))
  for (const error of finished.errors) if (!mode.json) io.stderr(`pebble-desk: ${error.message}\n`)
  return finished.failed > 0 ? EXIT.failure : EXIT.ok
}

export async function runDocuments(
  api: DeskApi,
  rest: string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (rest.length > 0) throw new UsageError(`documents takes no arguments (got "${rest.join(' ')}")`)
  const { documents } = await api.documents.list()
  const text =
    documents.length === 0
      ? 'No documents yet. Import some with: pebble-desk import <files or folders>'
      : documents.map((d) => `${d.sha256}  ${String(d.size).padStart(10)}  ${d.name}`).join('\n')
  printResult(io, mode, { documents }, text)
  return EXIT.ok
}

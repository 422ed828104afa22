import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { extractionModeSchema } from '../../../shared/document-text'
import type { DeskCore } from '../../services/core/deskCore'
import type { LearnedVerdict } from '../../../shared/learning'
import { learnedRelevance, loadRelevanceModel } from '../../services/learning'
import {
  loadProfiles,
  plainValue,
  screenDocuments,
  toCsv,
  toXlsx,
  type ScreenResult,
} from '../../services/tenders'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

type LearnedResult = ScreenResult & { learned?: LearnedVerdict }

function describeLearned(learned: LearnedVerdict | undefined): string[] {
  if (!learned) return []
  const words = learned.top.map(([word, weight]) => `${word} ${weight > 0 ? '+' : ''}${weight}`).join(', ')
  return [
    `         learned ${learned.probability.toFixed(2)} ${learned.relevant ? 'relevant' : 'not relevant'} (${words})`,
  ]
}

function describe(results: LearnedResult[]): string {
  if (results.length === 0) return 'no documents'
  return results
    .map((r) => {
      if (r.error) return `ERROR  ${r.file}: ${r.error.message}`
      const f = (name: string) => (r.fields[name] ? plainValue(r.fields[name].normalised) : '-')
      const terms = r.matches.map((m) => `${m.term}×${m.count}`).join(', ') || 'no matches'
      return [
        `${r.score.toFixed(2).padStart(7)}  ${r.relevant ? 'RELEVANT' : 'no      '}  ${r.profile ?? '-'}  ${r.file}`,
        `         ${f('bidNumber') !== '-' ? f('bidNumber') : f('referenceNumber')}  ends ${f('bidEndDate')}  ${terms}`,
        ...(r.reasons.length > 0 ? [`         ${r.reasons.join('; ')}`] : []),
        ...describeLearned(r.learned),
      ].join('\n')
    })
    .join('\n')
}

/** `pebble-desk tenders screen <files|dirs…> --profile <file>…` (was `screen`): ranked bids with fields and evidence. */
export async function runTendersScreen(
  core: DeskCore,
  values: CliValues,
  paths: string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('tenders screen needs at least one file or folder')
  const profileFiles = values.profile ?? []
  if (profileFiles.length === 0) throw new UsageError('tenders screen needs at least one --profile <file>')
  if (values.csv && mode.json) throw new UsageError('--csv and --json cannot be used together')
  const extraction = extractionModeSchema.safeParse(values.mode ?? 'auto')
  if (!extraction.success)
    throw new UsageError(`--mode must be auto, force-ocr or text-only (got "${values.mode}")`)

  const profiles = await loadProfiles(profileFiles.map((p) => resolve(p)))
  const model = values.model ? await loadRelevanceModel(resolve(values.model)) : undefined
  const screened = await screenDocuments(core, {
    paths,
    profiles,
    mode: extraction.data,
    useCache: !values['no-cache'],
  })
  // The learned probability sits beside the rule score; it never changes the rule's verdict or order.
  const learned = model
    ? await learnedRelevance(
        core,
        screened.filter((r) => !r.error).map((r) => r.file),
        model,
      )
    : new Map<string, LearnedVerdict>()
  const results: LearnedResult[] = screened.map((r) => {
    const verdict = learned.get(r.file)
    return verdict ? { ...r, learned: verdict } : r
  })
  if (values.xlsx) await writeFile(resolve(values.xlsx), await toXlsx(results))
  if (values.csv) io.stdout(toCsv(results))
  else printResult(io, mode, { results }, describe(results))
  for (const r of results) if (r.error) io.stderr(`pebble-desk: ${r.error.message}\n`)
  return results.some((r) => r.error) ? EXIT.failure : EXIT.ok
}

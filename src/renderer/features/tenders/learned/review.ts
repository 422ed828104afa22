import type { DocumentRecord, ScreeningRow } from '../../../../shared/contract'
import { DOC_TYPE_LABELS } from '../../../../shared/documents/doctype/types'
import type { LearnedVerdict } from '../../../../shared/learning'
import type { DecisionSummary } from '../decisions/types'
import { confidenceOf } from './store'

/** One document a model was not sure enough about, with what a person has to settle. */
export interface HandoverItem {
  documentId: string
  name: string
  /** Screened as a tender (its evidence can be opened), or a document of another desk. */
  screened: boolean
  reasons: string[]
}

/** Handed to people by one model (version): how many of the documents it judged. */
export interface HandoverLine {
  model: string
  handed: number
  of: number
}

export interface Handover {
  handed: number
  of: number
  lines: HandoverLine[]
  /** Documents still waiting for a person (handed, and not yet settled by one). */
  queue: HandoverItem[]
}

export const percent = (x: number): string => `${Math.round(x * 100)}%`

export interface HandoverInput {
  documents: readonly DocumentRecord[]
  rows: readonly ScreeningRow[]
  verdicts: Readonly<Record<string, LearnedVerdict>>
  decisions: Readonly<Record<string, DecisionSummary>>
  modelVersion: string | null
  threshold: number
}

/**
 * Which documents go to a person: a document type or a relevance verdict whose confidence is below
 * the tenant's threshold. The rate counts every document handed over (settled or not), per model
 * version as the hub counts it; the queue keeps those a person has not settled yet (a type chosen by
 * a user, a relevant / not relevant decision).
 */
export function handover(input: HandoverInput): Handover {
  const { threshold } = input
  const screened = new Set(input.rows.map((r) => r.documentId))
  const names = new Map<string, string>(input.documents.map((d) => [d.id, d.name]))
  for (const r of input.rows) names.set(r.documentId, r.name)
  const lines = new Map<string, HandoverLine>()
  const handedIds = new Set<string>()
  const judged = new Set<string>()
  const queue = new Map<string, HandoverItem>()
  const count = (model: string, documentId: string, handed: boolean) => {
    const line = lines.get(model) ?? { model, handed: 0, of: 0 }
    line.of += 1
    if (handed) line.handed += 1
    lines.set(model, line)
    judged.add(documentId)
    if (handed) handedIds.add(documentId)
  }
  const ask = (documentId: string, reason: string) => {
    const item = queue.get(documentId) ?? {
      documentId,
      name: names.get(documentId) ?? documentId,
      screened: screened.has(documentId),
      reasons: [],
    }
    item.reasons.push(reason)
    queue.set(documentId, item)
  }

  for (const d of input.documents) {
    const type = d.docType
    if (!type) continue
    const low = type.confidence < threshold
    count(`document type ${type.classifier}`, d.id, low)
    if (low && type.source === 'classifier')
      ask(
        d.id,
        `type ${DOC_TYPE_LABELS[type.type]} at ${percent(type.confidence)} confidence (${type.classifier}), below ${percent(threshold)}`,
      )
  }
  if (input.modelVersion !== null) {
    for (const r of input.rows) {
      const verdict = input.verdicts[r.documentId]
      if (!verdict) continue
      const confidence = confidenceOf(verdict.probability)
      const low = confidence < threshold
      count(`relevance ${input.modelVersion}`, r.documentId, low)
      const decided = input.decisions[r.documentId]?.decision
      if (low && (decided === undefined || decided === 'needs-review'))
        ask(
          r.documentId,
          `relevance ${percent(verdict.probability)} at ${percent(confidence)} confidence (model ${input.modelVersion}), below ${percent(threshold)}`,
        )
    }
  }
  return {
    handed: handedIds.size,
    of: judged.size,
    lines: [...lines.values()].sort((a, b) => a.model.localeCompare(b.model)),
    queue: [...queue.values()].sort((a, b) => a.name.localeCompare(b.name)),
  }
}

/** "Handed to people: 12 of 80 (15%) · relevance v3: 10 of 70 (14%) · …" */
export function describeHandover(h: Handover): string {
  const share = (n: number, of: number) => `${n} of ${of} (${of === 0 ? '0%' : percent(n / of)})`
  return [
    `Handed to people: ${share(h.handed, h.of)}`,
    ...h.lines.map((l) => `${l.model}: ${share(l.handed, l.of)}`),
  ].join(' · ')
}

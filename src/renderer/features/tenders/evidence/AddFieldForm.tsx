import { useState, type FormEvent } from 'react'
import type { EvidenceField, TenantId } from '../../../../shared/contract'
import type { Word } from '../../../../shared/document-text'
import { FIELD_LABELS } from '../../../../shared/tenders/fields/labels'
import type { FieldName } from '../../../../shared/tenders/fields/types'
import { describeError } from '../../../bridge/errors'
import { announce, NO_DESK_USER, useDeskUserStore } from '../../../state'
import { CreditedTo } from '../../identity/CreditedTo'
import { recordFieldCorrection } from '../decisions/record'
import { loadDecisions } from '../decisions/store'
import { lineBoxes, pickedText, type Picked } from './pick'

interface Props {
  tenantId: TenantId
  documentId: string
  sha256: string
  /** The fields the extractor read: a picked value for one of them corrects it. */
  fields: Record<string, EvidenceField>
  modelVersion: string
  picked: Picked | null
  /** The words of the page the pick is on. */
  words: readonly Word[]
  onSaved(field: string): void
  onCancel(): void
}

const FIELD_OPTIONS = Object.entries(FIELD_LABELS) as [FieldName, string][]
const short = (text: string): string => (text.length > 30 ? `${text.slice(0, 29)}…` : text)

/**
 * Sets a field from words picked on the page: saved as a field correction (the record kind the
 * correction form saves, so it is ground truth for learning) with the picked words' boxes as its
 * evidence. The value is the picked text; it can be tidied before saving.
 */
export function AddFieldForm({
  tenantId,
  documentId,
  sha256,
  fields,
  modelVersion,
  picked,
  words,
  onSaved,
  onCancel,
}: Props) {
  const actor = useDeskUserStore((s) => s.name)
  const text = picked ? pickedText(words, picked.indexes) : ''
  const [field, setField] = useState<FieldName | ''>('')
  const [value, setValue] = useState(text)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // A new pick replaces the value (the words on the page are the evidence); set while rendering, as
  // React advises for state that follows a prop.
  const [pickedFrom, setPickedFrom] = useState(text)
  if (pickedFrom !== text) {
    setPickedFrom(text)
    setValue(text)
  }

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (!picked || picked.indexes.length === 0)
      return setError('Pick the words of the value on the page first.')
    if (field === '') return setError('Choose which field the picked words are.')
    if (value.trim() === '') return setError('The value is empty: pick words that have text.')
    if (!actor) return setError(NO_DESK_USER)
    const read = fields[field]
    if (read && read.value.trim() === value.trim())
      return setError(`${FIELD_LABELS[field]} already reads “${read.value}”: there is nothing to correct.`)
    setBusy(true)
    setError(null)
    try {
      await recordFieldCorrection(tenantId, {
        documentId,
        sha256,
        field,
        original: read ? { value: read.value, normalised: read.normalised } : null,
        correctedValue: value,
        confidence: read?.confidence ?? 0,
        modelVersion,
        reason,
        actor,
        evidence: lineBoxes(words, picked),
      })
      await loadDecisions(tenantId)
      announce(`${FIELD_LABELS[field]} set to “${value.trim()}” from the page.`)
      onSaved(field)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="add-field-title" className="add-field">
      <h3 id="add-field-title">Add a field from the page</h3>
      <p className="muted">
        Click the first word of the value on the page and Shift+click the last (or reach a word with the arrow
        keys and press Enter, then Shift+Enter). Then say which field it is.
      </p>
      <form aria-label="Add a field from the page" noValidate onSubmit={(e) => void submit(e)}>
        <p aria-live="polite" className="picked-words">
          {text === '' ? 'No words picked yet.' : `Picked on page ${picked?.page}: “${text}”`}
        </p>
        <label>
          Field
          <select value={field} onChange={(e) => setField(e.target.value as FieldName | '')}>
            <option value="">Choose a field…</option>
            {FIELD_OPTIONS.map(([name, label]) => (
              <option key={name} value={name}>
                {fields[name] ? `${label} (read: ${short(fields[name].value)})` : label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label>
          Reason (optional)
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <CreditedTo what="a field" />
        <button type="submit" disabled={busy}>
          Set field
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
      </form>
    </section>
  )
}

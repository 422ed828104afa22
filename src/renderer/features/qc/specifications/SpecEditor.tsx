import { useState } from 'react'
import { describeError } from '../../../bridge/errors'
import { parseSpecification, type Specification } from '../../../../shared/qc'
import type { SpecificationRow, TenantDb } from '../../../db'
import { actorName, showNotice } from '../qc-store'
import { saveSpecification, type SpecError } from './library'
import { ParameterFields, type ParameterDraft, toDraft, fromDraft } from './ParameterFields'

type Mode = 'form' | 'json'

/** Edit as a form or as JSON text; saving validates and stores a new version (never overwrites). */
export function SpecEditor({
  db,
  row,
  onClose,
}: {
  db: TenantDb
  row: SpecificationRow
  onClose: () => void
}) {
  const [mode, setMode] = useState<Mode>('form')
  const [product, setProduct] = useState(row.spec.product)
  const [params, setParams] = useState<ParameterDraft[]>(() => row.spec.parameters.map(toDraft))
  const [json, setJson] = useState(() => JSON.stringify(row.spec, null, 2))
  const [errors, setErrors] = useState<SpecError[]>([])

  const candidate = (): unknown => {
    if (mode === 'json') {
      try {
        return JSON.parse(json) as unknown
      } catch (e) {
        return { __jsonError: e instanceof Error ? e.message : String(e) }
      }
    }
    return { ...row.spec, product, parameters: params.map(fromDraft) }
  }

  const switchTo = (next: Mode) => {
    const value = candidate()
    const parsed = parseSpecification(value)
    if (next === 'json' && mode === 'form') setJson(JSON.stringify(parsed.ok ? parsed.spec : value, null, 2))
    if (next === 'form' && mode === 'json') {
      if (!parsed.ok) return setErrors(parsed.errors)
      setProduct(parsed.spec.product)
      setParams(parsed.spec.parameters.map(toDraft))
    }
    setErrors([])
    setMode(next)
  }

  const save = async () => {
    const value = candidate()
    if (value && typeof value === 'object' && '__jsonError' in value)
      return setErrors([{ path: '(text)', message: `not valid JSON: ${String(value.__jsonError)}` }])
    const parsed = parseSpecification(value)
    if (!parsed.ok) return setErrors(parsed.errors)
    try {
      const { row: saved, created } = await saveSpecification(db, parsed.spec as Specification, actorName(), {
        source: 'edit',
        previous: row,
      })
      showNotice('info', created ? `Saved ${saved.product} version ${saved.version}.` : 'No change to save.')
      onClose()
    } catch (e) {
      setErrors([{ path: '(store)', message: describeError(e).message }])
    }
  }

  return (
    <section className="card spec-editor" aria-label={`Edit ${row.product}`}>
      <h3>
        Edit {row.product} (from v{row.version})
      </h3>
      <div role="group" aria-label="Edit as">
        <button type="button" aria-pressed={mode === 'form'} onClick={() => switchTo('form')}>
          Form
        </button>{' '}
        <button type="button" aria-pressed={mode === 'json'} onClick={() => switchTo('json')}>
          JSON text
        </button>
      </div>
      {mode === 'form' ? (
        <>
          <label>
            Product
            <input value={product} onChange={(e) => setProduct(e.target.value)} />
          </label>
          <ParameterFields params={params} onChange={setParams} />
        </>
      ) : (
        <label>
          Specification JSON
          <textarea rows={16} spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} />
        </label>
      )}
      {errors.length > 0 && (
        <ul role="alert" className="inline-error" aria-label="Specification errors">
          {errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void save()}>
        Save as new version
      </button>{' '}
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </section>
  )
}

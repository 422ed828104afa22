import type { Specification } from '../../../../shared/qc'

type Param = Specification['parameters'][number]

/** A parameter as text boxes: limits are either the sheet's text or min/max numbers. */
export interface ParameterDraft {
  name: string
  aliases: string
  method: string
  unit: string
  limit: string
  min: string
  max: string
  /** Fields the form does not show (warning band, bound inclusivity), kept as they were. */
  rest: Partial<Param>
}

const boundValue = (b: Param['min']): string =>
  b === undefined ? '' : typeof b === 'number' ? String(b) : String(b.value)

export function toDraft(p: Param): ParameterDraft {
  const { name, aliases, method, unit, limit, min, max, ...rest } = p
  return {
    name,
    aliases: aliases.join(', '),
    method: method ?? '',
    unit: unit ?? '',
    limit: limit ?? '',
    min: boundValue(min),
    max: boundValue(max),
    rest,
  }
}

const num = (text: string): number | string =>
  text.trim() === '' ? '' : Number.isFinite(Number(text)) ? Number(text) : text

/** Back to the schema's input shape; bad numbers stay text so validation names the field. */
export function fromDraft(d: ParameterDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { ...d.rest, name: d.name }
  const aliases = d.aliases
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  if (aliases.length) out.aliases = aliases
  if (d.method.trim()) out.method = d.method.trim()
  if (d.unit.trim()) out.unit = d.unit.trim()
  if (d.limit.trim()) out.limit = d.limit.trim()
  if (num(d.min) !== '') out.min = num(d.min)
  if (num(d.max) !== '') out.max = num(d.max)
  return out
}

const EMPTY: ParameterDraft = {
  name: '',
  aliases: '',
  method: '',
  unit: '',
  limit: '',
  min: '',
  max: '',
  rest: {},
}
const FIELDS = [
  ['name', 'Name'],
  ['aliases', 'Aliases'],
  ['method', 'Method'],
  ['unit', 'Unit'],
  ['limit', 'Limit text'],
  ['min', 'Min'],
  ['max', 'Max'],
] as const

export function ParameterFields({
  params,
  onChange,
}: {
  params: ParameterDraft[]
  onChange: (next: ParameterDraft[]) => void
}) {
  const set = (i: number, patch: Partial<ParameterDraft>) =>
    onChange(params.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  return (
    <table className="data-table spec-params" aria-label="Parameters">
      <thead>
        <tr>
          {FIELDS.map(([, label]) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
          <th scope="col">Remove</th>
        </tr>
      </thead>
      <tbody>
        {params.map((p, i) => (
          <tr key={i}>
            {FIELDS.map(([key, label]) => (
              <td key={key}>
                <input
                  aria-label={`${label} of parameter ${i + 1}`}
                  value={p[key]}
                  onChange={(e) => set(i, { [key]: e.target.value })}
                />
              </td>
            ))}
            <td>
              <button type="button" onClick={() => onChange(params.filter((_, j) => j !== i))}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={FIELDS.length + 1}>
            <button type="button" onClick={() => onChange([...params, EMPTY])}>
              Add parameter
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  )
}

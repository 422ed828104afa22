import type { ReviewedParameter } from './effective'

interface Props {
  parameters: ReviewedParameter[]
  selected: string | null
  onSelect: (specName: string) => void
  /** Opens the correction form; `opener` gets the focus back when it closes. */
  onEdit: ((specName: string, opener: HTMLButtonElement) => void) | null
}

const VERDICT_TEXT = { pass: 'Pass', warn: 'Warning', fail: 'Out of spec', review: 'Review' } as const

/** The parsed table beside the page: one row per specification parameter, flagged where it needs eyes. */
export function ParameterTable({ parameters, selected, onSelect, onEdit }: Props) {
  return (
    <div className="table-scroll">
      <table className="data-table qc-results" aria-label="COA results">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Method</th>
            <th scope="col">Unit</th>
            <th scope="col">Limit</th>
            <th scope="col">Result</th>
            <th scope="col">Verdict</th>
            <th scope="col">Confidence</th>
            {onEdit && <th scope="col">Correct</th>}
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => {
            const classes = [`verdict-${p.verdict}`]
            if (p.specName === selected) classes.push('selected')
            if (p.lowConfidence) classes.push('low-confidence')
            return (
              <tr key={p.specName} className={classes.join(' ')} aria-selected={p.specName === selected}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelect(p.specName)}>
                    {p.specName}
                  </button>
                  {p.name !== p.specName && <span className="muted"> (COA: {p.name})</span>}
                </th>
                <td>{p.method ?? ''}</td>
                <td>{p.unit ?? ''}</td>
                <td>
                  {p.limit}
                  {p.coaLimit && <span className="muted"> (COA: {p.coaLimit})</span>}
                </td>
                <td>
                  {p.result ?? '—'}
                  {p.edit && (
                    <span className="edited">
                      {' '}
                      (corrected from “{p.edit.original}” by {p.edit.by}: {p.edit.reason})
                    </span>
                  )}
                </td>
                <td>
                  <strong className={`verdict verdict-${p.verdict}`}>{VERDICT_TEXT[p.verdict]}</strong>
                  <span className="reason">{p.reason}</span>
                </td>
                <td>
                  {p.confidence === undefined ? '—' : Math.round(p.confidence)}
                  {p.lowConfidence && <span className="flag"> Low confidence</span>}
                </td>
                {onEdit && (
                  <td>
                    <button
                      type="button"
                      onClick={(e) => onEdit(p.specName, e.currentTarget)}
                      aria-label={`Correct ${p.specName}`}
                    >
                      Correct
                    </button>
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

import type { Gs1ResultDto } from '../../../shared/contract'

/** The elements of one reading: what the label says, AI by AI. */
export function Gs1Table({ result, label }: { result: Gs1ResultDto; label: string }) {
  if (result.elements.length === 0) {
    return (
      <p className="muted">{result.text !== undefined ? `Not GS1 data: ${result.text}` : 'No elements.'}</p>
    )
  }
  return (
    <table className="data-table gs1-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">AI</th>
          <th scope="col">Title</th>
          <th scope="col">Value</th>
          <th scope="col">Date</th>
        </tr>
      </thead>
      <tbody>
        {result.elements.map((e, i) => (
          <tr key={`${e.ai}-${i}`}>
            <th scope="row">({e.ai})</th>
            <td>{e.title}</td>
            <td className="gs1-value">
              {e.value}
              {e.decimal !== undefined ? ` (${e.decimal})` : ''}
              {e.currency !== undefined ? ` ${e.currency}` : ''}
            </td>
            <td>{e.date !== undefined ? <time dateTime={e.date}>{e.date}</time> : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Shows where in the data a reading failed, so the bad character can be seen. */
export function ErrorPosition({ data, position }: { data: string; position: number }) {
  const shown = data.replaceAll('\x1D', '\u241D')
  return (
    <code className="scan-data" aria-label={`Data, error at position ${position}`}>
      {shown.slice(0, position)}
      <mark>{shown.slice(position, position + 1) || ' '}</mark>
      {shown.slice(position + 1)}
    </code>
  )
}

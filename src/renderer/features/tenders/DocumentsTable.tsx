import type { DocumentRecord } from '../../../shared/contract'
import { formatSize, formatTime, typeName } from './format'

export function DocumentsTable({ documents }: { documents: DocumentRecord[] }) {
  return (
    <table aria-label="Documents" className="data-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">SHA-256</th>
          <th scope="col">Imported</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr key={d.id}>
            <th scope="row" className="doc-name" title={d.sourcePath ?? d.name}>
              {d.name}
            </th>
            <td title={d.mediaType}>{typeName(d.mediaType)}</td>
            <td className="num" title={`${d.size} bytes`}>
              {formatSize(d.size)}
            </td>
            <td>
              <code className="hash" title={d.sha256}>
                {d.sha256}
              </code>
            </td>
            <td>
              <time dateTime={d.importedAt}>{formatTime(d.importedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

import { useState } from 'react'
import type { SpecificationRow, TenantDb } from '../../../db'
import { saveFile } from '../../documents/save-file'
import { exportFileName, exportSpecText, latestPerProduct } from './library'
import { SpecEditor } from './SpecEditor'
import { SpecImport } from './SpecImport'

function download(row: SpecificationRow, format: 'json' | 'yaml') {
  const mediaType = format === 'json' ? 'application/json' : 'text/yaml'
  saveFile(exportFileName(row, format), mediaType, exportSpecText(row, format))
}

function ExportButtons({ row }: { row: SpecificationRow }) {
  return (
    <>
      <button
        type="button"
        onClick={() => download(row, 'json')}
        aria-label={`Export ${row.product} v${row.version} as JSON`}
      >
        JSON
      </button>{' '}
      <button
        type="button"
        onClick={() => download(row, 'yaml')}
        aria-label={`Export ${row.product} v${row.version} as YAML`}
      >
        YAML
      </button>
    </>
  )
}

function Versions({ rows }: { rows: SpecificationRow[] }) {
  return (
    <table className="data-table" aria-label={`Versions of ${rows[0]?.product ?? ''}`}>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Saved</th>
          <th scope="col">By</th>
          <th scope="col">How</th>
          <th scope="col">Fingerprint</th>
          <th scope="col">Export</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">v{r.version}</th>
            <td>{r.createdAt.slice(0, 16).replace('T', ' ')}</td>
            <td>{r.createdBy}</td>
            <td>{r.source === 'import' ? `imported${r.fileName ? ` from ${r.fileName}` : ''}` : 'edited'}</td>
            <td>
              <code>{r.fingerprint.slice(0, 12)}</code>
            </td>
            <td>
              <ExportButtons row={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The specification library: import, the latest version of each product, its versions, edit, export. */
export function SpecLibrary({ db, specs }: { db: TenantDb; specs: SpecificationRow[] }) {
  const [editing, setEditing] = useState<string | null>(null)
  const [showing, setShowing] = useState<string | null>(null)
  const latest = latestPerProduct(specs)
  const editRow = latest.find((r) => r.id === editing)
  const versions = specs.filter((s) => s.product === showing).sort((a, b) => b.version - a.version)

  return (
    <>
      <SpecImport db={db} />
      {latest.length === 0 ? (
        <p className="empty-state">No specifications yet.</p>
      ) : (
        <table className="data-table" aria-label="Specifications">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Version</th>
              <th scope="col">Parameters</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {latest.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.product}</th>
                <td>v{r.version}</td>
                <td>{r.spec.parameters.length}</td>
                <td>
                  <button type="button" onClick={() => setEditing(r.id)} aria-label={`Edit ${r.product}`}>
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() => setShowing(r.product)}
                    aria-label={`Versions of ${r.product}`}
                  >
                    Versions
                  </button>{' '}
                  <ExportButtons row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editRow && <SpecEditor key={editRow.id} db={db} row={editRow} onClose={() => setEditing(null)} />}
      {versions.length > 0 && <Versions rows={versions} />}
    </>
  )
}

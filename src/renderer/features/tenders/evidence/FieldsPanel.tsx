import { useState } from 'react'
import type { EvidenceField, TenantId } from '../../../../shared/contract'
import { fieldLabel } from '../../../../shared/tenders/fields/labels'
import { CorrectionForm } from '../decisions/CorrectionForm'
import { useDecisionsStore } from '../decisions/store'

interface Props {
  tenantId: TenantId
  documentId: string
  sha256: string
  fields: Record<string, EvidenceField>
  modelVersion: string
  located: string | null
  onLocate(name: string): void
}

/**
 * The fields read from the bid, then those the analyst added from the page; each can be located on
 * its page (an added one where its words were picked), and a read one corrected.
 */
export function FieldsPanel({
  tenantId,
  documentId,
  sha256,
  fields,
  modelVersion,
  located,
  onLocate,
}: Props) {
  const corrections = useDecisionsStore((s) => s.corrections[documentId])
  const [correcting, setCorrecting] = useState<string | null>(null)
  const added = Object.keys(corrections ?? {}).filter((name) => !(name in fields))
  const names = [...Object.keys(fields), ...added]

  return (
    <section aria-labelledby="fields-title">
      <h3 id="fields-title">Fields</h3>
      {names.length === 0 && <p className="muted">No fields were read from this document.</p>}
      <table aria-label="Fields">
        <tbody>
          {names.map((name) => {
            const f = fields[name]
            const corrected = corrections?.[name]
            const label = fieldLabel(name)
            const locatable = f !== undefined || (corrected?.boxes?.length ?? 0) > 0
            return (
              <tr key={name} aria-current={located === name ? 'true' : undefined}>
                <th scope="row">{label}</th>
                <td>
                  {corrected && !f ? (
                    <>
                      <ins>{corrected.correctedValue}</ins>{' '}
                      <span className="muted">(added from the page by {corrected.correctedBy})</span>
                    </>
                  ) : corrected ? (
                    <>
                      <ins>{corrected.correctedValue}</ins>{' '}
                      <del title="As read">{corrected.originalValue}</del>
                    </>
                  ) : (
                    f?.value
                  )}
                  {f && f.normalised !== f.value && !corrected && <div className="muted">{f.normalised}</div>}
                  {f?.template && !corrected && (
                    <div className="muted">
                      Read with the template learned from {f.template.documentName},{' '}
                      {new Date(f.template.learnedAt).toLocaleDateString()} ({f.template.learnedBy})
                    </div>
                  )}
                  {f && correcting === name && (
                    <CorrectionForm
                      tenantId={tenantId}
                      documentId={documentId}
                      sha256={sha256}
                      fieldName={name}
                      field={f}
                      modelVersion={modelVersion}
                      onDone={() => setCorrecting(null)}
                    />
                  )}
                </td>
                <td>
                  {locatable && (
                    <button type="button" className="link" onClick={() => onLocate(name)}>
                      Locate <span className="visually-hidden">{label}</span>
                    </button>
                  )}{' '}
                  {f && (
                    <button type="button" className="link" onClick={() => setCorrecting(name)}>
                      Correct <span className="visually-hidden">{label}</span>
                    </button>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

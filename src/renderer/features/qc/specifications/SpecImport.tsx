import { useState, type ChangeEvent } from 'react'
import { describeError } from '../../../bridge/errors'
import type { TenantDb } from '../../../db'
import { saveFile } from '../../documents/save-file'
import { SPEC_TEMPLATE_FILE_NAME, SPEC_TEMPLATE_YAML } from '../../../../shared/qc'
import { actorName, showNotice } from '../qc-store'
import { parseSpecText, saveSpecification, type SpecError } from './library'

function downloadTemplate() {
  saveFile(SPEC_TEMPLATE_FILE_NAME, 'text/yaml', SPEC_TEMPLATE_YAML)
}

/** Import from a JSON/YAML file or pasted text; every validation error names the file and its path. */
export function SpecImport({ db }: { db: TenantDb }) {
  const [text, setText] = useState('')
  const [fileName, setFileName] = useState<string | undefined>(undefined)
  const [errors, setErrors] = useState<SpecError[]>([])
  const [failed, setFailed] = useState<string | undefined>(undefined)

  const importText = async (source: string, name: string | undefined) => {
    const parsed = parseSpecText(source, name)
    setFailed(name)
    if (!parsed.ok) return setErrors(parsed.errors)
    setErrors([])
    try {
      const { row, created } = await saveSpecification(db, parsed.spec, actorName(), {
        source: 'import',
        ...(name ? { fileName: name } : {}),
      })
      showNotice(
        'info',
        created
          ? `Imported ${row.product} as version ${row.version}.`
          : `${row.product} v${row.version} already says the same; nothing new was stored.`,
      )
      setText('')
    } catch (e) {
      setErrors([{ path: '(store)', message: describeError(e).message }])
    }
  }

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    const content = await file.text()
    setText(content)
    setFileName(file.name)
    await importText(content, file.name)
  }

  return (
    <section className="card" aria-labelledby="spec-import-title">
      <h2 id="spec-import-title">Import a specification</h2>
      <p className="muted">
        New to specifications? Start from the commented example:{' '}
        <button type="button" onClick={downloadTemplate}>
          Download template
        </button>
      </p>
      <label>
        Specification file (JSON or YAML)
        <input
          type="file"
          accept=".json,.yaml,.yml,application/json,text/yaml"
          onChange={(e) => void onFile(e)}
        />
      </label>
      <label>
        Specification text
        <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <button type="button" onClick={() => void importText(text, fileName)} disabled={text.trim() === ''}>
        Import
      </button>
      {errors.length > 0 && (
        <div role="alert" className="inline-error">
          <p>{failed ?? 'The pasted specification'} was not imported:</p>
          <ul aria-label="Specification errors">
            {errors.map((e) => (
              <li key={`${e.path}:${e.message}`}>
                {e.file && <>{e.file}: </>}
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

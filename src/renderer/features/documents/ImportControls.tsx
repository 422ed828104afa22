import { useState, type DragEvent } from 'react'
import { useImport } from './use-import'

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff'
const DOCUMENT = /\.(pdf|png|jpe?g|tiff?)$/i
// Not in React's typings, but Chromium and Electron honour it: the picker chooses a whole folder.
const FOLDER_PICKER = { webkitdirectory: '', directory: '' }

/** A folder brings everything below it; only documents are sent (hidden files and notes are not). */
export function documentsInFolder(files: readonly File[]): File[] {
  return files.filter(
    (f) => DOCUMENT.test(f.name) && !f.webkitRelativePath.split('/').some((p) => p.startsWith('.')),
  )
}

export function ImportControls() {
  const { importFiles, busy, error } = useImport()
  const [dragging, setDragging] = useState(false)

  const onDragOver = (event: DragEvent<HTMLElement>): void => {
    if (!event.dataTransfer.types.includes('Files')) return
    // Without preventDefault the browser opens the dropped file in place of the app.
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setDragging(true)
  }
  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault()
    setDragging(false)
    void importFiles(Array.from(event.dataTransfer.files))
  }

  return (
    <section
      aria-label="Drop documents to import"
      className={`dropzone${dragging ? ' dragging' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      aria-busy={busy}
    >
      <p>Drop tender documents or certificates here (PDF, PNG, JPEG, TIFF), or</p>
      <input
        id="import-documents"
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        disabled={busy}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          // Cleared so choosing the same file again still fires a change.
          event.target.value = ''
          void importFiles(files)
        }}
      />
      <label htmlFor="import-documents" className="button">
        Import documents
      </label>{' '}
      <input
        id="import-folder"
        className="visually-hidden"
        type="file"
        multiple
        disabled={busy}
        {...FOLDER_PICKER}
        onChange={(event) => {
          const files = documentsInFolder(Array.from(event.target.files ?? []))
          event.target.value = ''
          void importFiles(files)
        }}
      />
      <label htmlFor="import-folder" className="button">
        Import a folder
      </label>
      {busy && <p className="muted">Reading and sending files…</p>}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </section>
  )
}

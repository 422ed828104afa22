import { useEffect, useState, type FormEvent } from 'react'
import type { OcrEngine, OcrLanguages, OcrModel, OcrSettings } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import { useSessionStore } from '../identity/session'
import { useServices } from '../services/context'

const LANGUAGES: Record<OcrLanguages, string> = {
  eng: 'English only',
  hin: 'Hindi only',
  'eng+hin': 'English and Hindi',
}

const MODELS: Record<OcrModel, string> = {
  best: 'Best (slower; reads digits on COA scans reliably)',
  fast: 'Fast (about a quarter quicker a page; misreads more digits)',
}

const ENGINES: Record<OcrEngine, string> = {
  tesseract: 'Tesseract (English and Hindi)',
  paddle: 'PaddleOCR (English pages; Hindi pages stay with Tesseract)',
}

const describe = (s: Pick<OcrSettings, 'languages' | 'model' | 'engine'>) =>
  `${LANGUAGES[s.languages]}, ${s.model === 'best' ? 'best' : 'fast'} model` +
  (s.engine === 'paddle' ? ', PaddleOCR engine' : '')

/** The tenant on screen: which languages, model and engine OCR reads its documents with. Admins change it. */
export function OcrSettingsForm({ tenantId }: { tenantId: string }) {
  const { desk } = useServices()
  const isAdmin = useSessionStore((s) => s.status?.user?.roles.includes('admin') ?? false)
  const [current, setCurrent] = useState<OcrSettings | null>(null)
  const [languages, setLanguages] = useState<OcrLanguages>('eng')
  const [model, setModel] = useState<OcrModel>('best')
  const [engine, setEngine] = useState<OcrEngine>('tesseract')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const show = (settings: OcrSettings) => {
    setCurrent(settings)
    setLanguages(settings.languages)
    setModel(settings.model)
    setEngine(settings.engine)
  }

  useEffect(() => {
    let live = true
    desk.ocr['settings.get']().then(
      (settings) => live && show(settings),
      (e: unknown) => live && setError(describeError(e).message),
    )
    return () => {
      live = false
    }
  }, [desk, tenantId])

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setMessage(null)
    setError(null)
    try {
      show(await desk.ocr['settings.set']({ languages, model, engine }))
      setMessage('Saved. Documents read from now on use it; text read before stays as it was.')
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="ocr-title" className="card">
      <h2 id="ocr-title">Reading scanned pages (OCR)</h2>
      {current && (
        <p>
          {current.source === 'tenant'
            ? `This tenant reads with ${describe(current)}.`
            : `This tenant has no choice of its own: it reads with the desk's default, ${describe(current.desk)}` +
              (current.desk.languages === 'eng' ? ', adding Hindi on pages that look bilingual.' : '.')}
        </p>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      {isAdmin && current && (
        <form aria-label="OCR settings" onSubmit={(e) => void save(e)}>
          <ChoiceSelect label="Languages" value={languages} choices={LANGUAGES} onChange={setLanguages} />
          <ChoiceSelect label="Model" value={model} choices={MODELS} onChange={setModel} />
          <ChoiceSelect label="Engine" value={engine} choices={ENGINES} onChange={setEngine} />
          <button type="submit" disabled={busy}>
            Save
          </button>
        </form>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  )
}

/** A labelled select over a fixed set of choices, each shown by its description. */
function ChoiceSelect<T extends string>(props: {
  label: string
  value: T
  choices: Record<T, string>
  onChange: (value: T) => void
}) {
  const { label, value, choices, onChange } = props
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {(Object.entries(choices) as [T, string][]).map(([choice, description]) => (
          <option key={choice} value={choice}>
            {description}
          </option>
        ))}
      </select>
    </label>
  )
}

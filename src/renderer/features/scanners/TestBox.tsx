import { useId, useState, type FormEvent } from 'react'
import type { MethodResult } from '../../../shared/contract'
import { describeError } from '../../bridge'
import { useServices } from '../services/context'
import { describeParseError } from './describe-scan'
import { ErrorPosition, Gs1Table } from './Gs1Table'

type TestResult = MethodResult<'scanners.test'>

/** Reads typed (or scanned-in) data exactly as a scan would be read, without logging or linking it. */
export function TestBox() {
  const services = useServices()
  const hintId = useId()
  const [data, setData] = useState('')
  const [result, setResult] = useState<TestResult | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (data.trim() === '') return
    setBusy(true)
    try {
      setResult(await services.desk.scanners.test({ data }))
      setFailure(null)
    } catch (error) {
      setResult(null)
      setFailure(describeError(error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="scanner-test-title">
      <h2 id="scanner-test-title">Test a barcode</h2>
      <form className="scanner-test" onSubmit={(e) => void onSubmit(e)}>
        <label htmlFor="scanner-test-input">Test barcode</label>
        {/* A scan field: a keyboard scanner's burst lands here instead of going to the feed. */}
        <input
          id="scanner-test-input"
          data-scan-field=""
          value={data}
          onChange={(e) => setData(e.target.value)}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={busy}>
          Parse
        </button>
        <p id={hintId} className="muted">
          Type or scan the barcode data; write the GS separator as &lt;GS&gt;, {'{GS}'} or \x1D.
        </p>
      </form>
      <div aria-live="polite" className="scanner-test-result">
        {failure && <p className="inline-error">Could not read it: {failure}</p>}
        {result?.parseError && (
          <div className="scan-error">
            <p className="inline-error">Not a valid GS1 barcode, {describeParseError(result.parseError)}</p>
            <ErrorPosition data={result.data} position={result.parseError.position} />
          </div>
        )}
        {result?.gs1 && (
          <>
            <p>
              Valid GS1 data{result.gs1.symbology ? ` (${result.gs1.symbology})` : ''} with{' '}
              {result.gs1.elements.length} element{result.gs1.elements.length === 1 ? '' : 's'}.
            </p>
            <Gs1Table result={result.gs1} label="Test barcode elements" />
          </>
        )}
      </div>
    </section>
  )
}

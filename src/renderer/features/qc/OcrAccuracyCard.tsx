import { useEffect } from 'react'
import { useTenantStore } from '../../state'
import { useServices } from '../services/context'
import { useQcOcrAccuracy } from './ocr-accuracy-store'

/** The seed's threshold; the hub alerts below it too. */
const THRESHOLD = 0.95

/**
 * How often people had to fix what OCR read on this tenant's certificates: 1 − corrected /
 * reviewed characters, from corrections on the review screen and values signed off unchanged.
 */
export function OcrAccuracyCard() {
  const { desk } = useServices()
  const tenant = useTenantStore((s) => s.currentId)
  const { accuracy, loaded } = useQcOcrAccuracy()

  useEffect(() => {
    let live = true
    useQcOcrAccuracy.setState({ loaded: false })
    desk.qc['ocrTruth.accuracy']().then(
      ({ accuracy: a }) => {
        if (live) useQcOcrAccuracy.setState({ accuracy: a, loaded: true })
      },
      () => {
        if (live) useQcOcrAccuracy.setState({ accuracy: null, loaded: true })
      },
    )
    return () => {
      live = false
    }
  }, [desk, tenant])

  const low = accuracy !== null && accuracy.accuracy < THRESHOLD
  return (
    <section className="card" aria-labelledby="qc-ocr-accuracy-title">
      <h2 id="qc-ocr-accuracy-title">OCR accuracy</h2>
      {!loaded ? (
        <p className="muted">Loading…</p>
      ) : accuracy === null ? (
        <p className="muted">
          Nothing reviewed yet: corrections of values read by OCR, and values signed off unchanged, count
          here.
        </p>
      ) : (
        <p className={low ? 'inline-error' : undefined} data-testid="qc-ocr-accuracy">
          <strong>{(accuracy.accuracy * 100).toFixed(1)}%</strong> of reviewed characters were read right (
          {accuracy.correctedChars} of {accuracy.reviewedChars} corrected)
          {low && ` — below ${THRESHOLD * 100}%: the hub alerts on this`}
        </p>
      )}
    </section>
  )
}

import { describeParseError, showGs, sourceLabel } from './describe-scan'
import { ErrorPosition, Gs1Table } from './Gs1Table'
import { useScannerStore, type FeedEntry } from './store'

const time = (iso: string) => new Date(iso).toLocaleTimeString()

function FeedItem({ entry }: { entry: FeedEntry }) {
  if (entry.kind === 'error') {
    return (
      <li className="scan-entry scan-entry-error">
        <p>
          <time dateTime={entry.error.timestamp}>{time(entry.error.timestamp)}</time> {entry.error.path}:{' '}
          <span className="inline-error">Error: {entry.error.message}</span>
        </p>
      </li>
    )
  }
  const { scan } = entry
  return (
    <li className={scan.parseError ? 'scan-entry scan-entry-error' : 'scan-entry'}>
      <p className="scan-head">
        <time dateTime={scan.timestamp}>{time(scan.timestamp)}</time> <strong>{sourceLabel(scan)}</strong>
        {scan.gs1?.symbology ? ` · ${scan.gs1.symbology}` : ''}
      </p>
      {scan.parseError ? (
        <>
          <p className="inline-error">
            Error: not a valid GS1 barcode, {describeParseError(scan.parseError)}
          </p>
          <ErrorPosition data={scan.data} position={scan.parseError.position} />
        </>
      ) : (
        <>
          <code className="scan-data">{showGs(scan.data)}</code>
          {scan.gs1 && <Gs1Table result={scan.gs1} label={`Elements of scan at ${time(scan.timestamp)}`} />}
        </>
      )}
    </li>
  )
}

/** Scans newest first; the page's live region speaks them, so this list itself stays quiet. */
export function ScanFeed() {
  const feed = useScannerStore((s) => s.feed)
  const announcement = useScannerStore((s) => s.announcement)
  return (
    <section className="card" aria-labelledby="scan-feed-title">
      <h2 id="scan-feed-title">Live scans</h2>
      {/* A stable live region whose text node is replaced, so a repeated sentence is read again. */}
      <p role="status" aria-live="polite" className="visually-hidden">
        <span key={announcement.serial}>{announcement.message}</span>
      </p>
      {feed.length === 0 ? (
        <p className="muted">No scans yet. Scan a label with a connected or keyboard scanner.</p>
      ) : (
        <ol className="scan-feed" aria-label="Scan feed">
          {feed.map((entry) => (
            <FeedItem key={entry.kind === 'scan' ? entry.scan.id : entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  )
}

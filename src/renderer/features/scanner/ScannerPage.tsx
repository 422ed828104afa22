import { PageHeading } from '../navigation/PageHeading'

export function ScannerPage() {
  return (
    <>
      <PageHeading>Scanner</PageHeading>
      <div className="empty-state">
        <h2>No scanner connected</h2>
        <p>
          This page will show barcode scans from connected handheld and fixed scanners, read as GS1 data
          (GTIN, batch, expiry, serial) and linked to the matching documents.
        </p>
        <p>
          Scanner connection is not available in this version yet. Received goods can still be recorded by
          importing their delivery documents on the Tenders page.
        </p>
      </div>
    </>
  )
}

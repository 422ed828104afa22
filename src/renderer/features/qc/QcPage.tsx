import { showPage } from '../../state'
import { PageHeading } from '../navigation/PageHeading'

export function QcPage() {
  return (
    <>
      <PageHeading>QC</PageHeading>
      <div className="empty-state">
        <h2>Certificates of Analysis</h2>
        <p>
          This page will list each Certificate of Analysis with the values read from it, checked against your
          product specifications, for you to approve or reject.
        </p>
        <p>
          Import a Certificate of Analysis on the{' '}
          <button type="button" className="link" onClick={() => showPage('tenders')}>
            Tenders page
          </button>
          now: it is kept with its SHA-256 fingerprint and will be checked here once certificate reading is
          enabled.
        </p>
      </div>
    </>
  )
}

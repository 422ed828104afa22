import type { ScreeningDetail } from '../../../../shared/contract'
import { TERM_COLOURS } from './marks'

type ProfileDetail = ScreeningDetail['profiles'][number]

/** Why the score is what it is: each term, how often it was found, its weight and its points. */
export function ScoreBreakdown({ profile }: { profile: ProfileDetail }) {
  return (
    <section aria-labelledby="breakdown-title">
      <h3 id="breakdown-title">
        Score {profile.score.toFixed(1)} ({profile.relevant ? 'relevant' : 'not relevant'}, threshold{' '}
        {profile.threshold})
      </h3>
      {profile.reasons.length > 0 && (
        <ul>
          {profile.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <table aria-label="Score breakdown">
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Count</th>
            <th scope="col">Weight</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {profile.terms.map((t, i) => (
            <tr key={t.term}>
              <th scope="row">
                <span className={`term-swatch term-${i % TERM_COLOURS}`} aria-hidden="true" />
                {t.term}
                {t.veto ? ' (veto)' : t.exclusion ? ' (exclusion)' : ''}
              </th>
              <td>{t.count}</td>
              <td>{t.weight}</td>
              <td>{t.points.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

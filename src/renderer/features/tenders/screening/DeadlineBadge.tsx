import type { Deadline } from './view'

export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  if (deadline?.state === 'closed') return <span className="badge closed">Closed</span>
  if (deadline?.state === 'soon')
    return (
      <span className="badge soon">
        {deadline.days <= 1 ? 'Closes within a day' : `Closes in ${deadline.days} days`}
      </span>
    )
  return null
}

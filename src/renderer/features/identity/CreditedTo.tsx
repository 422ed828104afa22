import { useDeskUserStore } from '../../state'

/**
 * Says, beside a form, who its record will be credited to: the person at this desk, never a name
 * typed into the form. With nobody chosen it says how to choose (the form refuses until then).
 */
export function CreditedTo({ what }: { what: string }) {
  const name = useDeskUserStore((s) => s.name)
  if (!name)
    return (
      <p className="credit credit-missing">
        Nobody has said who is at this desk: choose “Who is at this desk” at the top of the window before
        recording {what}.
      </p>
    )
  return (
    <p className="credit muted">
      Recorded as <strong>{name}</strong>, who is at this desk.
    </p>
  )
}

import { useId } from 'react'

interface PasswordFieldProps {
  label: string
  value: string
  onChange(value: string): void
  /** Always 'off': a signature is re-entered by the person, never autofilled by the browser. */
  autoComplete: 'off'
  /**
   * The sentence shown by the field, and read with it: what signing means here, that the desk
   * checks the signer's PIN or passphrase and role, and that the entry is chained into the audit trail.
   */
  hint: string
}

/** A labelled, required secret field: a signer's PIN or passphrase, explained where it is asked for. */
export function PasswordField({ label, value, onChange, autoComplete, hint }: PasswordFieldProps) {
  const hintId = useId()
  return (
    <div className="password-field">
      <label>
        {label}
        <input
          type="password"
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={hintId}
          required
        />
      </label>
      <p id={hintId} className="muted field-hint">
        {hint}
      </p>
    </div>
  )
}

interface PasswordFieldProps {
  label: string
  value: string
  onChange(value: string): void
  /** 'new-password' when setting one, 'off' when re-entering it to sign (no autofill of signatures). */
  autoComplete: 'new-password' | 'off'
}

/** A labelled, required secret field: a signer's PIN or password. */
export function PasswordField({ label, value, onChange, autoComplete }: PasswordFieldProps) {
  return (
    <label>
      {label}
      <input
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      />
    </label>
  )
}

import { updateWedgeSettings, useWedgeSettings } from './wedge/settings'

/** Keyboard-wedge scanners need no connection; only how they are told from typing. */
export function KeyboardSettings() {
  const { enabled, timing, gsStandIn, prefix } = useWedgeSettings()
  return (
    <section className="card" aria-labelledby="scanner-keyboard-title">
      <h2 id="scanner-keyboard-title">Keyboard scanners</h2>
      <p className="muted">
        A scanner that types like a keyboard is recognised by its speed: at least {timing.minLength}{' '}
        characters about {timing.maxMeanGapMs} ms apart or faster, then Enter or Tab. Its scans go to the
        feed; the Test barcode box accepts them as text. While a text field has focus, fast typing stays in
        the field: a burst there is a scan only if it starts with the keyboard scanner prefix.
      </p>
      <div className="scanner-form">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => updateWedgeSettings({ enabled: e.target.checked })}
          />
          Recognise keyboard scanners
        </label>
        <label>
          Scanner key gap, at most (ms)
          <input
            type="number"
            min={5}
            max={100}
            value={timing.maxMeanGapMs}
            onChange={(e) => {
              const value = Number(e.target.value)
              if (Number.isFinite(value) && value >= 5 && value <= 100)
                updateWedgeSettings({ timing: { ...timing, maxMeanGapMs: value } })
            }}
          />
        </label>
        <label>
          Keyboard GS stand-in
          <input
            value={gsStandIn}
            maxLength={1}
            onChange={(e) => updateWedgeSettings({ gsStandIn: e.target.value })}
            autoComplete="off"
          />
        </label>
        <label>
          Keyboard scanner prefix
          <input
            value={prefix}
            maxLength={20}
            onChange={(e) => updateWedgeSettings({ prefix: e.target.value })}
            autoComplete="off"
          />
        </label>
      </div>
    </section>
  )
}

import { useId, useState, type FormEvent } from 'react'
import type { MethodParams } from '../../../shared/contract'
import type { ScannerProfile } from '../../../shared/scanners/profile'
import { describeError } from '../../bridge'
import { useServices } from '../services/context'
import { identityText } from './DeviceList'
import { STATUS_LABEL } from './describe-scan'
import { HotplugNotice } from './HotplugNotice'
import { upsertDevice, useScannerStore } from './store'

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]
const TERMINATORS: { value: ScannerProfile['terminator']; label: string }[] = [
  { value: 'CR', label: 'CR (carriage return)' },
  { value: 'LF', label: 'LF (line feed)' },
  { value: 'CRLF', label: 'CR LF' },
  { value: 'none', label: 'None (pause ends a scan)' },
]

type Draft = Required<
  Pick<ScannerProfile, 'baudRate' | 'dataBits' | 'parity' | 'stopBits' | 'terminator'>
> & {
  path: string
  prefix: string
  suffix: string
  gsStandIn: string
  symbologyIdSent: boolean
}

const EMPTY: Draft = {
  path: '',
  baudRate: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
  terminator: 'CR',
  prefix: '',
  suffix: '',
  gsStandIn: '',
  symbologyIdSent: false,
}

function toProfile({ gsStandIn, ...draft }: Draft): MethodParams<'scanners.connect'> {
  return { ...draft, path: draft.path.trim(), ...(gsStandIn ? { gsStandIn } : {}) }
}

/** The profile editor: which port, and how this scanner frames and decorates its data. */
export function ConnectForm() {
  const services = useServices()
  const listId = useId()
  const ports = useScannerStore((s) => s.ports)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (draft.path.trim() === '') return setMessage({ ok: false, text: 'Choose or type a port.' })
    setBusy(true)
    try {
      const device = await services.desk.scanners.connect(toProfile(draft))
      upsertDevice(device)
      const detail = device.message ? `: ${device.message}` : ''
      setMessage({
        ok: device.status === 'connected',
        text: `${device.path}: ${STATUS_LABEL[device.status]}${detail}`,
      })
    } catch (error) {
      setMessage({ ok: false, text: describeError(error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="scanner-connect-title">
      <h2 id="scanner-connect-title">Connect a serial scanner</h2>
      <HotplugNotice />
      <form
        className="scanner-form"
        onSubmit={(e) => void onSubmit(e)}
        aria-labelledby="scanner-connect-title"
      >
        <label>
          Port
          <input
            list={listId}
            value={draft.path}
            onChange={(e) => set('path', e.target.value)}
            placeholder="/dev/ttyACM0 or COM3"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <datalist id={listId}>
          {ports?.ports.map((p) => (
            <option key={p.path} value={p.path}>
              {identityText(p)}
            </option>
          ))}
        </datalist>
        <label>
          Baud rate
          <select value={draft.baudRate} onChange={(e) => set('baudRate', Number(e.target.value))}>
            {BAUD_RATES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          Line terminator
          <select
            value={draft.terminator}
            onChange={(e) => set('terminator', e.target.value as Draft['terminator'])}
          >
            {TERMINATORS.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Prefix to strip
          <input value={draft.prefix} onChange={(e) => set('prefix', e.target.value)} autoComplete="off" />
        </label>
        <label>
          Suffix to strip
          <input value={draft.suffix} onChange={(e) => set('suffix', e.target.value)} autoComplete="off" />
        </label>
        <label>
          GS stand-in character
          <input
            value={draft.gsStandIn}
            maxLength={1}
            onChange={(e) => set('gsStandIn', e.target.value)}
            autoComplete="off"
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.symbologyIdSent}
            onChange={(e) => set('symbologyIdSent', e.target.checked)}
          />
          Scanner sends the symbology identifier
        </label>
        <SerialSettings draft={draft} set={set} />
        <button type="submit" className="button" disabled={busy}>
          Connect
        </button>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'inline-error'}>
          {message.text}
        </p>
      )}
    </section>
  )
}

function SerialSettings({
  draft,
  set,
}: {
  draft: Draft
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void
}) {
  return (
    <details className="scanner-more">
      <summary>Data bits, parity and stop bits</summary>
      <label>
        Data bits
        <select
          value={draft.dataBits}
          onChange={(e) => set('dataBits', Number(e.target.value) as Draft['dataBits'])}
        >
          {[8, 7, 6, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        Parity
        <select value={draft.parity} onChange={(e) => set('parity', e.target.value as Draft['parity'])}>
          {(['none', 'even', 'odd', 'mark', 'space'] as const).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stop bits
        <select
          value={draft.stopBits}
          onChange={(e) => set('stopBits', Number(e.target.value) as Draft['stopBits'])}
        >
          {[1, 1.5, 2].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </details>
  )
}

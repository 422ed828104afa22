import { useScannerStore } from './store'

/** Says whether plugging a scanner in will be noticed, and what to do when it will not. */
export function HotplugNotice() {
  const ports = useScannerStore((s) => s.ports)
  if (!ports) return null
  if (ports.hotplug.available) {
    return (
      <p className="muted" role="note">
        Plug and play is on: the port list updates when a scanner is plugged in or out.
      </p>
    )
  }
  return (
    <p className="scanner-notice" role="note">
      Plug and play is not available: {ports.hotplug.reason}. Scanners can still be connected by their port
      path.
    </p>
  )
}

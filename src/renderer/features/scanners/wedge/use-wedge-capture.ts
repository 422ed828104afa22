import { useEffect } from 'react'
import { describeError } from '../../../bridge'
import { useServices } from '../../services/context'
import { addFeedError } from '../store'
import { installWedgeCapture } from './capture'
import { useWedgeSettings } from './settings'

/** Keyboard-wedge scans anywhere in the window go to the desk's scan pipeline. */
export function useWedgeCapture(): void {
  const services = useServices()
  const { enabled, timing, gsStandIn, prefix } = useWedgeSettings()
  useEffect(() => {
    if (!enabled) return
    return installWedgeCapture(window, {
      timing,
      prefix,
      onBurst: (burst) => {
        const request = {
          data: burst.data,
          timing: { keys: burst.keys, meanGapMs: burst.meanGapMs },
          ...(gsStandIn ? { gsStandIn } : {}),
          ...(prefix ? { prefix } : {}),
        }
        // The scan reaches the feed as a scanners.scan event, like a serial one.
        services.desk.scanners.wedge(request).catch((error: unknown) =>
          addFeedError({
            path: 'keyboard',
            kind: 'garbage',
            message: `keyboard scan not read: ${describeError(error).message}`,
            timestamp: new Date().toISOString(),
          }),
        )
      },
    })
  }, [services, enabled, timing, gsStandIn, prefix])
}

import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * Page buffers (300-dpi pages: ~9 MB gray, ~35 MB RGBA) are megabytes, so above this they stay
 * mmapped and go back to the OS on free; smaller allocations keep glibc's faster arena path.
 */
export const PAGE_BUFFER_MMAP_THRESHOLD = 1024 * 1024

/** glibc's mallinfo2() summed over all arenas. */
export interface MallocStats {
  arenaBytes: number
  mmappedBytes: number
  mmappedChunks: number
}

/** native/malloc-tuning as seen from TypeScript. */
export interface MallocTuningAddon {
  setMmapThreshold(bytes: number): boolean
  /** null where the C library is not glibc. */
  stats(): MallocStats | null
}

/** Where `node scripts/build-native.mjs` (the postinstall) puts the addon. */
export function mallocTuningAddonPath(appRoot: string): string {
  return join(appRoot, 'native', 'malloc-tuning', 'build', 'Release', 'malloc_tuning.node')
}

function isAddon(value: unknown): value is MallocTuningAddon {
  const candidate = value as Partial<Record<keyof MallocTuningAddon, unknown>> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.setMmapThreshold === 'function' &&
    typeof candidate.stats === 'function'
  )
}

/** The addon, or null when it was not built (non-Linux, no compiler at install): that is normal. */
export function loadMallocTuning(appRoot: string): MallocTuningAddon | null {
  try {
    const loaded: unknown = createRequire(join(appRoot, 'package.json'))(mallocTuningAddonPath(appRoot))
    return isAddon(loaded) ? loaded : null
  } catch {
    return null
  }
}

let applied = false

/**
 * Pins glibc's mmap threshold for the whole process (worker threads included). Left dynamic, glibc
 * raises the threshold to the size of each big buffer freed, after which page buffers come from
 * per-thread arenas that keep the memory, and RSS creeps up over long OCR runs. Call once at
 * process start in every host that runs the document pipeline; later calls return the first
 * success. Never throws: without the addon the pipeline works, only with more memory.
 */
export function tuneMallocForPageBuffers(appRoot: string): boolean {
  if (applied || process.platform !== 'linux') return applied
  try {
    applied = loadMallocTuning(appRoot)?.setMmapThreshold(PAGE_BUFFER_MMAP_THRESHOLD) === true
  } catch {
    applied = false
  }
  return applied
}

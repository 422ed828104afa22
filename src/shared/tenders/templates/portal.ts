import type { PreparedText } from '../screening'

export interface Portal {
  /** What templates are matched on: folded, stable across notices of the same portal. */
  key: string
  /** What the analyst is shown. */
  name: string
}

// Portals print their address on every notice (GeM, eProcure/CPPP, state e-tender sites, IREPS).
const ADDRESS =
  /\b(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:gov\.in|nic\.in|co\.in|org\.in|com|in|org))\b/gi

/**
 * The portal a notice comes from: the web address it prints most often on its first pages (the
 * portal's own), else its first line (the buyer's letterhead), which is what a layout follows
 * when the notice names no portal.
 */
export function portalOf(prepared: Pick<PreparedText, 'pages'>): Portal | null {
  const first = prepared.pages.slice(0, 2)
  const counts = new Map<string, number>()
  for (const page of first)
    for (const word of page.words)
      for (const m of word.text.matchAll(ADDRESS)) {
        const host = m[1]!.toLowerCase()
        counts.set(host, (counts.get(host) ?? 0) + 1)
      }
  const [address] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? []
  if (address) return { key: `web:${address}`, name: address }
  const page = first[0]
  const line = page?.lines.find((l) => l.wordIndexes.some((i) => /\p{L}{2}/u.test(page.words[i]!.text)))
  if (!page || !line) return null
  const text = line.wordIndexes
    .map((i) => page.words[i]!.text)
    .join(' ')
    .trim()
    .slice(0, 120)
  const key = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return key ? { key: `head:${key}`, name: text } : null
}

/**
 * Edit distance over Unicode code points (not UTF-16 units, so an astral character counts once).
 * Two rolling rows keep memory at O(min(n, m)); n·m around 10^7 runs in well under a second.
 */
export function levenshtein(a: string, b: string): number {
  let s = Array.from(a, (c) => c.codePointAt(0) ?? 0)
  let t = Array.from(b, (c) => c.codePointAt(0) ?? 0)
  if (s.length < t.length) [s, t] = [t, s]
  const m = t.length
  if (m === 0) return s.length
  let prev = new Uint32Array(m + 1)
  let curr = new Uint32Array(m + 1)
  for (let j = 0; j <= m; j++) prev[j] = j
  for (let i = 1; i <= s.length; i++) {
    curr[0] = i
    const si = s[i - 1]
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + (si === t[j - 1] ? 0 : 1)
      const del = prev[j]! + 1
      const ins = curr[j - 1]! + 1
      curr[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins
    }
    ;[prev, curr] = [curr, prev]
  }
  return prev[m]!
}

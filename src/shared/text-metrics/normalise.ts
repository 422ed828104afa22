/** Collapses every run of whitespace (incl. NBSP, line and paragraph separators) to one space and trims. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

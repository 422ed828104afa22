/** The digits of a reading, in order, without what stands between them. */
export function digitsOf(text: string): string {
  return text.replace(/[^\d]/g, '')
}

/**
 * Does one OCR slip turn `page` into `again`? The same digits with the decimal point lost or moved
 * ("243" for "24.3"), or one character more or less (a speck read as a leading "1": "10.10" for
 * "0.10"; a dropped digit).
 */
export function oneSlip(page: string, again: string): boolean {
  const a = page.replace(/\s+/g, '')
  const b = again.replace(/\s+/g, '')
  if (a === b) return false
  if (digitsOf(a) === digitsOf(b) && digitsOf(a) !== '') return true
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  if (long.length - short.length !== 1) return false
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true
  return false
}

/**
 * GS1 mod-10 check digit over all but the last digit: weights 3,1,3,… from the right. The same
 * rule serves GTIN-8/12/13/14, SSCC, GLN, GSIN, GDTI, GRAI, GCN, GSRN and ITIP.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48
    sum += digit * (i % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1])
}

/** ISO 13616 IBAN check (mod 97 over the rearranged, letter-expanded string). */
export function hasValidIbanCheck(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Za-z0-9]{1,30}$/.test(iban)) return false
  const rearranged = (iban.slice(4) + iban.slice(0, 4)).toUpperCase()
  let remainder = 0
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55)
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97
  }
  return remainder === 1
}

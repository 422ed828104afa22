/**
 * Reads a number the way COAs print them: "1,000" (thousands), "12,5" (decimal comma), "1.234,5",
 * "1 000", "1.2E+03", "1.2 x 10^3". OCR's letter-for-digit slips inside a number (O for 0, l for 1)
 * are forgiven only when the rest of the token is numeric.
 */
export function parseNumber(text: string): number | undefined {
  let t = text.trim().replace(/[\u2212–]/g, '-')
  if (!/\d/.test(t)) return undefined
  t = t.replace(/(?<=[\d.,])[Oo]|[Oo](?=[\d.,])/g, '0').replace(/(?<=[\d.,])[lI]|[lI](?=[\d.,])/g, '1')
  const sci = /^([-+]?[\d.,]+)\s*(?:[x×*]\s*10\s*\^?\s*([-+]?\d+)|[eE]\s*([-+]?\d+))$/.exec(t)
  if (sci) {
    const mantissa = parseNumber(sci[1]!)
    const exponent = Number(sci[2] ?? sci[3])
    return mantissa === undefined ? undefined : Number((mantissa * 10 ** exponent).toPrecision(12))
  }
  t = t.replace(/(?<=\d)[\s\u00a0\u202f'’](?=\d{3}\b)/g, '')
  if (!/^[-+]?(\d[\d.,]*|[.,]\d+)$/.test(t)) return undefined
  const comma = t.lastIndexOf(',')
  const dot = t.lastIndexOf('.')
  if (comma >= 0 && dot >= 0) {
    t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '')
  } else if (comma >= 0) {
    // "1,000" and "12,345,678" are thousands; "12,5" and "0,05" are decimal commas.
    t = /^[-+]?\d{1,3}(,\d{3})+$/.test(t) && !/^[-+]?0,/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.')
  } else if ((t.match(/\./g) ?? []).length > 1) {
    t = /^[-+]?\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : t
  }
  const value = Number(t)
  return Number.isFinite(value) ? value : undefined
}

/** Decimal places as printed ("1.50" → 2), for rounding results to a limit's precision. */
export function decimalsOf(text: string): number {
  const m = /[.,](\d+)\s*$/.exec(text.trim())
  return m && !/^\d{1,3}(,\d{3})+$/.test(text.trim()) ? m[1]!.length : 0
}

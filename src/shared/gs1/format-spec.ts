/** One part of an AI's data field, e.g. "N6:yymmd0" or "[X..16]". */
export interface Component {
  type: 'N' | 'X' | 'Y' | 'Z'
  min: number
  max: number
  optional: boolean
  linters: readonly string[]
}

const PART = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?::[a-z0-9]+)*)$/

/** Parses the table's format notation; throws on a malformed table row (a programming error). */
export function parseFormat(format: string): Component[] {
  return format.split(' ').map((part) => {
    const m = PART.exec(part)
    if (!m) throw new Error(`bad AI format part "${part}" in "${format}"`)
    const [, open, type, dots, digits, close, linters] = m
    if (Boolean(open) !== Boolean(close)) throw new Error(`unbalanced [] in "${format}"`)
    const len = Number(digits)
    return {
      type: type as Component['type'],
      min: dots ? 1 : len,
      max: len,
      optional: Boolean(open),
      linters: linters ? linters.slice(1).split(':') : [],
    }
  })
}

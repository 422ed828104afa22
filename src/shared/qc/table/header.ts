import type { ColumnRole } from '..'
import { foldText, levenshtein } from '..'
import { phrases, textOf, type PageLine, type Token } from './geometry'

const ROLE_PATTERNS: [Exclude<ColumnRole, 'other'>, RegExp][] = [
  [
    'result',
    /\b(results?|observed|observations?|found|actual|obtained|outcome|measured|reading|value|values|analysis values?|batch analysis)\b/,
  ],
  ['min', /^(min|minimum|lower|lower limit|lower spec(ification)?( limit)?|lsl|low|from|nlt)$/],
  ['max', /^(max|maximum|upper|upper limit|upper spec(ification)?( limit)?|usl|high|to|nmt)$/],
  ['unit', /^(units?|uom|unit of measure(ment)?|dimension)$/],
  ['method', /\b(methods?|procedure|methodology|test method|method ref(erence)?|ref|reference|technique)\b/],
  [
    'spec',
    /\b(spec|specs|specifications?|limits?|acceptance|criteria|requirements?|standards?|norms?|range|specified|target)\b/,
  ],
  [
    'name',
    /\b(tests?|parameters?|characteristics?|descriptions?|items?|attributes?|property|properties|analytes?|determinations?|analysis|analyses|test items?|assays?|check|inspection items?)\b/,
  ],
]

/** The role a header label names, or undefined when it is not header vocabulary. */
export function headerRole(label: string): Exclude<ColumnRole, 'other'> | undefined {
  const folded = foldText(label)
  if (folded === '' || /\d/.test(folded)) return undefined
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(folded)) return role
  // A header word with one letter misread by OCR ("Resuit", "Specificaton", "Metbod").
  const corrected = folded
    .split(' ')
    .map((w) =>
      w.length >= 5
        ? (HEADER_WORDS.find((v) => Math.abs(v.length - w.length) <= 1 && levenshtein(v, w) <= 1) ?? w)
        : w,
    )
    .join(' ')
  if (corrected === folded) return undefined
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(corrected)) return role
  return undefined
}

/** Header words long enough that one misread letter still names them (see headerRole). */
const HEADER_WORDS = [
  'result',
  'results',
  'observed',
  'observation',
  'observations',
  'obtained',
  'measured',
  'minimum',
  'maximum',
  'method',
  'methods',
  'procedure',
  'reference',
  'specification',
  'specifications',
  'specified',
  'limits',
  'requirement',
  'requirements',
  'acceptance',
  'criteria',
  'standard',
  'parameter',
  'parameters',
  'characteristics',
  'description',
  'property',
  'properties',
  'analysis',
  'units',
]

export interface HeaderCell {
  tokens: Token[]
  x0: number
  x1: number
  label: string
  role: ColumnRole
}

export interface TableHeader {
  /** Index of the first and last physical line of the header block. */
  first: number
  last: number
  cells: HeaderCell[]
}

function cellsOf(line: PageLine, gap: number): HeaderCell[] {
  return phrases(line.tokens, gap).map((tokens) => ({
    tokens,
    x0: Math.min(...tokens.map((t) => t.x0)),
    x1: Math.max(...tokens.map((t) => t.x1)),
    label: textOf(tokens),
    role: headerRole(textOf(tokens)) ?? 'other',
  }))
}

function roleCount(cells: HeaderCell[]): number {
  return new Set(cells.map((c) => c.role).filter((r) => r !== 'other')).size
}

function isHeaderish(cells: HeaderCell[]): boolean {
  return cells.length > 0 && cells.every((c) => c.role !== 'other')
}

/**
 * Header lines: at least three column roles, or two when one is a result column (a bare "Test |
 * Result" table). Stacked header lines (a "Specification" group over "Min | Max") are merged: a
 * label over exactly one column joins that column's label; a label over several is a group title.
 */
export function findHeaders(lines: PageLine[], gap: number, wordHeight: number): TableHeader[] {
  const headers: TableHeader[] = []
  for (let i = 0; i < lines.length; i++) {
    const base = cellsOf(lines[i]!, gap)
    const roles = roleCount(base)
    const hasResult = base.some((c) => c.role === 'result')
    const named = base.filter((c) => c.role !== 'other').length
    if (!(roles >= 3 || (roles >= 2 && hasResult)) || named < base.length * 0.6) continue
    // Prefer the richer of two adjacent header lines as the base.
    const next = lines[i + 1]
    if (next && next.top - lines[i]!.bottom < wordHeight * 1.2) {
      const nextCells = cellsOf(next, gap)
      if (isHeaderish(nextCells) && nextCells.length > base.length) continue
    }
    let first = i
    let last = i
    const extra: HeaderCell[][] = []
    while (first > 0 && lines[first]!.top - lines[first - 1]!.bottom < wordHeight * 1.2) {
      const cells = cellsOf(lines[first - 1]!, gap)
      if (!isHeaderish(cells)) break
      extra.push(cells)
      first--
    }
    while (last + 1 < lines.length && lines[last + 1]!.top - lines[last]!.bottom < wordHeight * 1.2) {
      const cells = cellsOf(lines[last + 1]!, gap)
      if (!isHeaderish(cells)) break
      extra.push(cells)
      last++
    }
    headers.push({ first, last, cells: mergeStacked(base, extra) })
    i = last
  }
  return headers
}

function mergeStacked(base: HeaderCell[], extra: HeaderCell[][]): HeaderCell[] {
  const cells = base.map((c) => ({ ...c, labels: [{ text: c.label, y: c.tokens[0]!.cy }] }))
  const left = Math.min(...base.map((c) => c.x0))
  const right = Math.max(...base.map((c) => c.x1))
  const added: HeaderCell[] = []
  for (const line of extra) {
    for (const cell of line) {
      const over = cells.filter((c) => c.x0 < cell.x1 && cell.x0 < c.x1)
      if (over.length === 1) {
        const target = over[0]!
        target.labels.push({ text: cell.label, y: cell.tokens[0]!.cy })
        target.x0 = Math.min(target.x0, cell.x0)
        target.x1 = Math.max(target.x1, cell.x1)
        // The lowest-level label decides the role; a stacked one only fills in a missing role.
        if (target.role === 'other') target.role = cell.role
      } else if (over.length === 0 && (cell.x1 < left || cell.x0 > right)) {
        added.push(cell)
      }
    }
  }
  const merged = [
    ...cells.map(({ labels, ...c }) => ({
      ...c,
      label: labels
        .sort((a, b) => a.y - b.y)
        .map((l) => l.text)
        .join(' '),
    })),
    ...added,
  ].sort((a, b) => a.x0 - b.x0)
  // One column per role: a second "Result" column stays, but as 'other'.
  const seen = new Set<ColumnRole>()
  return merged.map((c) => {
    if (c.role === 'other' || !seen.has(c.role)) {
      seen.add(c.role)
      return c
    }
    return { ...c, role: 'other' as const }
  })
}

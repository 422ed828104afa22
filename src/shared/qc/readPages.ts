import type { PageText } from '../document-text'
import type { CoaExtraction, HeaderFieldName } from './coa'
import { documentDateOrder, parseCoaDate } from './dates'
import { extractHeaderFields } from './headerFields'
import { extractTables, type Rules } from './table/extract'

export const NO_TABLE = 'no results table found'

const AMBIGUOUS_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/

/**
 * Tables and header fields of every page of a COA. A table whose last page ends without a footer
 * may go on at the top of the next page without repeating its header: those rows are read with the
 * previous page's columns. Numeric dates that could be read either way ("03/04/2026") take the
 * order the document's other dates prove ("03/15/2026"), and the extraction says which it took.
 */
export function readCoaPages(
  pages: readonly PageText[],
  rulesByPage: ReadonlyMap<number, Rules> = new Map(),
): CoaExtraction {
  const extraction: CoaExtraction = { tables: [], fields: {}, notes: [] }
  let previous: ReturnType<typeof extractTables>[number] | undefined
  for (const page of pages) {
    const rules = rulesByPage.get(page.page)
    const tables = extractTables(page, {
      ...(rules ? { rules } : {}),
      ...(previous ? { continues: previous } : {}),
    })
    extraction.tables.push(...tables)
    previous = tables[tables.length - 1]
    const fields = extractHeaderFields(
      page,
      tables.map((t) => ({ y0: t.bbox[1], y1: t.bbox[3] })),
    )
    for (const [k, v] of Object.entries(fields)) {
      const key = k as HeaderFieldName
      if (!extraction.fields[key]) extraction.fields[key] = v
    }
    if (page.error) extraction.notes.push(`page ${page.page} could not be read: ${page.error.message}`)
  }
  if (extraction.tables.length === 0) extraction.notes.push(NO_TABLE)
  settleDateOrder(extraction, pages)
  return extraction
}

/** Re-reads ambiguous numeric dates in the document's day/month order, and notes the order used. */
function settleDateOrder(extraction: CoaExtraction, pages: readonly PageText[]): void {
  const dated = (['manufactured', 'expiry'] as const).filter((k) => {
    const m = AMBIGUOUS_DATE.exec(extraction.fields[k]?.text ?? '')
    return !!m && +m[1]! <= 12 && +m[2]! <= 12 && m[1] !== m[2]
  })
  if (dated.length === 0) return
  const decided = documentDateOrder(pages.map((p) => p.text))
  const shown = dated.map((k) => `${k} ${extraction.fields[k]!.text}`).join(', ')
  if (!decided) {
    extraction.notes.push(`dates read day first (${shown}): no date on the COA shows the day/month order`)
    return
  }
  for (const k of dated) {
    const f = extraction.fields[k]!
    const date = parseCoaDate(f.text, decided.order)
    if (date) f.date = date
  }
  extraction.notes.push(
    `dates read ${decided.order === 'mdy' ? 'month' : 'day'} first (${shown}), as "${decided.evidence}" on the COA can only be read that way`,
  )
}

import { z } from 'zod'
import type { DocumentText, PageText } from '../document-text'
import { extractedFieldsSchema, extractFields, type ExtractedFields } from './fields'
import { profileResultSchema, rankProfiles, Screener, type ProfileResult } from './screening'
import { readWithTemplates, type FieldTemplate } from './templates'

/** The full screening of one document's text: every profile's verdict with evidence, and its fields. */
export interface ScreenedText {
  results: ProfileResult[]
  fields: ExtractedFields
}

/** For a screening done in a worker thread. */
export const screenedTextSchema = z.object({
  results: z.array(profileResultSchema),
  fields: extractedFieldsSchema,
})

/** `templates`: the tenant's learned portal templates; a field one of them reads replaces the reader's. */
export function screenPages(
  screener: Screener,
  pages: readonly PageText[],
  templates: readonly FieldTemplate[] = [],
): ScreenedText {
  const prepared = screener.prepare(pages.filter((p) => !p.error))
  const fields = extractFields(prepared)
  Object.assign(fields.fields, readWithTemplates(prepared, templates))
  return { results: rankProfiles(screener.screen(prepared)), fields }
}

export function screenText(
  screener: Screener,
  text: DocumentText,
  templates: readonly FieldTemplate[] = [],
): ScreenedText {
  return screenPages(screener, text.pages, templates)
}

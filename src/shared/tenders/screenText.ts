import { z } from 'zod'
import type { DocumentText, PageText } from '../document-text'
import { extractedFieldsSchema, extractFields, type ExtractedFields } from './fields'
import { profileResultSchema, rankProfiles, Screener, type ProfileResult } from './screening'

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

export function screenPages(screener: Screener, pages: readonly PageText[]): ScreenedText {
  const prepared = screener.prepare(pages.filter((p) => !p.error))
  return { results: rankProfiles(screener.screen(prepared)), fields: extractFields(prepared) }
}

export function screenText(screener: Screener, text: DocumentText): ScreenedText {
  return screenPages(screener, text.pages)
}

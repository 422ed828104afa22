import { onLevelPages } from '../fields/level'
import { NOTICE_RULES } from '../fields/notice'
import { readField, type ValueParser } from '../fields/read'
import type { ExtractedFields, FieldName } from '../fields/types'
import { asText } from '../fields/values'
import type { PreparedText } from '../screening'
import { portalOf } from './portal'
import type { FieldTemplate } from './schema'

/** How a field's value is read, as the desk reads it without a template (free text otherwise). */
export function fieldRule(field: FieldName): { parse: ValueParser; multiline: boolean } {
  const rule = NOTICE_RULES.find((r) => r.name === field)
  return { parse: rule?.parse ?? asText, multiline: rule?.text ?? !rule }
}

/** The newest template per field for this notice's portal. */
export function templatesFor(prepared: PreparedText, templates: readonly FieldTemplate[]): FieldTemplate[] {
  if (templates.length === 0) return []
  const portal = portalOf(prepared)
  if (!portal) return []
  const newest = new Map<FieldName, FieldTemplate>()
  for (const t of templates) {
    if (t.portal.key !== portal.key) continue
    const seen = newest.get(t.field)
    if (!seen || t.learnedAt > seen.learnedAt) newest.set(t.field, t)
  }
  return [...newest.values()]
}

/**
 * Fields read with the portal's learned templates: each from its taught label, on levelled pages
 * like every other field. A template whose label is not on this notice reads nothing, and the
 * reader's own value stands; one that reads a value wins, because a person taught it.
 */
export function readWithTemplates(
  prepared: PreparedText,
  templates: readonly FieldTemplate[],
): ExtractedFields['fields'] {
  const mine = templatesFor(prepared, templates)
  if (mine.length === 0) return {}
  return onLevelPages(prepared, (levelled) => {
    const fields: ExtractedFields['fields'] = {}
    for (const t of mine) {
      const rule = fieldRule(t.field)
      const found = readField(levelled, { name: t.field, labels: [t.label], ...rule })
      if (found)
        fields[t.field] = {
          ...found,
          template: {
            id: t.id,
            documentName: t.learnedFrom.name,
            learnedBy: t.learnedBy,
            learnedAt: t.learnedAt,
          },
        }
    }
    return { kind: 'generic', fields, dates: [], amounts: [], references: [] }
  }).fields
}

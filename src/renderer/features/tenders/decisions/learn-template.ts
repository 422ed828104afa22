import type { DeskApi } from '../../../../shared/contract'
import { FIELD_NAMES, type FieldName } from '../../../../shared/tenders/fields/types'
import { describeError } from '../../../bridge/errors'

const isFieldName = (name: string): name is FieldName => (FIELD_NAMES as readonly string[]).includes(name)

/**
 * After a correction: asks the desk to learn the bid portal's layout from it, so the next notice
 * from the same portal is read right. Returns the sentence to add to the announcement; a lesson the
 * desk refuses is said, not raised, because the correction itself was recorded.
 */
export async function learnPortalTemplate(
  desk: DeskApi,
  documentId: string,
  field: string,
  value: string,
): Promise<string> {
  if (!isFieldName(field)) return ''
  try {
    const { template } = await desk.tenders['templates.learn']({ documentId, field, value })
    return ` Next notices from ${template.portal.name} will read it from “${template.label}”.`
  } catch (error) {
    return ` No layout learned: ${describeError(error).message}`
  }
}

import { levelPage, pageSlope } from '../fields/level'
import { readField } from '../fields/read'
import type { FieldName } from '../fields/types'
import { prepareText, type MatchPage, type PreparedText } from '../screening'
import { fieldRule } from './apply'
import { portalOf, type Portal } from './portal'

export type Lesson = { label: string; portal: Portal } | { problem: string }

/** Letters and digits only, lower case: "₹ 3,30,500/-" and "3,30,500" are the same value. */
const fold = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

const MAX_LABEL_WORDS = 8

/** The words of a line in reading order, with the value's first and last word if the line holds it. */
function valueOnLine(page: MatchPage, words: readonly number[], target: string): [number, number] | null {
  for (let s = 0; s < words.length; s++) {
    let text = ''
    for (let e = s; e < words.length; e++) {
      text += fold(page.words[words[e]!]!.text)
      if (text === target) return [s, e]
      if (!target.startsWith(text)) break
    }
  }
  return null
}

/** A label's words: the phrase that ends at `last`, back to a wide gap or the start of the line. */
function phraseEndingAt(page: MatchPage, words: readonly number[], last: number): string {
  const out: string[] = []
  for (let k = last; k >= 0 && out.length < MAX_LABEL_WORDS; k--) {
    const word = page.words[words[k]!]!
    if (out.length > 0) {
      const right = page.words[words[k + 1]!]!
      const height = Math.max(1, word.bbox[3] - word.bbox[1])
      if (right.bbox[0] - word.bbox[2] > 1.5 * height) break
    }
    out.unshift(word.text)
  }
  return out
    .join(' ')
    .replace(/[\s:：\-–—.]+$/u, '')
    .trim()
}

/** Label candidates for a value: the phrase before it on its line, then the phrase over it. */
function candidates(page: MatchPage, target: string): string[] {
  const lines = [...page.lines].sort((a, b) => a.bbox[1] - b.bbox[1])
  const out: string[] = []
  lines.forEach((line, li) => {
    const at = valueOnLine(page, line.wordIndexes, target)
    if (!at) return
    if (at[0] > 0) out.push(phraseEndingAt(page, line.wordIndexes, at[0] - 1))
    const first = page.words[line.wordIndexes[at[0]]!]!
    const height = Math.max(1, first.bbox[3] - first.bbox[1])
    const above = lines
      .slice(0, li)
      .reverse()
      .find((l) => first.bbox[1] - l.bbox[3] < 3 * height && l.bbox[3] <= first.bbox[1] + height / 2)
    if (above) {
      const over = above.wordIndexes.filter((i) => {
        const b = page.words[i]!.bbox
        return b[2] > first.bbox[0] - height && b[0] < first.bbox[2] + height
      })
      const lastOver = above.wordIndexes.indexOf(over.at(-1) ?? -1)
      if (lastOver >= 0) out.push(phraseEndingAt(page, above.wordIndexes, lastOver))
    }
  })
  return out.filter((label) => /\p{L}{2}/u.test(label))
}

/**
 * What an analyst's correction teaches about the notice's layout: the label the corrected value is
 * printed beside or under on the first pages. Kept only if reading the same notice with that label
 * gives back exactly the corrected value, so a template never reads something the analyst did not say.
 */
export function learnFieldLabel(pages: readonly MatchPage[], field: FieldName, value: string): Lesson {
  const target = fold(value)
  if (target === '') return { problem: `“${value}” has no letters or digits to find on the page` }
  const first = pages.slice(0, 3)
  const prepared: PreparedText = prepareText(
    first.map((p) => levelPage(p, pageSlope(p))),
    false,
  )
  const portal = portalOf(prepared)
  if (!portal) return { problem: 'the notice has no text on its first page to recognise its portal by' }
  const rule = fieldRule(field)
  let seen = false
  for (const page of prepared.pages) {
    for (const label of candidates(page, target)) {
      seen = true
      const read = readField(prepared, { name: field, labels: [label], ...rule })
      if (read && fold(read.value) === target) return { label, portal }
    }
  }
  return {
    problem: seen
      ? `reading “${value}” by the label beside or over it gives another value, so no template was kept`
      : `“${value}” is not printed beside or under a label on the first pages, so there is no layout to learn`,
  }
}

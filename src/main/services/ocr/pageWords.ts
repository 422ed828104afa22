import type { PageText, Word } from '../../../shared/document-text/schema'

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length)

/**
 * The page with `words` in place of its own (same order, same lines and blocks): each line's text
 * and confidence, the page's text and its mean confidence follow the new words.
 */
export function withWords(page: PageText, words: Word[]): PageText {
  const lines = page.lines.map((l) => {
    const own = l.wordIndexes.map((i) => words[i]).filter((w): w is Word => w !== undefined)
    return { ...l, text: own.map((w) => w.text).join(' '), confidence: mean(own.map((w) => w.confidence)) }
  })
  const text = page.blocks.map((b) => b.lineIndexes.map((i) => lines[i]?.text ?? '').join('\n')).join('\n\n')
  return { ...page, words, lines, text, confidence: mean(words.map((w) => w.confidence)) }
}

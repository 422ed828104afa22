import type { DocumentText, PageText, Word } from '../../../src/shared/document-text'

const word = (text: string, bbox: Word['bbox'], confidence: number): Word => ({ text, bbox, confidence })

/** Page coordinates are 2000 × 3000; a 1000-wide picture halves every box. */
export const PAGE_WIDTH = 2000
export const PAGE_HEIGHT = 3000

export const page1Words: Word[] = [
  word('The', [200, 300, 320, 360], 96),
  word('quick', [340, 300, 520, 360], 95),
  word('brown', [540, 300, 740, 360], 41),
  word('dog', [760, 300, 880, 360], 93),
  word('jumped', [200, 400, 460, 460], 57),
]

export function ocrPage(page: number, extra: Partial<PageText> = {}): PageText {
  return {
    page,
    source: 'ocr',
    rotation: 0,
    skewDeg: 0,
    width: PAGE_WIDTH,
    height: PAGE_HEIGHT,
    dpi: 300,
    confidence: 90,
    text: `Text of page ${page}`,
    words: [word(`p${page}`, [100, 100, 300, 160], 90)],
    lines: [],
    blocks: [],
    applied: [],
    notes: [],
    ...extra,
  }
}

/** Three pages: a rotated, deskewed OCR page; a page that failed alone; a text-layer page. */
export function threePageText(sha256: string): DocumentText {
  return {
    sha256,
    mediaType: 'application/pdf',
    pipelineVersion: 'test-1',
    mode: 'auto',
    pages: [
      ocrPage(1, {
        rotation: 90,
        skewDeg: -1.8,
        confidence: 96.4,
        text: 'The quick brown dog\njumped',
        words: page1Words,
        applied: ['rotate-90', 'deskew'],
        notes: ['page segmentation: auto'],
      }),
      ocrPage(2, {
        confidence: 0,
        text: '',
        words: [],
        error: { code: 'WORKER_CRASHED', message: 'the OCR worker crashed twice on this page' },
      }),
      ocrPage(3, { source: 'text-layer', confidence: 100, text: 'Terms and conditions', words: [] }),
    ],
  }
}

/** 1 × 1 transparent PNG: jsdom never decodes it, the viewer only needs the reported size. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

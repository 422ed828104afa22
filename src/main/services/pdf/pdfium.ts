import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * The part of PDFium (the `@embedpdf/pdfium` WebAssembly build) the text reader uses. Pointers are
 * offsets into `heap()`; every call that allocates may grow the heap, so views are taken afresh.
 */
export interface Pdfium {
  malloc(size: number): number
  free(ptr: number): void
  heap(): { u8: Uint8Array; f32: Float32Array; f64: Float64Array; i32: Int32Array }
  /** No password: a protected file fails with PDFIUM_ERROR.password. */
  FPDF_LoadMemDocument(data: number, size: number): number
  FPDF_CloseDocument(doc: number): void
  FPDF_GetLastError(): number
  FPDF_GetPageCount(doc: number): number
  FPDF_LoadPage(doc: number, index: number): number
  FPDF_ClosePage(page: number): void
  FPDF_GetPageWidthF(page: number): number
  FPDF_GetPageHeightF(page: number): number
  FPDFPage_GetRotation(page: number): number
  FPDF_PageToDevice(
    page: number,
    startX: number,
    startY: number,
    sizeX: number,
    sizeY: number,
    rotate: number,
    pageX: number,
    pageY: number,
    deviceX: number,
    deviceY: number,
  ): boolean
  FPDFText_LoadPage(page: number): number
  FPDFText_ClosePage(textPage: number): void
  FPDFText_CountChars(textPage: number): number
  FPDFText_GetText(textPage: number, start: number, count: number, out: number): number
  FPDFText_GetUnicode(textPage: number, index: number): number
  /** Writes left, right, bottom, top (doubles) of the glyph's own outline. */
  FPDFText_GetCharBox(textPage: number, index: number, out: number): boolean
  /** Boxes PDFium makes for a run of characters, one per line or jump it finds in the run. */
  FPDFText_CountRects(textPage: number, start: number, count: number): number
  /** Writes left, top, right, bottom (doubles) of a box counted by FPDFText_CountRects. */
  FPDFText_GetRect(textPage: number, index: number, out: number): boolean
  /** Writes left, top, right, bottom (floats) of the character's advance box, one em tall. */
  FPDFText_GetLooseCharBox(textPage: number, index: number, out: number): boolean
  /** The page object (one string drawn by one text operator) a character belongs to. */
  FPDFText_GetTextObject(textPage: number, index: number): number
  /** A BGRx bitmap (4 bytes a pixel) in PDFium's heap; 0 when it cannot be allocated. */
  FPDFBitmap_Create(width: number, height: number, alpha: number): number
  FPDFBitmap_FillRect(
    bitmap: number,
    left: number,
    top: number,
    width: number,
    height: number,
    color: number,
  ): void
  FPDFBitmap_GetBuffer(bitmap: number): number
  FPDFBitmap_GetStride(bitmap: number): number
  FPDFBitmap_Destroy(bitmap: number): void
  /** Draws the page, its /Rotate applied, onto the bitmap's `sizeX`×`sizeY` pixels at (startX, startY). */
  FPDF_RenderPageBitmap(
    bitmap: number,
    page: number,
    startX: number,
    startY: number,
    sizeX: number,
    sizeY: number,
    rotate: number,
    flags: number,
  ): void
}

/** FPDF_RenderPageBitmap's flag to draw annotations' appearances, as pdf.js draws them for display. */
export const FPDF_ANNOT = 0x01

/** PDFium's FPDF_GetLastError codes the reader tells apart. */
export const PDFIUM_ERROR = { file: 2, format: 3, password: 4, security: 5, page: 6 } as const

type Exports = Record<string, ((...args: number[]) => number) | undefined>

interface EmscriptenModule {
  HEAPU8: Uint8Array
  HEAPF32: Float32Array
  HEAPF64: Float64Array
  HEAP32: Int32Array
  wasmExports: Exports
}

let loading: Promise<Pdfium> | undefined

/**
 * One PDFium per thread, started on first use (about 30 ms). The package is CommonJS-loadable and
 * kept out of the bundle; its wasm file is read from the installed package, so nothing is fetched.
 * The wasm exports are called directly: the package's ccall wrappers cost more than the calls
 * themselves for the per-character ones.
 */
export function loadPdfium(): Promise<Pdfium> {
  loading ??= (async () => {
    const require = createRequire(__filename)
    const { init } = require('@embedpdf/pdfium') as {
      init(overrides: { wasmBinary: ArrayBuffer }): Promise<{ pdfium: EmscriptenModule }>
    }
    const wasm = readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm'))
    const binary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)
    const module = (await init({ wasmBinary: binary })).pdfium
    // Every export the reader calls is looked up once here, so a build without one fails at start.
    const fn = (name: string): ((...args: number[]) => number) => {
      const f = module.wasmExports[name]
      if (typeof f !== 'function') throw new Error(`PDFium build lacks ${name}`)
      return f
    }
    fn('PDFiumExt_Init')()
    const malloc = fn('malloc')
    const free = fn('free')
    const loadMemDocument = fn('FPDF_LoadMemDocument')
    const closeDocument = fn('FPDF_CloseDocument')
    const closePage = fn('FPDF_ClosePage')
    const closeTextPage = fn('FPDFText_ClosePage')
    const pageToDevice = fn('FPDF_PageToDevice')
    const getCharBox = fn('FPDFText_GetCharBox')
    const getRect = fn('FPDFText_GetRect')
    const getLooseCharBox = fn('FPDFText_GetLooseCharBox')
    const fillRect = fn('FPDFBitmap_FillRect')
    const destroyBitmap = fn('FPDFBitmap_Destroy')
    const renderPageBitmap = fn('FPDF_RenderPageBitmap')
    return {
      malloc: (size) => malloc(size),
      free: (ptr) => void free(ptr),
      heap: () => ({ u8: module.HEAPU8, f32: module.HEAPF32, f64: module.HEAPF64, i32: module.HEAP32 }),
      FPDF_LoadMemDocument: (data, size) => loadMemDocument(data, size, 0),
      FPDF_CloseDocument: (doc) => void closeDocument(doc),
      FPDF_GetLastError: fn('FPDF_GetLastError'),
      FPDF_GetPageCount: fn('FPDF_GetPageCount'),
      FPDF_LoadPage: fn('FPDF_LoadPage'),
      FPDF_ClosePage: (page) => void closePage(page),
      FPDF_GetPageWidthF: fn('FPDF_GetPageWidthF'),
      FPDF_GetPageHeightF: fn('FPDF_GetPageHeightF'),
      FPDFPage_GetRotation: fn('FPDFPage_GetRotation'),
      FPDF_PageToDevice: (...args) => pageToDevice(...args) !== 0,
      FPDFText_LoadPage: fn('FPDFText_LoadPage'),
      FPDFText_ClosePage: (textPage) => void closeTextPage(textPage),
      FPDFText_CountChars: fn('FPDFText_CountChars'),
      FPDFText_GetText: fn('FPDFText_GetText'),
      FPDFText_GetUnicode: fn('FPDFText_GetUnicode'),
      FPDFText_GetCharBox: (textPage, index, out) =>
        getCharBox(textPage, index, out, out + 8, out + 16, out + 24) !== 0,
      FPDFText_CountRects: fn('FPDFText_CountRects'),
      FPDFText_GetRect: (textPage, index, out) =>
        getRect(textPage, index, out, out + 8, out + 16, out + 24) !== 0,
      FPDFText_GetTextObject: fn('FPDFText_GetTextObject'),
      FPDFText_GetLooseCharBox: (textPage, index, out) => getLooseCharBox(textPage, index, out) !== 0,
      FPDFBitmap_Create: fn('FPDFBitmap_Create'),
      // The colour is an unsigned 32-bit ARGB; wasm takes it as a signed i32.
      FPDFBitmap_FillRect: (bitmap, left, top, width, height, color) =>
        void fillRect(bitmap, left, top, width, height, color | 0),
      FPDFBitmap_GetBuffer: fn('FPDFBitmap_GetBuffer'),
      FPDFBitmap_GetStride: fn('FPDFBitmap_GetStride'),
      FPDFBitmap_Destroy: (bitmap) => void destroyBitmap(bitmap),
      FPDF_RenderPageBitmap: (...args) => void renderPageBitmap(...args),
    }
  })()
  loading.catch(() => (loading = undefined))
  return loading
}

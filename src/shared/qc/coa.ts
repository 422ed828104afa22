import type { BBox } from '../document-text'

/** One cell as read from the page: the review screen highlights `bbox` on `page`. */
export interface ExtractedCell {
  text: string
  page: number
  bbox: BBox
  /** Lowest word confidence in the cell, 0–100 (OCR's, or the text layer's own score). */
  confidence: number
}

export type ColumnRole = 'name' | 'method' | 'unit' | 'min' | 'max' | 'spec' | 'result' | 'other'

export interface TableColumn {
  role: ColumnRole
  /** Header text as printed, joined over stacked header lines ("Batch Analysis Result"). */
  label: string
  /** x-range on the page (deskewed frame) the column's cells were taken from. */
  x0: number
  x1: number
}

export interface ExtractedRow {
  page: number
  bbox: BBox
  /** Cells by role; a role a table lacks, or an empty cell, is absent. */
  cells: Partial<Record<Exclude<ColumnRole, 'other'>, ExtractedCell>>
  /** Cells under columns with no known role, in column order. */
  others: ExtractedCell[]
}

export interface ExtractedTable {
  page: number
  bbox: BBox
  columns: TableColumn[]
  rows: ExtractedRow[]
  /** How columns were split: ruling lines of a bordered table, or white space between words. */
  columnSource: 'rules' | 'gaps'
}

export type HeaderFieldName = 'product' | 'productCode' | 'batch' | 'manufactured' | 'expiry' | 'supplier'

export interface HeaderField extends ExtractedCell {
  /** The label it was found next to ("Batch No"), empty when inferred (letterhead supplier). */
  label: string
  /** ISO date (yyyy-mm-dd) for date fields that could be read as one. */
  date?: string
}

export interface CoaExtraction {
  tables: ExtractedTable[]
  fields: Partial<Record<HeaderFieldName, HeaderField>>
  /** Why nothing was found, or what was assumed. */
  notes: string[]
}

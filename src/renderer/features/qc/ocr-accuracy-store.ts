import { create } from 'zustand'
import type { OcrAccuracyReport } from '../../../shared/metrics/desk-metrics'

/** The tenant's OCR accuracy as the QC pages show it; refreshed after each correction or sign-off. */
export const useQcOcrAccuracy = create<{ accuracy: OcrAccuracyReport | null; loaded: boolean }>(() => ({
  accuracy: null,
  loaded: false,
}))

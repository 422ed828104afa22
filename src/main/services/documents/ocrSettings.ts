import { join } from 'node:path'
import { z } from 'zod'
import {
  ocrChoiceSchema,
  type HandlerMap,
  type OcrChoice,
  type OcrEngine,
  type OcrSettings,
  type TenantId,
} from '../../../shared/contract'
import { readJsonFile, SerialQueue, writeJsonFile } from '../storage/jsonFile'

/** tenants/<id>/ocr.json: the choice, and who made it when (the file is what a backup carries). */
const tenantOcrFileSchema = ocrChoiceSchema.extend({ setAt: z.iso.datetime() })

/** How a tenant's documents are read: languages, model, engine, and whether `eng` may add Hindi per page. */
export interface OcrReading {
  langs: OcrChoice['languages']
  model: OcrChoice['model']
  engine: OcrEngine
  /**
   * A tenant that chose English chose English only; the desk-wide default `eng` keeps reading a page
   * that looks bilingual again with Hindi, as it always did.
   */
  hindiCheck: boolean
}

/**
 * Each tenant's OCR languages and model, in the tenant's folder, falling back to settings.json's
 * desk-wide `ocr` for a tenant that has not chosen.
 */
export class TenantOcrSettings {
  private readonly queue = new SerialQueue()

  constructor(
    private readonly folderOf: (tenantId: TenantId) => string,
    private readonly desk: Required<OcrChoice>,
  ) {}

  private file(tenantId: TenantId): string {
    return join(this.folderOf(tenantId), 'ocr.json')
  }

  async get(tenantId: TenantId): Promise<OcrSettings> {
    const own = await readJsonFile(this.file(tenantId), tenantOcrFileSchema.nullable(), null)
    const desk = { ...this.desk }
    if (!own) return { ...desk, source: 'desk', desk }
    // A choice saved before engines were one keeps the desk's engine.
    const engine = own.engine ?? desk.engine
    return { languages: own.languages, model: own.model, engine, source: 'tenant', desk }
  }

  async set(tenantId: TenantId, choice: OcrChoice, now = new Date()): Promise<OcrSettings> {
    return this.queue.run(async () => {
      await writeJsonFile(this.file(tenantId), { ...choice, setAt: now.toISOString() })
      return this.get(tenantId)
    })
  }

  /** What reading this tenant's documents uses when the request names no languages. */
  async reading(tenantId: TenantId): Promise<OcrReading> {
    const settings = await this.get(tenantId)
    return {
      langs: settings.languages,
      model: settings.model,
      engine: settings.engine,
      hindiCheck: settings.source === 'desk',
    }
  }
}

type OcrSettingsMethod = 'ocr.settings.get' | 'ocr.settings.set'

export function ocrSettingsHandlers<S>(options: {
  settings: TenantOcrSettings
  tenantOf: (session: S) => TenantId
}): Pick<HandlerMap<S>, OcrSettingsMethod> {
  const { settings, tenantOf } = options
  return {
    'ocr.settings.get': async (_params, session) => settings.get(tenantOf(session)),
    'ocr.settings.set': async (choice, session) => settings.set(tenantOf(session), choice),
  }
}

import { join } from 'node:path'
import { documentTextSchema, type DocumentText, type ExtractionMode } from '../../../shared/document-text'
import { readJsonFile, writeJsonFile } from '../storage/jsonFile'
import { PIPELINE_VERSION } from './tasks'

/** DocumentText by content hash and pipeline version: importing the same bytes again costs nothing. */
export class TextCache {
  constructor(readonly dir: string) {}

  private path(sha256: string, mode: ExtractionMode, langs: string): string {
    return join(this.dir, sha256.slice(0, 2), `${sha256}.v${PIPELINE_VERSION}.${mode}.${langs}.json`)
  }

  async get(sha256: string, mode: ExtractionMode, langs: string): Promise<DocumentText | null> {
    // A damaged cache entry is only a cache miss: the document is extracted again.
    return readJsonFile(this.path(sha256, mode, langs), documentTextSchema.nullable(), null).catch(() => null)
  }

  async put(text: DocumentText, langs: string): Promise<void> {
    await writeJsonFile(this.path(text.sha256, text.mode, langs), text)
  }
}

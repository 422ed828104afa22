import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export type OcrLanguage = 'eng' | 'hin'
export type OcrLanguages = 'eng' | 'hin' | 'eng+hin'
/**
 * `fast`: tessdata_fast (Debian's tesseract-ocr-eng/-hin, in models/tessdata-fast), what a plain
 * tesseract run uses and about a quarter cheaper per page; `best`: the npm best_int models.
 */
export type OcrModel = 'fast' | 'best'

/**
 * LSTM-only integer models ("best_int"): a quarter of the size of the 4.0.0 folder, same accuracy for
 * LSTM, and what the LSTM-only wasm core can load.
 */
const MODEL_FOLDER = '4.0.0_best_int'

/**
 * models/tessdata-fast, found by walking up from this module (the source tree in tests, out/main in
 * the build, which runs the document workers) to the folder holding models/manifest.json.
 */
export function fastModelFolder(): string {
  let dir = __dirname
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'models', 'manifest.json'))) return join(dir, 'models', 'tessdata-fast')
    dir = dirname(dir)
  }
  throw new Error(`models/manifest.json not found above ${__dirname}: the fast OCR models are missing`)
}

export function defaultCacheDir(): string {
  return join(tmpdir(), 'pebble-desk-ocr')
}

/** The folder of `@tesseract.js-data/<lang>` holding `<lang>.traineddata.gz`. Never a URL. */
export function packagedLanguageFolder(lang: OcrLanguage): string {
  const require = createRequire(__filename)
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), MODEL_FOLDER)
}

/**
 * tesseract.js reads every language from one `langPath`, but each npm package has its own folder, so
 * several languages are staged side by side (copies: symlinks need privileges on Windows).
 */
export function languagePath(langs: OcrLanguages, options: { dataDir?: string; cachePath?: string }): string {
  if (options.dataDir) return options.dataDir
  const list = langs.split('+') as OcrLanguage[]
  if (list.length === 1) return packagedLanguageFolder(list[0]!)
  const dir = join(options.cachePath ?? defaultCacheDir(), `tessdata-${MODEL_FOLDER}`)
  mkdirSync(dir, { recursive: true })
  for (const lang of list) {
    const target = join(dir, `${lang}.traineddata.gz`)
    if (existsSync(target)) continue
    // Copy then rename, so a concurrent engine never sees half a file.
    const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`
    copyFileSync(join(packagedLanguageFolder(lang), `${lang}.traineddata.gz`), partial)
    renameSync(partial, target)
  }
  return dir
}

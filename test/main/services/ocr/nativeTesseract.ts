import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { RasterImage } from '../../../../src/main/services/imaging'
import { encodePgm } from '../../../../src/main/services/ocr'
import { toGray } from '../../../../src/main/services/vision'
import type { BBox } from '../../../../src/shared/document-text/schema'

const run = promisify(execFile)

/** Native tesseract on exactly the pixels our engine gets (OMP_THREAD_LIMIT=1: see toolchain probe §4). */
export async function nativeWords(
  image: RasterImage,
  dir: string,
  name: string,
): Promise<{ words: { text: string; bbox: BBox }[]; ms: number }> {
  const gray = toGray(image)
  const path = join(dir, `${name}.pgm`)
  writeFileSync(path, encodePgm(gray.width, gray.height, gray.data))
  const started = performance.now()
  const { stdout } = await run('tesseract', [path, 'stdout', '--dpi', String(image.dpi), 'tsv'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    maxBuffer: 64 * 1024 * 1024,
  })
  const ms = performance.now() - started
  const words: { text: string; bbox: BBox }[] = []
  for (const row of stdout.split('\n')) {
    const f = row.split('\t')
    if (f[0] !== '5' || f.length < 12 || (f[11] ?? '').trim() === '') continue
    const [l, t, w, h] = [+f[6]!, +f[7]!, +f[8]!, +f[9]!]
    words.push({ text: f[11]!.trim(), bbox: [l, t, l + w, t + h] })
  }
  return { words, ms }
}

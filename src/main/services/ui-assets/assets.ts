import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { DeskError } from '../../../shared/contract'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
}

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a URL path onto a file under `root`, refusing anything that would leave it
 * (`..`, encoded `%2e%2e`, backslashes, NUL bytes, absolute paths).
 */
export function resolveAssetPath(root: string, urlPath: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    throw new DeskError('FORBIDDEN', `malformed path ${JSON.stringify(urlPath)}`)
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    throw new DeskError('FORBIDDEN', `refused path ${JSON.stringify(urlPath)}`)
  }
  const relative = decoded.replace(/^\/+/, '') || 'index.html'
  const base = resolve(root)
  const target = resolve(base, relative)
  if (target !== base && !target.startsWith(base + sep)) {
    throw new DeskError('FORBIDDEN', `path ${JSON.stringify(urlPath)} leaves the UI folder`)
  }
  return target
}

export interface Asset {
  body: Buffer
  contentType: string
}

/** Reads a UI asset; unknown paths without an extension fall back to index.html (client routing). */
export async function loadAsset(root: string, urlPath: string): Promise<Asset> {
  const target = resolveAssetPath(root, urlPath)
  const found = await stat(target).catch(() => null)
  if (found?.isFile()) return { body: await readFile(target), contentType: contentTypeFor(target) }
  if (extname(target) === '') {
    const index = resolveAssetPath(root, '/index.html')
    const body = await readFile(index).catch(() => null)
    if (body) return { body, contentType: contentTypeFor(index) }
  }
  throw new DeskError('NOT_FOUND', `no UI asset at ${JSON.stringify(urlPath)}`)
}

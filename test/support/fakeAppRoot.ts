import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A minimal installed-app folder: package.json, an empty model manifest, and a tiny built UI. */
export function makeAppRoot(dir: string, version = '1.2.3'): string {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pebble-desk', version }))
  mkdirSync(join(dir, 'models'))
  writeFileSync(join(dir, 'models', 'manifest.json'), JSON.stringify({ models: [] }))
  mkdirSync(join(dir, 'out', 'renderer', 'assets'), { recursive: true })
  writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Pebble Desk</title>')
  writeFileSync(join(dir, 'out', 'renderer', 'assets', 'app.js'), 'console.log("ui")')
  writeFileSync(join(dir, 'secret.txt'), 'outside the UI folder')
  return dir
}

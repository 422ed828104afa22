import { describe, expect, it } from 'vitest'
import type { BrowserWindow } from 'electron'
import { createWindowOptions, showWhenReady } from '../../../src/main/electron/window'
import { createFakeElectron } from './fake-electron'

describe('createWindowOptions', () => {
  const options = createWindowOptions('/app/out/preload/index.js')
  const prefs = options.webPreferences ?? {}

  it('uses the given preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js')
  })

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value)
  })

  it('never enables experimental features or remote blink features', () => {
    expect(prefs.experimentalFeatures).toBeUndefined()
    expect(prefs.enableBlinkFeatures).toBeUndefined()
  })

  it('starts hidden so the window appears only once painted', () => {
    expect(options.show).toBe(false)
  })
})

describe('showWhenReady', () => {
  it('shows the window on ready-to-show, not before', () => {
    const { BrowserWindow: Win } = createFakeElectron()
    const win = new Win({})
    showWhenReady(win as unknown as BrowserWindow)
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })
})

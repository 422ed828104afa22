import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDesk } from '../../../../src/main/services/desk'
import { DeskUserStore } from '../../../../src/main/services/desk/deskUser'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const REPO = resolve(__dirname, '../../../..')

describe('who is at this desk', () => {
  it('is nobody at first, then one remembered name per desk, through the contract and across restarts', async () => {
    const dataDir = tempDir()
    const open = () => createDesk({ dataDir, host: 'cli', version: '9.9.9', modelsDir: join(REPO, 'models') })
    const first = await open()
    const session = first.openSession(() => undefined)
    expect(await first.registry.dispatch('app.user.get', {}, session)).toEqual({
      ok: true,
      result: { name: null },
    })
    expect(await first.registry.dispatch('app.user.set', { name: '  Asha Rao ' }, session)).toEqual({
      ok: true,
      result: { name: 'Asha Rao' },
    })
    const refused = await first.registry.dispatch('app.user.set', { name: '   ' }, session)
    expect(refused.ok).toBe(false)
    await first.close()

    const again = await open()
    const next = again.openSession(() => undefined)
    expect(await again.registry.dispatch('app.user.get', {}, next)).toEqual({
      ok: true,
      result: { name: 'Asha Rao' },
    })
    await again.close()
  })

  it('names the file when it is malformed', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'desk-user.json'), '{"name": 7}')
    await expect(new DeskUserStore(dataDir).get()).rejects.toThrow(
      `${join(dataDir, 'desk-user.json')}: name:`,
    )
    writeFileSync(join(dataDir, 'desk-user.json'), 'nope')
    await expect(new DeskUserStore(dataDir).get()).rejects.toThrow(/desk-user\.json: not valid JSON/)
  })
})

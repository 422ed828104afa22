import { join } from 'node:path'
import { expect, it } from 'vitest'
import { ModelRegistry } from '../../src/main/services/models/manifest'
import { loadDoctypeModel } from '../../src/main/services/learning'
import { REPO_ROOT } from '../support/builtApp'

const modelsDir = join(REPO_ROOT, 'models')

it('every model in models/manifest.json is installed and matches its sha256', async () => {
  const status = await new ModelRegistry(modelsDir).status()
  expect(status.length).toBeGreaterThan(0)
  for (const model of status) expect(model, model.name).toMatchObject({ present: true, verified: true })
})

it('ships a document-type model that loads and says what it was trained on and how it scored', async () => {
  const model = await loadDoctypeModel(join(modelsDir, 'doctype.json'))
  expect(model.classes).toEqual(['tender', 'coa', 'specification', 'msds', 'invoice', 'other'])
  expect(model.trainedOn.description).toMatch(/scripts\/doctype\/samples.mjs/)
  expect(model.metrics.validation.n).toBeGreaterThan(0)
})

import { useState, type ChangeEvent } from 'react'
import type { TenantId } from '../../../../shared/contract'
import { modelSha256, parseRelevanceModel, type RelevanceModel } from '../../../../shared/learning'
import { describeError } from '../../../bridge/errors'
import { openTenantDb } from '../../../db'
import { useLearnedStore } from './store'

/** File.text() where the browser has it, FileReader otherwise. */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsText(file)
  })
}

/** Stores a model trained on the desk as the one in use; the one it replaces is kept to fall back on. */
async function storeModelFile(tenantId: TenantId, model: RelevanceModel): Promise<void> {
  const db = await openTenantDb(tenantId)
  try {
    await db.transaction('rw', db.models, async () => {
      const current = await db.models.get('relevance:current')
      if (current && current.version !== model.version)
        await db.models.put({ ...current, slot: 'relevance:previous' })
      await db.models.put({
        slot: 'relevance:current',
        version: model.version,
        sha256: modelSha256(model),
        source: 'file',
        channel: null,
        model,
        storedAt: db.nowIso(),
      })
    })
  } finally {
    db.close()
  }
}

/**
 * "Use model file…": a model from `pebble-desk train relevance --out model.json`, for a desk without
 * a hub model. A hub model that arrives later takes its place (and keeps it as the previous one).
 */
export function ModelFileInput() {
  const tenantId = useLearnedStore((s) => s.tenantId)
  const [error, setError] = useState<string | null>(null)
  const pick = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file || tenantId === null) return
    try {
      let json: unknown
      try {
        json = JSON.parse(await readText(file))
      } catch (e) {
        throw new Error(`${file.name}: not JSON (${describeError(e).message})`)
      }
      await storeModelFile(tenantId, parseRelevanceModel(json, file.name))
      setError(null)
    } catch (e) {
      setError(describeError(e).message)
    }
  }
  return (
    <p>
      <label>
        Use model file… <input type="file" accept=".json,application/json" onChange={(e) => void pick(e)} />
      </label>
      {error && (
        <span role="alert" className="inline-error">
          {' '}
          {error}
        </span>
      )}
    </p>
  )
}

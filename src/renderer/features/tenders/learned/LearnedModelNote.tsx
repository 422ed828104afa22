import { ModelFileInput } from './ModelFileInput'
import { useLearnedStore } from './store'

const FROM = { hub: 'from the hub', file: 'from a model file' } as const

/** Which learned model the Learned column shows, where it came from, and any trouble fetching it. */
export function LearnedModelNote() {
  const { model, status, error } = useLearnedStore()
  const trouble = status && (status.state === 'refused' || status.state === 'unreachable')
  return (
    <div role="group" aria-label="Learned model">
      <p className="muted">
        {model
          ? `Learned relevance model ${model.version} (${FROM[model.source]}${model.channel ? `, ${model.channel}` : ''})${
              model.previous ? `; ${model.previous} kept to fall back on` : ''
            }. The Learned column is its probability that a bid is relevant, with the words that pushed it most.`
          : 'No learned relevance model on this desk yet: rule scores only. The desk fetches its tenant’s model when the hub has one.'}
      </p>
      {(!model || model.source === 'file') && <ModelFileInput />}
      {trouble && (
        <p role="status" className="inline-error">
          {status.message}
        </p>
      )}
      {error && (
        <p role="alert" className="inline-error">
          Could not score with the learned model: {error}
        </p>
      )}
    </div>
  )
}

import { percent } from './review'
import { useLearnedStore } from './store'

/** The learned model's probability for one row, with the words that pushed it (up = towards relevant). */
export function LearnedCell({ documentId }: { documentId: string }) {
  const verdict = useLearnedStore((s) => s.verdicts[documentId])
  const version = useLearnedStore((s) => s.model?.version)
  if (!verdict || !version) return <div role="cell">–</div>
  const words = verdict.top.slice(0, 3).map(([word, weight]) => `${word} ${weight >= 0 ? '↑' : '↓'}`)
  const title = `P(relevant) ${verdict.probability.toFixed(2)} by model ${version}. Words that pushed it most: ${verdict.top
    .map(([word, weight]) => `${word} ${weight >= 0 ? '+' : ''}${weight}`)
    .join(', ')}`
  return (
    <div role="cell" className="learned" title={title}>
      <strong>{percent(verdict.probability)}</strong> <span className="words">{words.join(', ')}</span>
    </div>
  )
}

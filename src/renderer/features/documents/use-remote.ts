import { useEffect, useState } from 'react'
import { describeError } from '../../bridge/errors'

export type Remote<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string }

/**
 * Loads `load()` whenever `key` changes (null: nothing to load). The result is filed under the
 * key it was asked for, so an answer for a page the user already left is never shown.
 */
export function useRemote<T>(key: string | null, load: () => Promise<T>): Remote<T> {
  const [settled, setSettled] = useState<{ key: string; result: Remote<T> } | null>(null)

  useEffect(() => {
    if (key === null) return
    let live = true
    load().then(
      (value) => live && setSettled({ key, result: { state: 'ready', value } }),
      (error: unknown) =>
        live && setSettled({ key, result: { state: 'error', message: describeError(error).message } }),
    )
    return () => {
      live = false
    }
  }, [key, load])

  if (key === null) return { state: 'idle' }
  return settled?.key === key ? settled.result : { state: 'loading' }
}

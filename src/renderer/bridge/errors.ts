export interface UiError {
  code: string
  message: string
}

/**
 * Errors from the bridge are DeskErrors; over Electron IPC only code and message survive the
 * structured clone, so UI code reads those two fields and nothing else.
 */
export function describeError(error: unknown): UiError {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown }
    return {
      code: typeof code === 'string' ? code : 'INTERNAL',
      message: typeof message === 'string' && message !== '' ? message : 'Something went wrong.',
    }
  }
  return { code: 'INTERNAL', message: String(error) }
}

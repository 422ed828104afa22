import { Gs1ParseError, parseGs1, type Gs1Element, type Gs1Result } from '../../../shared/gs1'
import { decodeSeparators } from '../../../shared/scanners/notation'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'

export function describeElement(e: Gs1Element): string {
  const extras = [
    e.date !== undefined ? `date ${e.date}` : undefined,
    e.decimal !== undefined ? `decimal ${e.decimal}` : undefined,
    e.currency !== undefined ? `currency ${e.currency}` : undefined,
  ].filter(Boolean)
  return `(${e.ai}) ${e.title}: ${e.value}${extras.length > 0 ? `  [${extras.join(', ')}]` : ''}`
}

/** The JSON shape shared by `gs1` and `scan`. */
export function gs1Json(result: Gs1Result): Record<string, unknown> {
  const json: Record<string, unknown> = {
    symbology: result.symbology,
    symbologyId: result.symbologyId,
    elements: result.elements,
  }
  if (result.text !== undefined) json.text = result.text
  if (result.digitalLink !== undefined) json.digitalLink = result.digitalLink
  return json
}

export function runGs1(args: readonly string[], io: CliIo, mode: OutputMode): number {
  if (args.length !== 1 || args[0] === undefined)
    throw new UsageError('gs1 takes exactly one barcode data argument')
  const input = args[0]
  try {
    const result = parseGs1(decodeSeparators(input))
    const lines = result.elements.map(describeElement)
    if (result.text !== undefined && result.elements.length === 0) lines.push(`text: ${result.text}`)
    printResult(io, mode, gs1Json(result), lines.join('\n'))
    return EXIT.ok
  } catch (error) {
    if (!(error instanceof Gs1ParseError)) throw error
    const message = `${input}: ${error.message}`
    if (mode.json) {
      const envelope = { code: 'INVALID_INPUT', message, details: { position: error.position } }
      io.stdout(JSON.stringify({ error: envelope }, null, 2) + '\n')
    }
    io.stderr(`pebble-desk: ${message}\n`)
    return EXIT.failure
  }
}

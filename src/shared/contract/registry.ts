import { DeskError, formatZodIssues, toErrorEnvelope, type ErrorEnvelope } from './errors'
import { methods, type MethodResult, type Methods } from './methods'
import { isMethodName, type MethodName } from './names'
import type { z } from 'zod'

export type ParsedParams<M extends MethodName> = z.output<Methods[M]['request']>
export type Handler<M extends MethodName, Ctx> = (
  params: ParsedParams<M>,
  ctx: Ctx,
) => Promise<MethodResult<M>> | MethodResult<M>
export type HandlerMap<Ctx> = { [M in MethodName]: Handler<M, Ctx> }

/** A millisecond clock and where each call's seconds go. */
export type CallTiming = { now: () => number; observe: (method: MethodName, seconds: number) => void }

export type DispatchOutcome = { ok: true; result: unknown } | { ok: false; error: ErrorEnvelope }

/**
 * The single place handlers are registered: duplicates are refused, every request is validated
 * against its schema before the handler runs, and every failure leaves as an error envelope.
 */
export class HandlerRegistry<Ctx> {
  private readonly handlers = new Map<MethodName, Handler<MethodName, Ctx>>()

  /**
   * `guard` runs before every handler (after the method name is known, before its params are
   * read): the desk's role check lives there, so no host can reach a handler around it.
   */
  constructor(private readonly guard?: (method: MethodName, ctx: Ctx) => Promise<void> | void) {}

  register<M extends MethodName>(method: M, handler: Handler<M, Ctx>): this {
    if (!isMethodName(method)) throw new Error(`"${String(method)}" is not a method of the desk contract`)
    if (this.handlers.has(method)) throw new Error(`a handler for "${method}" is already registered`)
    this.handlers.set(method, handler as unknown as Handler<MethodName, Ctx>)
    return this
  }

  registerAll(handlers: HandlerMap<Ctx>): this {
    for (const method of Object.keys(handlers) as MethodName[]) {
      this.register(method, handlers[method] as Handler<typeof method, Ctx>)
    }
    return this
  }

  missing(): MethodName[] {
    return (Object.keys(methods) as MethodName[]).filter((m) => !this.handlers.has(m))
  }

  private timing: CallTiming | null = null

  /**
   * Reports how long every dispatch of a contract method took, failures included (the desk's
   * api_latency). The clock is the host's: this module stays free of Node and DOM timers.
   */
  measure(timing: CallTiming): this {
    this.timing = timing
    return this
  }

  async dispatch(method: unknown, params: unknown, ctx: Ctx): Promise<DispatchOutcome> {
    const timing = this.timing
    if (timing === null || !isMethodName(method)) return this.dispatchChecked(method, params, ctx)
    const started = timing.now()
    try {
      return await this.dispatchChecked(method, params, ctx)
    } finally {
      timing.observe(method, Math.max(0, timing.now() - started) / 1000)
    }
  }

  private async dispatchChecked(method: unknown, params: unknown, ctx: Ctx): Promise<DispatchOutcome> {
    try {
      if (!isMethodName(method)) {
        throw new DeskError('UNKNOWN_METHOD', `"${String(method)}" is not a method of the desk contract`)
      }
      const handler = this.handlers.get(method)
      if (!handler) throw new DeskError('UNKNOWN_METHOD', `no handler is registered for "${method}"`)
      await this.guard?.(method, ctx)
      const spec = methods[method]
      const parsed = spec.request.safeParse(params ?? {})
      if (!parsed.success) {
        throw new DeskError('INVALID_INPUT', `${method}: ${formatZodIssues(parsed.error)}`, { method })
      }
      const result = await handler(parsed.data as never, ctx)
      const checked = spec.response.safeParse(result)
      if (!checked.success) {
        throw new DeskError(
          'INTERNAL',
          `${method} produced an invalid response: ${formatZodIssues(checked.error)}`,
        )
      }
      return { ok: true, result: checked.data }
    } catch (error) {
      return { ok: false, error: toErrorEnvelope(error) }
    }
  }
}

import type { FastifyRequest } from 'fastify'
import { redactQuery, redactText } from '../src/shared/redaction'
import type { HubConfig } from './config'

/**
 * The hub's pino options. A request is logged by its ROUTE pattern and a redacted query, never the
 * raw URL (a query once carried an analyst's email into every log line). Every finished line also
 * passes the shared text redaction, which reaches messages, error details and anything a route
 * logs; the `redact` paths keep credentials out even if someone later logs headers.
 */
export function hubLoggerOptions(config: Pick<HubConfig, 'LOG_LEVEL'>) {
  return {
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-hub-token"]',
        'res.headers["set-cookie"]',
        'headers.authorization',
        'headers.cookie',
        '*.token',
        '*.adminToken',
        '*.password',
      ],
      censor: '[token]',
    },
    serializers: { req: requestForLog },
    hooks: { streamWrite: redactText },
  }
}

/** Method, route pattern and the redacted query: what an operator needs to find a request again. */
export function requestForLog(request: FastifyRequest): Record<string, string | undefined> {
  const url = request.url ?? ''
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  return {
    method: request.method,
    // No matched route (404) has no pattern; the path itself is redacted instead.
    route: request.routeOptions?.url ?? `(no route) ${redactText(path)}`,
    query: q < 0 ? undefined : redactQuery(url.slice(q + 1)),
    remoteAddress: request.ip,
  }
}

import type { FastifyInstance } from 'fastify'

// The desk's UI runs at app://desk (Electron) or on a random loopback port (pebble-desk serve), so
// its sync worker's calls are cross-origin. Any origin may call the desk endpoints: they
// authenticate by bearer token only (no cookies), so CORS adds no protection there, and a
// fixed list could not name the serve ports anyway. Admin and read endpoints get no CORS at all.
const DESK_ROUTES = ['/v1/ingest', '/v1/desks/:id/heartbeat'] as const

const PREFLIGHT = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': 'authorization, content-type, x-request-id',
  // Chromium caps this at two hours; saves a preflight round trip per batch.
  'access-control-max-age': '7200',
}

export function deskCors(app: FastifyInstance): void {
  for (const url of DESK_ROUTES) {
    app.options(url, (_request, reply) => reply.code(204).headers(PREFLIGHT).send())
  }
  app.addHook('onSend', (request, reply, payload, done) => {
    const route = request.routeOptions.url
    if (route !== undefined && (DESK_ROUTES as readonly string[]).includes(route)) {
      reply.header('access-control-allow-origin', '*')
    }
    done(null, payload)
  })
}

import type { FastifyInstance } from 'fastify'

// The desk's UI runs at app://desk (Electron) or on a random loopback port (pebble-desk serve), so
// its sync worker's calls are cross-origin. Any origin may call the desk endpoints: they
// authenticate by bearer token only (no cookies), so CORS adds no protection there, and a
// fixed list could not name the serve ports anyway. Admin and read endpoints get no CORS at all.
// The model route is a desk endpoint too: the sync worker fetches the tenant's model (GET).
const DESK_ROUTES = {
  '/v1/ingest': 'POST',
  '/v1/desks/:id/heartbeat': 'POST',
  '/v1/tenants/:t/models/:kind/current': 'GET',
  // Learned COA layout templates, pulled beside the model.
  '/v1/tenants/:t/layout-templates': 'GET',
  // Learned bid-portal field templates, pulled on the same look.
  '/v1/tenants/:t/portal-templates': 'GET',
} as const

const PREFLIGHT = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, x-request-id',
  // Chromium caps this at two hours; saves a preflight round trip per batch.
  'access-control-max-age': '7200',
}

export function deskCors(app: FastifyInstance): void {
  for (const [url, method] of Object.entries(DESK_ROUTES)) {
    app.options(url, (_request, reply) =>
      reply
        .code(204)
        .headers({ ...PREFLIGHT, 'access-control-allow-methods': method })
        .send(),
    )
  }
  app.addHook('onSend', (request, reply, payload, done) => {
    const route = request.routeOptions.url
    if (route !== undefined && Object.hasOwn(DESK_ROUTES, route)) {
      reply.header('access-control-allow-origin', '*')
    }
    done(null, payload)
  })
}

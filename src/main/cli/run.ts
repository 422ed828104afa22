import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { createDesk, createDirectDeskApi, readAppVersion } from '../services/desk'
import { defaultDataDir } from '../services/config/dataDir'
import { runDocuments, runImport } from './commands/documents'
import { runCoa } from './commands/qc'
import { runGs1 } from './commands/gs1'
import { runOcr } from './commands/ocr'
import { runSample } from './commands/sample'
import { runScan } from './commands/scanners'
import { runScreen } from './commands/tenders'
import { runServe } from './commands/serve'
import { runTenants } from './commands/tenants'
import { HELP } from './help'
import { EXIT, printResult, reportError, UsageError, type CliIo, type OutputMode } from './io'

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  tenant: { type: 'string' },
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  baud: { type: 'string' },
  open: { type: 'boolean' },
  mode: { type: 'string' },
  workers: { type: 'string' },
  lang: { type: 'string' },
  profile: { type: 'string', multiple: true },
  csv: { type: 'boolean' },
  xlsx: { type: 'string' },
  'no-cache': { type: 'boolean' },
  spec: { type: 'string' },
  batch: { type: 'string' },
  today: { type: 'string' },
  'lot-size': { type: 'string' },
  level: { type: 'string' },
  plan: { type: 'string' },
  seed: { type: 'string' },
} as const satisfies ParseArgsConfig['options']

export type CliValues = ReturnType<typeof parse>['values']

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments')
  }
}

/** The built document worker, where this installation has one (a build without it only records files). */
function documentWorker(appRoot: string): string | undefined {
  const script = join(appRoot, 'out', 'main', 'document-worker.js')
  return existsSync(script) ? script : undefined
}

/** Runs one `pebble-desk` invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const mode: OutputMode = { json: argv.includes('--json'), debug: argv.includes('--debug') }
  try {
    const { values, positionals } = parse(argv)
    const version = readAppVersion(io.appRoot)
    if (values.help) return (printResult(io, mode, { help: HELP }, HELP), EXIT.ok)
    if (values.version) return (printResult(io, mode, { version }, version), EXIT.ok)
    const [command, ...rest] = positionals
    if (!command) throw new UsageError('no command given')
    if (command === 'gs1') return runGs1(rest, io, mode)
    if (command === 'ocr') return await runOcr(values, rest, io, mode)
    if (command === 'scan') return await runScan(values, rest, io, mode)
    if (command === 'coa') return await runCoa(values, rest, io, mode)
    if (command === 'sample') return runSample(values, rest, io, mode)
    if (command === 'screen') return await runScreen(values, rest, io, mode)
    if (!['serve', 'import', 'documents', 'tenants'].includes(command)) {
      throw new UsageError(`unknown command "${command}"`)
    }
    if (command !== 'serve' && (values.port !== undefined || values.open)) {
      throw new UsageError('--port and --open belong to "serve"')
    }

    const desk = await createDesk({
      dataDir: values['data-dir'] ?? defaultDataDir(io.env),
      host: command === 'serve' ? 'browser' : 'cli',
      version,
      modelsDir: join(io.appRoot, 'models'),
      workerScript: documentWorker(io.appRoot),
    })
    const direct = createDirectDeskApi(desk)
    try {
      if (values.tenant) await direct.api.tenants.select({ tenantId: values.tenant })
      switch (command) {
        case 'serve':
          return await runServe(desk, values, io, mode)
        case 'import':
          return await runImport(direct.api, rest, io, mode)
        case 'documents':
          return await runDocuments(direct.api, rest, io, mode)
        default:
          return await runTenants(direct.api, rest, io, mode)
      }
    } finally {
      direct.close()
      await desk.close()
    }
  } catch (error) {
    return reportError(io, mode, error)
  }
}

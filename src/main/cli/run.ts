import { join } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { DeskApi } from '../../shared/contract'
import { defaultDataDir } from '../services/config/dataDir'
import { createDesk, createDirectDeskApi, readAppVersion, type Desk } from '../services/desk'
import { documentWorkerScript, openDeskCore, type DeskCore } from '../services/core/deskCore'
import { runBackup, runRestore } from './commands/backup'
import { runAuditExport, runAuditVerify } from './commands/audit'
import { runDocuments, runImport } from './commands/documents'
import { runDocumentsRead } from './commands/documentsRead'
import { runBulkResults, runBulkStatus, runBulkSubmit } from './commands/bulk'
import { runGs1 } from './commands/gs1'
import { runDocumentsClassify, trainCommand } from './commands/learning'
import { runExportOcrTruth } from './commands/ocrTruth'
import { runQcCheck } from './commands/qc'
import { runQcSample } from './commands/qcSample'
import { runScannersListen } from './commands/scanners'
import { runTendersScreen } from './commands/tenders'
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
  labels: { type: 'string' },
  out: { type: 'string' },
  model: { type: 'string' },
  description: { type: 'string' },
  hub: { type: 'string' },
  token: { type: 'string' },
  run: { type: 'string' },
  wait: { type: 'boolean' },
  /** `audit` commands: --data is --data-dir's spelling there; --from/--to are yyyy-mm-dd. */
  data: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
} as const satisfies ParseArgsConfig['options']

export type CliValues = ReturnType<typeof parse>['values']

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments')
  }
}

type CommandRunner =
  /** Needs nothing but its arguments. */
  | {
      needs: 'nothing'
      run(values: CliValues, rest: string[], io: CliIo, mode: OutputMode): number | Promise<number>
    }
  /** Reads documents through the desk core (settings.json, document workers), outside any tenant. */
  | {
      needs: 'core'
      run(core: DeskCore, values: CliValues, rest: string[], io: CliIo, mode: OutputMode): Promise<number>
    }
  /** Works in a tenant's store through the desk's contract, as the app does. */
  | {
      needs: 'desk'
      run(
        desk: Desk,
        api: DeskApi,
        values: CliValues,
        rest: string[],
        io: CliIo,
        mode: OutputMode,
      ): Promise<number>
    }

/** Every command, named `<capability> <job>` as in docs/architecture.md. */
export const CLI_COMMANDS = {
  serve: { needs: 'desk', run: (desk, _api, values, _rest, io, mode) => runServe(desk, values, io, mode) },
  'documents import': {
    needs: 'desk',
    run: (_desk, api, _v, rest, io, mode) => runImport(api, rest, io, mode),
  },
  'documents list': {
    needs: 'desk',
    run: (_desk, api, _v, rest, io, mode) => runDocuments(api, rest, io, mode),
  },
  'documents read': { needs: 'core', run: runDocumentsRead },
  'documents classify': { needs: 'core', run: runDocumentsClassify },
  'tenders screen': { needs: 'core', run: runTendersScreen },
  'qc check': { needs: 'core', run: runQcCheck },
  'train relevance': { needs: 'core', run: trainCommand('relevance') },
  'train doctype': { needs: 'core', run: trainCommand('doctype') },
  'export-ocr-truth': { needs: 'core', run: runExportOcrTruth },
  'qc sample': { needs: 'nothing', run: runQcSample },
  'scanners listen': { needs: 'nothing', run: runScannersListen },
  gs1: { needs: 'nothing', run: (_values, rest, io, mode) => runGs1(rest, io, mode) },
  tenants: { needs: 'desk', run: (_desk, api, _v, rest, io, mode) => runTenants(api, rest, io, mode) },
  'bulk submit': { needs: 'nothing', run: runBulkSubmit },
  'bulk status': { needs: 'nothing', run: runBulkStatus },
  'bulk results': { needs: 'nothing', run: runBulkResults },
  backup: { needs: 'nothing', run: runBackup },
  restore: { needs: 'nothing', run: runRestore },
  'audit verify': { needs: 'nothing', run: runAuditVerify },
  'audit export': { needs: 'nothing', run: runAuditExport },
} as const satisfies Record<string, CommandRunner>

export type CliCommand = keyof typeof CLI_COMMANDS

/** The one-word commands of earlier versions, still accepted. */
export const CLI_ALIASES: Record<string, CliCommand> = {
  import: 'documents import',
  documents: 'documents list',
  ocr: 'documents read',
  classify: 'documents classify',
  screen: 'tenders screen',
  coa: 'qc check',
  sample: 'qc sample',
  scan: 'scanners listen',
}

function isCommand(name: string): name is CliCommand {
  return Object.hasOwn(CLI_COMMANDS, name)
}

/** `qc check a.pdf` → the command and its arguments; old one-word names map to their new ones. */
export function resolveCommand(positionals: readonly string[]): { command: CliCommand; rest: string[] } {
  const [first, second, ...more] = positionals
  if (!first) throw new UsageError('no command given')
  const two = `${first} ${second ?? ''}`
  if (second !== undefined && isCommand(two)) return { command: two, rest: more }
  const rest = second === undefined ? [] : [second, ...more]
  if (isCommand(first)) return { command: first, rest }
  const alias = CLI_ALIASES[first]
  if (alias) return { command: alias, rest }
  const jobs = Object.keys(CLI_COMMANDS).filter((c) => c.startsWith(`${first} `))
  if (jobs.length > 0) throw new UsageError(`"${first}" needs one of: ${jobs.join(', ')}`)
  throw new UsageError(`unknown command "${first}"`)
}

function workersOption(values: CliValues): number | undefined {
  if (values.workers === undefined) return undefined
  const workers = Number(values.workers)
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new UsageError(`--workers must be a whole number from 1 to 64 (got "${values.workers}")`)
  }
  return workers
}

/** Runs one `pebble-desk` invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const mode: OutputMode = { json: argv.includes('--json'), debug: argv.includes('--debug') }
  try {
    const { values, positionals } = parse(argv)
    const version = readAppVersion(io.appRoot)
    if (values.help) return (printResult(io, mode, { help: HELP }, HELP), EXIT.ok)
    if (values.version) return (printResult(io, mode, { version }, version), EXIT.ok)
    const { command, rest } = resolveCommand(positionals)
    const portUsers: CliCommand[] = ['serve', 'scanners listen']
    if ((values.open && command !== 'serve') || (values.port !== undefined && !portUsers.includes(command))) {
      throw new UsageError('--port and --open belong to "serve"')
    }
    const runner: CommandRunner = CLI_COMMANDS[command]
    const dataDir = values['data-dir'] ?? defaultDataDir(io.env)
    const workerScript = documentWorkerScript(io.appRoot)
    const workers = workersOption(values)

    if (runner.needs === 'nothing') return await runner.run(values, rest, io, mode)
    if (runner.needs === 'core') {
      const core = await openDeskCore({
        dataDir,
        ...(workerScript ? { workerScript } : {}),
        ...(workers ? { workers } : {}),
      })
      try {
        return await runner.run(core, values, rest, io, mode)
      } finally {
        await core.close()
      }
    }

    const desk = await createDesk({
      dataDir,
      host: command === 'serve' ? 'browser' : 'cli',
      version,
      modelsDir: join(io.appRoot, 'models'),
      ...(workerScript ? { workerScript } : {}),
      ...(workers ? { workers } : {}),
    })
    const direct = createDirectDeskApi(desk)
    try {
      if (values.tenant) await direct.api.tenants.select({ tenantId: values.tenant })
      return await runner.run(desk, direct.api, values, rest, io, mode)
    } finally {
      direct.close()
      await desk.close()
    }
  } catch (error) {
    return reportError(io, mode, error)
  }
}

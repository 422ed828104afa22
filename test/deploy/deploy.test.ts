import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { REPO_ROOT } from '../support/builtApp'

const deploy = join(REPO_ROOT, 'deploy')
const install = readFileSync(join(deploy, 'install.sh'), 'utf8')
const units = readdirSync(join(deploy, 'systemd'))
const unitText = (name: string) => readFileSync(join(deploy, 'systemd', name), 'utf8')
const hubUsage = readFileSync(join(REPO_ROOT, 'server', 'cli.ts'), 'utf8')

/** `/opt/pebble-hub/<path>` on the host is `<path>` of the repository, built or as checked in. */
function repoFileFor(hostPath: string): string {
  const inApp = hostPath.replace(/^\/opt\/pebble-hub\//, '')
  // out/hub/main.mjs is server/main.ts bundled by server/build.mjs (install.sh builds it).
  return inApp === 'out/hub/main.mjs' ? 'server/main.ts' : inApp
}

describe('deploy/install.sh', () => {
  it('is valid bash', () => {
    execFileSync('bash', ['-n', join(deploy, 'install.sh')])
  })

  it('installs every unit in deploy/systemd and nothing that is not there', () => {
    const named = [...install.matchAll(/pebble-hub[\w-]*\.(service|timer)/g)].map((m) => m[0])
    expect(new Set(named)).toEqual(new Set(units))
  })

  it('uses the Prometheus and Alertmanager configs from ops/ and the restore command of the runbook', () => {
    for (const path of ['ops/render.mjs']) expect(existsSync(join(REPO_ROOT, path)), path).toBe(true)
    expect(install).toContain('ops/render.mjs" prometheus')
    expect(install).toContain('ops/render.mjs" alertmanager')
    expect(install).toMatch(
      /main\.mjs" restore \\\n\s+--from "\$RESTORE_FROM" --database-url "\$DATABASE_URL"/,
    )
    const runbook = readFileSync(join(REPO_ROOT, 'docs', 'runbooks', 'restore-from-backup.md'), 'utf8')
    expect(runbook).toContain('deploy/install.sh --restore-from')
  })
})

describe('deploy/systemd units', () => {
  it.each(units.filter((u) => u.endsWith('.service')))('%s runs a real command with real files', (unit) => {
    const text = unitText(unit)
    const exec = /^ExecStart=(\S+) (\S+)(?: (\S+))?/m.exec(text)
    expect(exec, `${unit} has an ExecStart`).not.toBeNull()
    const [, binary, script, subcommand] = exec ?? []
    expect(binary).toBe('/usr/bin/node')
    expect(existsSync(join(REPO_ROOT, repoFileFor(script ?? ''))), script).toBe(true)
    // Every hub subcommand a unit runs is one the hub's CLI knows.
    expect(hubUsage).toMatch(new RegExp(`case '${subcommand}'`))
    for (const env of text.match(/^EnvironmentFile=(\S+)/gm) ?? [])
      expect(env).toBe('EnvironmentFile=/etc/pebble-hub/hub.env')
    for (const variable of text.matchAll(/\$\{(\w+)\}/g)) {
      expect(readFileSync(join(deploy, 'hub.env.example'), 'utf8')).toMatch(
        new RegExp(`^${variable[1]}=`, 'm'),
      )
    }
  })

  it.each(units.filter((u) => u.endsWith('.timer')))('%s starts a service that exists', (timer) => {
    expect(units).toContain(timer.replace(/\.timer$/, '.service'))
    expect(unitText(timer)).toMatch(/^OnCalendar=/m)
  })
})

describe('deploy/compose.yaml', () => {
  const compose = parse(readFileSync(join(deploy, 'compose.yaml'), 'utf8')) as {
    services: Record<string, { profiles?: string[]; build?: { dockerfile: string }; volumes?: string[] }>
  }
  const always = Object.entries(compose.services).filter(([, s]) => !s.profiles)

  it('runs the same four services as install.sh', () => {
    expect(always.map(([name]) => name).sort()).toEqual(['alertmanager', 'hub', 'postgres', 'prometheus'])
    expect(install).toContain('systemctl enable --now postgresql')
    expect(install).toContain('systemctl enable pebble-hub.service')
    expect(install).toContain('systemctl enable prometheus prometheus-alertmanager')
  })

  it('builds the hub from a Dockerfile that exists and backs up with the same command as the timer', () => {
    expect(existsSync(join(REPO_ROOT, compose.services.hub?.build?.dockerfile ?? ''))).toBe(true)
    const backup = JSON.stringify((compose.services.backup as { command?: string[] }).command)
    expect(backup).toBe(JSON.stringify(['backup', '--dir', '/var/lib/pebble-hub/backups', '--keep', '30']))
    expect(unitText('pebble-hub-backup.service')).toContain(
      'backup --dir /var/lib/pebble-hub/backups --keep 30',
    )
  })
})

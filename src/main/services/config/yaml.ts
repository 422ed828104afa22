import { createRequire } from 'node:module'

type YamlModule = typeof import('yaml')
let yamlModule: YamlModule | undefined

/**
 * The yaml package, loaded when a profile or specification is first read in YAML: it costs some
 * 40 ms of start-up that commands reading no YAML (`documents read`) need not pay.
 */
export function yaml(): YamlModule {
  yamlModule ??= createRequire(__filename)('yaml') as YamlModule
  return yamlModule
}

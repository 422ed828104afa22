// The few globals src/shared may use: each exists in every runtime that loads shared code (Node 20,
// Chromium windows and web workers). tsconfig.shared.json has neither DOM nor Node types, so they are
// declared here, narrowly. Only that config includes this file: the others get the full declarations
// from their DOM or Node types.

interface URL {
  readonly hash: string
  readonly hostname: string
  readonly password: string
  readonly search: string
  readonly username: string
}
declare const URL: { new (url: string, base?: string): URL }

interface TextEncoder {
  encode(input?: string): Uint8Array
}
declare const TextEncoder: { new (): TextEncoder }

// eslint-disable-next-line no-var -- only a var is a property of globalThis
declare var crypto: { getRandomValues<T extends Uint8Array>(array: T): T }

import { describe, expect, it } from 'vitest'
import { isTrustedUrl, START_URL } from '../../../src/main/electron/trust'

describe('isTrustedUrl', () => {
  it.each([START_URL, 'app://desk/', 'app://desk/assets/index-abc.js', 'app://desk/index.html#/tenders?x=1'])(
    'trusts %s',
    (url) => expect(isTrustedUrl(url)).toBe(true),
  )

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    'app://evil/index.html',
    'app://desk.evil.com/index.html',
    'app://user:pw@desk/index.html',
    'app://desk:8080/index.html',
    'app:desk/index.html',
    'app:///desk/index.html',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses %s', (url) => expect(isTrustedUrl(url)).toBe(false))

  it('refuses non-strings', () => {
    expect(isTrustedUrl(undefined)).toBe(false)
    expect(isTrustedUrl(null)).toBe(false)
    expect(isTrustedUrl({ toString: () => START_URL })).toBe(false)
  })
})

import { configure } from '@testing-library/dom'

/*
 * Renderer tests wait for what a page shows after real work (a PIN checked against its hash, a
 * document read, an audit chain verified). On a busy 2-core CI machine that can take longer than
 * testing-library's default second, and a test then fails for the machine, not for the page; a
 * page that never shows what is awaited still fails, only later.
 */
configure({ asyncUtilTimeout: 10_000 })

import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { parseSpecification, SPEC_TEMPLATE_FILE_NAME, SPEC_TEMPLATE_YAML } from '../../../src/shared/qc'

describe('specification errors and template', () => {
  it('says in plain words what is wrong at each path, never just "Invalid input"', () => {
    const bad = parseSpecification({
      product: 'P',
      version: 'one',
      rounding: 'up',
      colour: 'blue',
      parameters: [{ name: 'Lead', min: 'abc' }, { name: 'pH', limit: '' }, { name: 'Ash' }],
    })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        { path: 'version', message: 'must be a number, not "one"' },
        { path: 'rounding', message: 'must be one of "none", "limit-decimals", not "up"' },
        { path: '(root)', message: 'unknown field "colour"' },
        {
          path: 'parameters[0].min',
          message: 'must be a number, or { value: <number>, inclusive: true/false }, not "abc"',
        },
        { path: 'parameters[1].limit', message: 'must not be empty' },
        { path: 'parameters[2].limit', message: 'a parameter needs "min", "max" or "limit"' },
      ]),
    )
    for (const e of bad.errors) expect(e.message).not.toMatch(/^Invalid input|^Too small|^Invalid option/)
    const missing = parseSpecification({})
    expect(missing.ok ? [] : missing.errors).toContainEqual({ path: 'product', message: 'is required' })
  })

  it('the downloadable template is commented YAML that is a valid specification as it stands', () => {
    expect(SPEC_TEMPLATE_FILE_NAME).toMatch(/\.yaml$/)
    expect(SPEC_TEMPLATE_YAML).toMatch(/^# /m)
    const parsed = parseSpecification(parseYaml(SPEC_TEMPLATE_YAML))
    expect(parsed).toMatchObject({ ok: true, spec: { product: 'Sodium Bicarbonate', version: 1 } })
    if (!parsed.ok) return
    expect(parsed.compiled.parameters.map((p) => p.name)).toEqual([
      'Assay',
      'Lead',
      'Loss on drying',
      'Appearance',
    ])
  })
})

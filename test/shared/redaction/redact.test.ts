import { describe, expect, it } from 'vitest'
import { redactDeep, redactQuery, redactText } from '../../../src/shared/redaction'

describe('redactText: personal data is masked', () => {
  it.each([
    ['mail from priya.sharma+qc@example.co.in about the COA', 'mail from [email] about the COA'],
    ['q=priya%40example.com', 'q=[email]'],
    ['call +91 98765 43210 now', 'call [phone] now'],
    ['call +919876543210', 'call [phone]'],
    ['mobile 9876543210.', 'mobile [phone].'],
    ['mobile 09876543210', 'mobile [phone]'],
    ['office 022-24567890', 'office [phone]'],
    ['office 0471 2345678', 'office [phone]'],
    ['US desk +1 (415) 555-0134', 'US desk [phone]'],
    ['UK +44 20 7946 0958', 'UK [phone]'],
    ['PAN ABCDE1234F on file', 'PAN [pan] on file'],
    ['pan abcde1234f', 'pan [pan]'],
    ['aadhaar 2345 6789 0123', 'aadhaar [aadhaar]'],
    ['aadhaar 234567890123', 'aadhaar [aadhaar]'],
    ['aadhaar 2345-6789-0123', 'aadhaar [aadhaar]'],
    ['GSTIN 22AAAAA0000A1Z5 registered', 'GSTIN [gstin] registered'],
    ['IFSC SBIN0001234', 'IFSC [ifsc]'],
    ['IFSC HDFC0ABC123', 'IFSC [ifsc]'],
    ['a/c 001234567890 at the branch', 'a/c [account] at the branch'],
    ['Account No: 50100123456789', 'Account No: [account]'],
    ['token pdt_Qm9vX2Jhel9xdXV4X2NvcmdlX2dyYXVsdA', 'token [token]'],
    ['authorization: Bearer abc.DEF_123-xyz', 'authorization: Bearer [token]'],
    ['/?token=Zm9vYmFyYmF6cXV4 opened', '/?token=[token] opened'],
    [
      '{"adminToken":"x","token":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"}',
      '{"adminToken":"[token]","token":"[token]"}',
    ],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected)
  })

  it('masks several kinds in one message and keeps the words around them', () => {
    expect(redactText('vendor a@b.in, PAN ABCDE1234F, ph 9876543210; bid GEM/2026/B/7439924')).toBe(
      'vendor [email], PAN [pan], ph [phone]; bid GEM/2026/B/7439924',
    )
  })
})

describe('redactText: what logs need stays', () => {
  it.each([
    'bid GEM/2026/B/7439924 imported',
    'GEM/2025/B/6123456 and gem/2024/r/512345',
    'at 2026-12-05T12:09:21.123Z',
    'at 2026-12-05T12:09:21+05:30 and 2026-12-05 10:00',
    'record 0190f2a4-7b1c-7d3e-8f00-123456789012',
    'record 01234567-0123-4567-8901-234567890123',
    'sha256 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b',
    'sha256 1234567890123456789012345678901234567890123456789012345678901234',
    '(01)09506000134352(10)B240517(17)261231',
    '(01)29506000134352(21)98765',
    'https://id.gs1.org/01/29506000134352/10/ABC',
    'gtin: 295060001343',
    '{"gtin":"295060001343"}',
    'batch LOT-2024-0042 and batch B240517',
    'took 1234 ms for 987 pages at 300 dpi',
    'port 8787, pid 12345, 41.7.1',
    'task 17 took longer than 120000 ms',
    'revoked 2 token(s); tokens: 3',
    'Assay 99.5 % w/w, limit 98.0 - 102.0',
    'epoch 1733400000000',
    'IS 14543:2016 and ISO 9001:2015',
  ])('%s', (input) => {
    expect(redactText(input)).toBe(input)
  })
})

describe('redactQuery', () => {
  it('masks values and drops credentials, keeping the keys', () => {
    expect(redactQuery('split=train&q=priya%40example.com&token=abc123&limit=50')).toBe(
      'split=train&q=[email]&token=[token]&limit=50',
    )
  })
  it('survives malformed escapes', () => {
    expect(redactQuery('q=%E0%A4%A&p=9876543210')).toBe('q=%E0%A4%A&p=[phone]')
  })
})

describe('redactDeep', () => {
  it('masks strings in nested records and errors, and cuts cycles', () => {
    const record: Record<string, unknown> = {
      msg: 'from a@b.in',
      err: new Error('bad PAN ABCDE1234F'),
      list: [{ phone: '+91 98765 43210' }, 7, null],
    }
    record.self = record
    const out = redactDeep(record) as Record<string, unknown>
    expect(JSON.stringify(out)).not.toMatch(/a@b\.in|ABCDE1234F|98765/)
    expect(out.list).toEqual([{ phone: '[phone]' }, 7, null])
    expect(out.self).toBe('[circular]')
  })
})

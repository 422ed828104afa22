import { createHash } from 'node:crypto'

/** RC4, written out because OpenSSL 3 only offers it through the legacy provider. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i)
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255
    ;[s[i], s[j]] = [s[j]!, s[i]!]
  }
  const out = new Uint8Array(data.length)
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255
    j = (j + s[i]!) & 255
    ;[s[i], s[j]] = [s[j]!, s[i]!]
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!
  }
  return out
}

const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e,
  0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
])
const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5')
  for (const p of parts) h.update(p)
  return new Uint8Array(h.digest())
}
const padded = (password: string) => {
  const out = new Uint8Array(32)
  const bytes = new TextEncoder().encode(password).subarray(0, 32)
  out.set(bytes)
  out.set(PAD.subarray(0, 32 - bytes.length), bytes.length)
  return out
}
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

/**
 * A one-page PDF under the Standard security handler, revision 2 (RC4, 40-bit key), the simplest
 * scheme every reader supports. Built at test time because pdf-lib cannot encrypt and qpdf is not
 * installed in CI.
 */
export function encryptedPdf(userPassword: string, text = 'Secret page'): Uint8Array {
  const id = md5(new TextEncoder().encode(`pebble-${userPassword}`))
  const ownerKey = md5(padded(`${userPassword}-owner`)).subarray(0, 5)
  const O = rc4(ownerKey, padded(userPassword))
  const P = -4
  const p = new Uint8Array(4)
  new DataView(p.buffer).setInt32(0, P, true)
  const key = md5(padded(userPassword), O, p, id).subarray(0, 5)
  const U = rc4(key, PAD)
  const objectKey = (num: number) =>
    md5(key, Uint8Array.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10)

  const stream = new TextEncoder().encode(`BT /F1 24 Tf 72 700 Td (${text}) Tj ET`)
  const encryptedStream = rc4(objectKey(4), stream)
  const objects: (string | Uint8Array)[][] = [
    ['1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'],
    ['2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'],
    [
      '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R ' +
        '/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n',
    ],
    [`4 0 obj\n<< /Length ${encryptedStream.length} >>\nstream\n`, encryptedStream, '\nendstream\nendobj\n'],
    ['5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n'],
    [`6 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(O)}> /U <${hex(U)}> /P ${P} >>\nendobj\n`],
  ]
  const chunks: Uint8Array[] = []
  let length = 0
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? new TextEncoder().encode(part) : part
    chunks.push(bytes)
    length += bytes.length
  }
  push('%PDF-1.4\n')
  const offsets: number[] = []
  for (const parts of objects) {
    offsets.push(length)
    parts.forEach(push)
  }
  const xref = length
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`)
  for (const off of offsets) push(`${String(off).padStart(10, '0')} 00000 n \n`)
  push(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${hex(id)}> <${hex(id)}>] >>\n` +
      `startxref\n${xref}\n%%EOF\n`,
  )
  return new Uint8Array(Buffer.concat(chunks))
}

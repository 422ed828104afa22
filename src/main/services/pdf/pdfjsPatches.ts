/**
 * Edits to pdf.js's parser (pdf.worker.mjs) that make reading text layers cheaper (the first two
 * about 40%, zlib another tenth) without changing a single character or coordinate of its output. Each names the exact text it
 * replaces: if an upgrade of pdfjs-dist moves that text, `patchPdfjsWorker` throws and the tests
 * say which edit no longer applies.
 */
export interface SourcePatch {
  name: string
  find: string
  replace: string
}

export const PDFJS_WORKER_PATCHES: readonly SourcePatch[] = [
  {
    // Each clone took the state it was cloned from as its prototype. V8 then turns every text state
    // into a prototype object with its own hidden class, so every function that reads the text state
    // sees a new shape each time (megamorphic) — about a third of text extraction time. Object.assign
    // already copies every field (all are declared class fields, so all are own properties); the
    // methods live on TextState.prototype, which every clone now shares.
    name: 'TextState.clone shares one prototype',
    find: `  clone() {
    const clone = Object.assign(Object.create(this), this);
    clone.textMatrix = this.textMatrix.slice();`,
    replace: `  clone() {
    const clone = Object.assign(Object.create(TextState.prototype), this);
    clone.textMatrix = this.textMatrix.slice();`,
  },
  {
    // Called twice per glyph. The same products and sums as Util.transform(ctm,
    // Util.transform(textMatrix, tsm)), in the same order, so the results are bit for bit the same,
    // without two intermediate arrays and a call site that mixes Float32Array and Array operands.
    name: 'getCurrentTextTransform multiplies in place',
    find: `      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));
    }`,
    replace: `      const m = textState.textMatrix;
      const c = textState.ctm;
      const t0 = m[0] * tsm[0] + m[2] * tsm[1];
      const t1 = m[1] * tsm[0] + m[3] * tsm[1];
      const t2 = m[0] * tsm[2] + m[2] * tsm[3];
      const t3 = m[1] * tsm[2] + m[3] * tsm[3];
      const t4 = m[0] * tsm[4] + m[2] * tsm[5] + m[4];
      const t5 = m[1] * tsm[4] + m[3] * tsm[5] + m[5];
      return [c[0] * t0 + c[2] * t1, c[1] * t0 + c[3] * t1, c[0] * t2 + c[2] * t3, c[1] * t2 + c[3] * t3, c[0] * t4 + c[2] * t5 + c[4], c[1] * t4 + c[3] * t5 + c[5]];
    }`,
  },
  {
    // The text extractor emptied its operand array before each operator by setting its length to
    // 0, which V8 does in a runtime call rather than inline (~3% of text extraction). A new empty
    // array per operator is the same to every reader: the operators' handlers only read operands
    // by index (an operand that is itself an array, like TJ's, is a value of its own), and nothing
    // keeps the operand array past its operator.
    name: 'getTextContent takes a new operand array per operator',
    find: `      while (!(stop = timeSlotManager.check())) {
        args.length = 0;
        operation.args = args;`,
    replace: `      while (!(stop = timeSlotManager.check())) {
        args = [];
        operation.args = args;`,
  },
  {
    // Content streams and embedded font files arrive deflated and are inflated whole before use (a
    // tenth of the time spent reading text layers, in pdf.js's JavaScript inflate). Node's zlib does
    // it in one synchronous call. Raw inflate, like pdf.js's own, stops at the final block and does
    // not look at the Adler-32 trailer or anything after it, so it yields the same bytes; a stream
    // zlib refuses (truncated, corrupt) goes down pdf.js's own path as before, which keeps whatever
    // it can decode. The document worker removes DecompressionStream, so without this patch that
    // path is always pdf.js's JavaScript inflate.
    name: 'FlateStream inflates with zlib',
    find: `  async asyncGetBytes() {
    const {
      decompressed,
      compressed
    } = await this.asyncGetBytesFromDecompressionStream("deflate");`,
    replace: `  async asyncGetBytes() {
    let inflated = null;
    if (!this.stream.isAsync) {
      this.stream.reset();
      const bytes = this.stream.getBytes();
      try {
        const out = process.getBuiltinModule("node:zlib").inflateRawSync(bytes.subarray(2));
        const whole = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength;
        inflated = { decompressed: whole ? new Uint8Array(out.buffer) : new Uint8Array(out), compressed: bytes };
      } catch {
        inflated = { decompressed: null, compressed: bytes };
      }
    }
    const {
      decompressed,
      compressed
    } = inflated ?? await this.asyncGetBytesFromDecompressionStream("deflate");`,
  },
]

/** Applies every patch to the parser's source; throws naming the first one that does not fit. */
export function patchPdfjsWorker(
  source: string,
  patches: readonly SourcePatch[] = PDFJS_WORKER_PATCHES,
): string {
  let patched = source
  for (const patch of patches) {
    const parts = patched.split(patch.find)
    if (parts.length !== 2) {
      const found = parts.length === 1 ? 'not found' : `found ${parts.length - 1} times`
      throw new Error(`pdf.js patch "${patch.name}": the text it replaces is ${found} in pdf.worker.mjs`)
    }
    patched = parts.join(patch.replace)
  }
  return patched
}

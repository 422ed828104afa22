/**
 * Aho–Corasick over UTF-16 code units: one pass over the text finds every occurrence of every
 * pattern, so the cost depends on the text length and the number of hits, not on how many terms
 * the profiles hold. Transitions live in one Map keyed by node·65536 + code unit, which keeps
 * building 10,000 terms fast and memory proportional to the trie.
 */
export class AhoCorasick {
  private readonly next = new Map<number, number>()
  private fail: Int32Array = new Int32Array(1)
  /** Pattern ids ending exactly at each node. */
  private readonly outputs: (number[] | undefined)[] = [undefined]
  /** Nearest node along the failure chain that has outputs (-1: none). */
  private dictLink: Int32Array = new Int32Array(1)
  private readonly lengths: number[] = []
  private nodes = 1
  private built = false

  /** Adds a pattern and returns its id. */
  add(pattern: string): number {
    if (this.built) throw new Error('AhoCorasick: add() after build()')
    let node = 0
    for (let i = 0; i < pattern.length; i++) {
      const key = node * 65536 + pattern.charCodeAt(i)
      let child = this.next.get(key)
      if (child === undefined) {
        child = this.nodes++
        this.next.set(key, child)
        this.outputs.push(undefined)
      }
      node = child
    }
    const id = this.lengths.length
    this.lengths.push(pattern.length)
    ;(this.outputs[node] ??= []).push(id)
    return id
  }

  patternLength(id: number): number {
    return this.lengths[id] ?? 0
  }

  build(): this {
    const children: number[][] = Array.from({ length: this.nodes }, () => [])
    const codes: number[][] = Array.from({ length: this.nodes }, () => [])
    for (const [key, child] of this.next) {
      const parent = Math.floor(key / 65536)
      children[parent]!.push(child)
      codes[parent]!.push(key % 65536)
    }
    this.fail = new Int32Array(this.nodes)
    this.dictLink = new Int32Array(this.nodes).fill(-1)
    const queue: number[] = [...children[0]!]
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!
      const kids = children[node]!
      const kidCodes = codes[node]!
      for (let k = 0; k < kids.length; k++) {
        const child = kids[k]!
        const code = kidCodes[k]!
        const target = node === 0 ? 0 : this.step(this.fail[node]!, code)
        this.fail[child] = target
        this.dictLink[child] = this.outputs[target] ? target : this.dictLink[target]!
        queue.push(child)
      }
    }
    this.built = true
    return this
  }

  private step(from: number, code: number): number {
    let node = from
    for (;;) {
      const child = this.next.get(node * 65536 + code)
      if (child !== undefined) return child
      if (node === 0) return 0
      node = this.fail[node]!
    }
  }

  /** Calls onMatch(patternId, start, end) for every occurrence; end is exclusive. */
  search(text: string, onMatch: (id: number, start: number, end: number) => void): void {
    if (!this.built) this.build()
    let node = 0
    for (let i = 0; i < text.length; i++) {
      node = this.step(node, text.charCodeAt(i))
      let out = this.outputs[node] ? node : this.dictLink[node]!
      while (out >= 0) {
        for (const id of this.outputs[out]!) onMatch(id, i + 1 - this.lengths[id]!, i + 1)
        out = this.dictLink[out]!
      }
    }
  }
}

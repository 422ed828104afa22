/**
 * Aho–Corasick over UTF-16 code units: one pass over the text finds every occurrence of every
 * pattern, so the cost depends on the text length and the number of hits, not on how many terms
 * the profiles hold. While patterns are added, transitions live in one Map keyed by
 * node·65536 + code unit (cheap to grow to 10,000 terms); build() freezes them into flat typed
 * arrays, because a Map lookup per character per failure step dominated the search.
 */
export class AhoCorasick {
  private readonly next = new Map<number, number>()
  private fail: Int32Array = new Int32Array(1)
  /** Pattern ids ending exactly at each node. */
  private readonly outputs: (number[] | undefined)[] = [undefined]
  /** Nearest node along the failure chain that has outputs (-1: none). */
  private dictLink: Int32Array = new Int32Array(1)
  /** The node itself if it has outputs, else its dictLink: where reporting starts. */
  private report: Int32Array = new Int32Array(1).fill(-1)
  /** Children of node n are childCode/childNode[childFrom[n] .. childFrom[n + 1]). */
  private childFrom: Int32Array = new Int32Array(2)
  private childCode: Uint16Array = new Uint16Array(0)
  private childNode: Int32Array = new Int32Array(0)
  /** The root's transition for every code unit (0: stay at the root), since most steps start there. */
  private rootNext: Int32Array = new Int32Array(0)
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
    const n = this.nodes
    const childFrom = new Int32Array(n + 1)
    for (const key of this.next.keys()) childFrom[Math.floor(key / 65536) + 1]!++
    for (let i = 0; i < n; i++) childFrom[i + 1]! += childFrom[i]!
    const fill = childFrom.slice(0, n)
    const childCode = new Uint16Array(this.next.size)
    const childNode = new Int32Array(this.next.size)
    for (const [key, child] of this.next) {
      const at = fill[Math.floor(key / 65536)]!++
      childCode[at] = key % 65536
      childNode[at] = child
    }
    this.childFrom = childFrom
    this.childCode = childCode
    this.childNode = childNode
    this.rootNext = new Int32Array(65536)
    for (let c = childFrom[0]!; c < childFrom[1]!; c++) this.rootNext[childCode[c]!] = childNode[c]!

    this.fail = new Int32Array(n)
    this.dictLink = new Int32Array(n).fill(-1)
    const queue = new Int32Array(n)
    let tail = 0
    for (let c = childFrom[0]!; c < childFrom[1]!; c++) queue[tail++] = childNode[c]!
    for (let head = 0; head < tail; head++) {
      const node = queue[head]!
      for (let c = childFrom[node]!; c < childFrom[node + 1]!; c++) {
        const child = childNode[c]!
        const target = node === 0 ? 0 : this.step(this.fail[node]!, childCode[c]!)
        this.fail[child] = target
        this.dictLink[child] = this.outputs[target] ? target : this.dictLink[target]!
        queue[tail++] = child
      }
    }
    this.report = new Int32Array(n)
    for (let i = 0; i < n; i++) this.report[i] = this.outputs[i] ? i : this.dictLink[i]!
    this.built = true
    return this
  }

  private step(from: number, code: number): number {
    const { childFrom, childCode, childNode, fail } = this
    let node = from
    for (;;) {
      if (node === 0) return this.rootNext[code]!
      for (let c = childFrom[node]!, end = childFrom[node + 1]!; c < end; c++) {
        if (childCode[c] === code) return childNode[c]!
      }
      node = fail[node]!
    }
  }

  /** Calls onMatch(patternId, start, end) for every occurrence; end is exclusive. */
  search(text: string, onMatch: (id: number, start: number, end: number) => void): void {
    if (!this.built) this.build()
    const { report, dictLink, outputs, lengths, rootNext } = this
    let node = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      node = node === 0 ? rootNext[code]! : this.step(node, code)
      let out = report[node]!
      while (out >= 0) {
        for (const id of outputs[out]!) onMatch(id, i + 1 - lengths[id]!, i + 1)
        out = dictLink[out]!
      }
    }
  }
}

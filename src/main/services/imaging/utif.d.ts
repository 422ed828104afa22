// utif ships no types; only what tiff.ts uses is declared.
declare module 'utif' {
  /** Tag values keyed "t<tag number>", plus what decodeImage adds. */
  export interface UtifIfd {
    [tag: `t${number}`]: number[] | Uint8Array | string[] | undefined
    width?: number
    height?: number
    data?: Uint8Array
  }
  const UTIF: {
    decode(buffer: ArrayBuffer): UtifIfd[]
    decodeImage(buffer: ArrayBuffer, ifd: UtifIfd, ifds: UtifIfd[]): void
    toRGBA8(ifd: UtifIfd): Uint8Array
  }
  export default UTIF
}

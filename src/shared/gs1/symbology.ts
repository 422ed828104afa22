/**
 * ISO/IEC 15424 symbology identifiers ("]" + code letter + modifier) that a GS1 desk meets, and
 * what each implies for the data that follows: GS1 element string (FNC1 in first position),
 * EAN/UPC primary digits, or plain data (which may still be a GS1 Digital Link URI).
 */
export type SymbologyContent = 'gs1' | 'ean13' | 'ean8' | 'ean-addon' | 'ean13-addon' | 'plain'

export interface SymbologyInfo {
  id: string
  name: string
  content: SymbologyContent
}

const TABLE: readonly (readonly [string, string, SymbologyContent])[] = [
  [']C0', 'Code 128', 'plain'],
  [']C1', 'GS1-128', 'gs1'],
  [']C2', 'Code 128 (AIM, FNC1 in second position)', 'plain'],
  [']C4', 'Code 128 (ISBT concatenation)', 'plain'],
  [']E0', 'EAN-13 / UPC-A / UPC-E', 'ean13'],
  [']E1', 'EAN/UPC 2-digit add-on', 'ean-addon'],
  [']E2', 'EAN/UPC 5-digit add-on', 'ean-addon'],
  [']E3', 'EAN-13 / UPC with add-on', 'ean13-addon'],
  [']E4', 'EAN-8', 'ean8'],
  [']e0', 'GS1 DataBar', 'gs1'],
  [']e1', 'GS1 Composite (after symbol separator)', 'gs1'],
  [']d0', 'Data Matrix ECC 000-140', 'plain'],
  [']d1', 'Data Matrix', 'plain'],
  [']d2', 'GS1 DataMatrix', 'gs1'],
  [']d3', 'Data Matrix (AIM, FNC1 in second position)', 'plain'],
  [']d4', 'Data Matrix with ECI', 'plain'],
  [']d5', 'GS1 DataMatrix with ECI', 'gs1'],
  [']Q0', 'QR Code model 1', 'plain'],
  [']Q1', 'QR Code', 'plain'],
  [']Q2', 'QR Code with ECI', 'plain'],
  [']Q3', 'GS1 QR Code', 'gs1'],
  [']Q4', 'GS1 QR Code with ECI', 'gs1'],
  [']Q5', 'QR Code (AIM, FNC1 in second position)', 'plain'],
  [']J0', 'DotCode', 'plain'],
  [']J1', 'GS1 DotCode', 'gs1'],
  [']z0', 'Aztec Code', 'plain'],
  [']z1', 'GS1 Aztec Code', 'gs1'],
  [']z3', 'Aztec Code with ECI', 'plain'],
  [']z4', 'GS1 Aztec Code with ECI', 'gs1'],
  [']A0', 'Code 39', 'plain'],
  [']I0', 'Interleaved 2 of 5', 'plain'],
  [']I1', 'ITF (check digit verified)', 'plain'],
  [']F0', 'Codabar', 'plain'],
  [']G0', 'Code 93', 'plain'],
  [']L0', 'PDF417', 'plain'],
  [']L1', 'PDF417 (ECI protocol)', 'plain'],
]

const BY_ID = new Map(TABLE.map(([id, name, content]) => [id, { id, name, content }]))

export function lookupSymbology(id: string): SymbologyInfo | undefined {
  return BY_ID.get(id)
}

export function symbologyIds(): string[] {
  return [...BY_ID.keys()]
}

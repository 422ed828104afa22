import { drawKeyValues, drawTable, Sheet, wrap, type Column, type FontFamily } from './draw'
import {
  between,
  pick,
  printDate,
  printLimit,
  type CoaInstance,
  type CoaParam,
  type DateForm,
  type InstanceOptions,
  type LimitStyle,
} from './instance'

/** What a layout printed that the truth depends on. */
export interface Printed {
  pdf: Uint8Array
  pages: number
  manufacturedForm: DateForm
  expiryForm: DateForm
}

export interface Layout {
  id: string
  /** The template, in words (what a supplier's COA of this kind looks like). */
  description: string
  options?: InstanceOptions
  draw: (instance: CoaInstance) => Promise<Printed>
}

const MFG_LABELS = ['Mfg. Date', 'Manufacturing Date', 'Date of Manufacture', 'Mfd. Date']

interface Dates {
  mfgForm: DateForm
  expForm: DateForm
  mfg: string
  exp: string
  reported: string
}

function dates(inst: CoaInstance, forms: DateForm[], monthOnlyExpiry = false): Dates {
  const mfgForm = pick(inst.random, forms)
  const expForm = monthOnlyExpiry && inst.random() < 0.5 ? 'mon-year' : mfgForm
  return {
    mfgForm,
    expForm,
    mfg: printDate(inst.manufactured, mfgForm),
    exp: printDate(inst.expiry, expForm),
    reported: printDate(inst.reported, mfgForm),
  }
}

function letterhead(sheet: Sheet, inst: CoaInstance, title: string, centred: boolean): number {
  const name = inst.supplier
  const w = sheet.textWidth(name, { size: 14, bold: true })
  sheet.text(centred ? (sheet.width - w) / 2 : 40, 36, name, { size: 14, bold: true })
  const address = pick(inst.random, [
    'Plot 14, GIDC Industrial Estate, Ankleshwar 393002, Gujarat',
    'B-27, MIDC Tarapur, Boisar, Dist. Palghar 401506, Maharashtra',
    'Survey No. 112, Sarigam, Valsad 396155, Gujarat',
  ])
  const aw = sheet.textWidth(address, { size: 8 })
  sheet.text(centred ? (sheet.width - aw) / 2 : 40, 56, address, { size: 8 })
  const tw = sheet.textWidth(title, { size: 13, bold: true })
  sheet.text((sheet.width - tw) / 2, 84, title, { size: 13, bold: true })
  return 112
}

function footer(sheet: Sheet, inst: CoaInstance, top: number): void {
  const failed = inst.params.some((p) => p.verdict === 'fail')
  sheet.text(
    40,
    top + 24,
    `Remarks: ${failed ? 'The sample does not conform to the specification.' : 'The sample conforms to the specification.'}`,
  )
  sheet.text(40, top + 70, 'Prepared by')
  sheet.text(400, top + 70, 'Authorised Signatory')
  sheet.text(400, top + 84, 'Quality Control')
}

function unitOf(p: CoaParam): string {
  return p.def.unit
}

/** The result with its unit, as tables without a unit column print it ("< 0.5 ppm", "Complies"). */
function resultWithUnit(p: CoaParam): string {
  if (!p.def.unit || !/\d/.test(p.result)) return p.result
  return `${p.result} ${p.def.unit}`
}

async function finish(sheet: Sheet, d: Dates): Promise<Printed> {
  return {
    pdf: await sheet.save(),
    pages: sheet.pageCount,
    manufacturedForm: d.mfgForm,
    expiryForm: d.expForm,
  }
}

/** 1. Ruled grid: S.No | Test Parameter | Unit | Specification | Result | Test Method. */
const gridSnoSpec: Layout = {
  id: 'grid-sno-spec',
  description: 'ruled grid with S.No, unit column, one Specification column, method column',
  async draw(inst) {
    const sheet = await Sheet.create('helvetica', 9)
    const d = dates(inst, ['dmy-slash', 'dmy-mon'])
    let top = letterhead(sheet, inst, 'CERTIFICATE OF ANALYSIS', true)
    top = drawKeyValues(
      sheet,
      [
        ['Product', inst.product.product],
        ['Report No.', inst.reportNo],
        ['Batch No.', inst.batch],
        ['Date', d.reported],
        [pick(inst.random, MFG_LABELS), d.mfg],
        [pick(inst.random, ['Expiry Date', 'Exp. Date']), d.exp],
      ],
      { x: 40, top, columns: 2, colon: pick(inst.random, ['spaced', 'tab'] as const) },
    )
    const style = pick(inst.random, ['words', 'abbrev', 'symbols'] as LimitStyle[])
    const columns: Column[] = [
      { label: ['S.No.'], width: 36 },
      { label: ['Test Parameter'], width: 160 },
      { label: ['Unit'], width: 45 },
      { label: ['Specification'], width: 110 },
      { label: ['Result'], width: 70 },
      { label: ['Test Method'], width: 94 },
    ]
    const rows = inst.params.map((p, i) => [
      [`${i + 1}`],
      [p.printed],
      [unitOf(p) || '-'],
      [printLimit(p.def, style, false)],
      [p.result],
      [p.method],
    ])
    top = drawTable(sheet, { x: 40, top: top + 14, columns, rows, ruled: true })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

/** 2. Unruled, aligned by white space: Parameter | Unit | Min | Max | Result. */
const unruledMinMax: Layout = {
  id: 'unruled-minmax',
  description: 'unruled table aligned by white space, min and max in separate columns',
  async draw(inst) {
    const sheet = await Sheet.create('times', 10)
    const d = dates(inst, ['dmy-mon', 'iso'])
    let top = letterhead(sheet, inst, 'Certificate of Analysis', false)
    top = drawKeyValues(
      sheet,
      [
        ['Product Name', inst.product.product],
        ['Batch No', inst.batch],
        [pick(inst.random, MFG_LABELS), d.mfg],
        [pick(inst.random, ['Retest Date', 'Re-test Date']), d.exp],
        ['Quantity', `${Math.floor(between(inst.random, 2, 40))} MT`],
      ],
      { x: 40, top, columns: 1, colon: 'glued' },
    )
    const columns: Column[] = [
      { label: ['Parameter'], width: 190 },
      { label: ['Unit'], width: 55 },
      { label: ['Min'], width: 60 },
      { label: ['Max'], width: 60 },
      { label: ['Result'], width: 80 },
    ]
    const bound = (p: CoaParam, side: 'min' | 'max') => {
      const l = p.def.limit
      const dec = p.def.decimals === 0 ? 0 : Math.max(1, p.def.decimals - 1)
      if (l.kind === 'text') return side === 'min' ? l.spec : ''
      if (side === 'min' && (l.kind === 'min' || l.kind === 'range')) return l.min.toFixed(dec)
      if (side === 'max' && (l.kind === 'max' || l.kind === 'range')) return l.max.toFixed(dec)
      return '-'
    }
    const rows = inst.params.map((p) => [
      [p.printed],
      [unitOf(p)],
      [bound(p, 'min')],
      [bound(p, 'max')],
      [p.result],
    ])
    top = drawTable(sheet, { x: 40, top: top + 16, columns, rows, ruled: false })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

/** 3. Numbered lines: "2. Ferric chloride (as FeCl3) : 97.12 % (Min. 96.0)". */
const numberedLines: Layout = {
  id: 'numbered-lines',
  description: 'numbered result lines "n. Parameter : result unit (limit)" under a two-column header',
  async draw(inst) {
    const sheet = await Sheet.create('helvetica', 10)
    const d = dates(inst, ['dmy-dot-yy', 'dmy-slash'], true)
    let top = letterhead(sheet, inst, 'TEST REPORT', true)
    top = drawKeyValues(
      sheet,
      [
        ['Product', inst.product.product],
        ['Report No.', inst.reportNo],
        ['Batch No.', inst.batch],
        ['Date', d.reported],
        ['Mfg. Date', d.mfg],
        [pick(inst.random, ['Best before', 'Expiry Date']), d.exp],
      ],
      { x: 40, top, columns: 2, colon: 'spaced', width: 480 },
    )
    sheet.text(40, top + 14, 'Test Results', { bold: true })
    const style = pick(inst.random, ['abbrev', 'symbols'] as LimitStyle[])
    const dash = inst.random() < 0.3
    top += 40
    inst.params.forEach((p, i) => {
      const limit = printLimit(p.def, style, true)
      const line = dash
        ? `${i + 1}. ${p.printed} - ${resultWithUnit(p)} Limit: ${limit}`
        : `${i + 1}. ${p.printed} : ${resultWithUnit(p)} (${limit})`
      sheet.text(50, top, line)
      top += 20
    })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

/** 4. Narrow ruled columns: names and methods wrap onto a second line; results carry their unit. */
const wrappedCells: Layout = {
  id: 'wrapped-cells',
  description: 'ruled, narrow columns so names and methods run over two lines, unit inside the limit',
  async draw(inst) {
    const sheet = await Sheet.create('courier', 8)
    const d = dates(inst, ['iso', 'dmy-slash'])
    let top = letterhead(sheet, inst, 'CERTIFICATE OF ANALYSIS', true)
    top = drawKeyValues(
      sheet,
      [
        ['Product', inst.product.product],
        ['Batch', inst.batch],
        ['Report', inst.reportNo],
        ['Mfg. Date', d.mfg],
        [pick(inst.random, ['Use before', 'Expiry Date']), d.exp],
        ['Qty', `${Math.floor(between(inst.random, 2, 40))} MT`],
      ],
      { x: 40, top, columns: 3, colon: 'none', width: 520 },
    )
    const style = pick(inst.random, ['words', 'abbrev'] as LimitStyle[])
    const columns: Column[] = [
      { label: ['Test'], width: 110 },
      { label: ['Specification'], width: 130 },
      { label: ['Observation'], width: 90 },
      { label: ['Method'], width: 80 },
    ]
    const rows = inst.params.map((p) => [
      [p.printed],
      [printLimit(p.def, style, true)],
      [resultWithUnit(p)],
      [`${p.method} : 2019`],
    ])
    top = drawTable(sheet, { x: 40, top: top + 16, columns, rows, ruled: true })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

/** The two continued-table layouts: page 2 repeats the header, or just goes on. */
async function continued(
  inst: CoaInstance,
  family: FontFamily,
  ruled: boolean,
  columns: Column[],
  row: (p: CoaParam, i: number) => string[][],
  forms: DateForm[],
  headerColon: 'glued' | 'tab',
  expiryLabels: string[],
): Promise<Printed> {
  const sheet = await Sheet.create(family, 9)
  const d = dates(inst, forms)
  let top = letterhead(sheet, inst, 'CERTIFICATE OF ANALYSIS', inst.random() < 0.5)
  top = drawKeyValues(
    sheet,
    [
      ['Product', inst.product.product],
      ['Batch No.', inst.batch],
      [pick(inst.random, MFG_LABELS), d.mfg],
      [pick(inst.random, expiryLabels), d.exp],
    ],
    { x: 40, top, columns: 1, colon: headerColon },
  )
  // Long product notes push the table down, so it runs onto page 2.
  const notes = [
    'Packing: 50 kg HDPE bags with LDPE liner.',
    'Storage: keep in a cool dry place away from direct sunlight.',
    'Sampling: as per IS 5299, composite sample drawn from the lot.',
  ]
  notes.forEach((n, i) => sheet.text(40, top + 10 + i * 16, n))
  top += 10 + notes.length * 16 + 420
  const rows = inst.params.map(row)
  const breakAfter = Math.max(2, Math.floor(rows.length / 2))
  const repeat = inst.random() < 0.5
  top = drawTable(sheet, {
    x: 40,
    top,
    columns,
    rows,
    ruled,
    breakAfter,
    repeatHeader: repeat,
    continueTop: 110,
    onNewPage: () => {
      sheet.text(40, 36, inst.supplier, { size: 12, bold: true })
      sheet.text(40, 56, `Certificate of Analysis - ${inst.product.product} - Batch ${inst.batch}`)
      sheet.text(470, 56, 'Page 2 of 2')
      sheet.text(40, 84, '(continued)')
    },
  })
  footer(sheet, inst, top)
  return finish(sheet, d)
}

/** 5. Ruled table continued on page 2 (header repeated or not). */
const continuedRuled: Layout = {
  id: 'continued-ruled',
  description: 'ruled table running onto page 2, with or without a repeated header',
  draw(inst) {
    const style = pick(inst.random, ['words', 'abbrev', 'symbols'] as LimitStyle[])
    return continued(
      inst,
      'helvetica',
      true,
      [
        { label: ['Sr.'], width: 30 },
        { label: ['Characteristics'], width: 170 },
        { label: ['Requirement'], width: 120 },
        { label: ['Result'], width: 80 },
        { label: ['Method'], width: 110 },
      ],
      (p, i) => [
        [`${i + 1}.`],
        [p.printed],
        [printLimit(p.def, style, true)],
        [resultWithUnit(p)],
        [p.method],
      ],
      ['dmy-slash', 'dmy-mon'],
      'tab',
      ['Date of Expiry', 'Expiry Date', 'Retest Date'],
    )
  },
  options: { minParams: 6 },
}

/** 6. Unruled table continued on page 2 (header repeated or not), unit in a column after the result. */
const continuedOpen: Layout = {
  id: 'continued-open',
  description: 'unruled table running onto page 2, unit column after the result',
  draw(inst) {
    const style = pick(inst.random, ['abbrev', 'symbols'] as LimitStyle[])
    return continued(
      inst,
      'times',
      false,
      [
        { label: ['Parameters'], width: 180 },
        { label: ['Specification'], width: 130 },
        { label: ['Results'], width: 80 },
        { label: ['Unit'], width: 60 },
      ],
      (p) => [[p.printed], [printLimit(p.def, style, false)], [p.result], [unitOf(p)]],
      ['dmy-mon', 'dmy-dot-yy'],
      'glued',
      ['Expiry', 'Best Before', 'Expiry Date'],
    )
  },
  options: { minParams: 6 },
}

/** 7. International template: labels in a column, month-first dates, Lot Number, Retest Date. */
const usMonthFirst: Layout = {
  id: 'us-month-first',
  description: 'international template: label column without colons, month-first dates, method before limit',
  options: { unambiguousDay: true },
  async draw(inst) {
    const sheet = await Sheet.create('times', 10)
    const d = dates(inst, ['mdy-slash'])
    let top = letterhead(sheet, inst, 'CERTIFICATE OF ANALYSIS', false)
    top = drawKeyValues(
      sheet,
      [
        ['Product', inst.product.product],
        ['Lot Number', inst.batch],
        ['Manufacture Date', d.mfg],
        [pick(inst.random, ['Retest Date', 'Expiration Date']), d.exp],
        ['Report Date', d.reported],
      ],
      { x: 40, top, columns: 1, colon: 'none' },
    )
    const style = pick(inst.random, ['words', 'abbrev'] as LimitStyle[])
    const columns: Column[] = [
      { label: ['Test'], width: 170 },
      { label: ['Method'], width: 90 },
      { label: ['Specification'], width: 140 },
      { label: ['Result'], width: 90 },
    ]
    const rows = inst.params.map((p) => [
      [p.printed],
      [p.method],
      [printLimit(p.def, style, true)],
      [resultWithUnit(p)],
    ])
    top = drawTable(sheet, { x: 40, top: top + 16, columns, rows, ruled: inst.random() < 0.5 })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

/** 8. Header row over two lines ("Name of the / Test", "Specified / Limit", "Test / Result"). */
const twoLineHeader: Layout = {
  id: 'two-line-header',
  description: 'ruled table whose header labels span two lines, three-column header block',
  async draw(inst) {
    const sheet = await Sheet.create('helvetica', 9)
    const d = dates(inst, ['dmy-slash', 'dmy-dot-yy'])
    let top = letterhead(sheet, inst, 'QUALITY CERTIFICATE', true)
    top = drawKeyValues(
      sheet,
      [
        ['Product', inst.product.product],
        ['Batch No.', inst.batch],
        ['Report No.', inst.reportNo],
        ['Mfg. Date', d.mfg],
        [pick(inst.random, ['Expiry Date', 'Exp. Date']), d.exp],
        ['Date', d.reported],
      ],
      { x: 40, top, columns: 3, colon: 'spaced', width: 530 },
    )
    const style = pick(inst.random, ['abbrev', 'symbols'] as LimitStyle[])
    const columns: Column[] = [
      { label: ['Sr.', 'No.'], width: 30 },
      { label: ['Name of the', 'Test'], width: 170 },
      { label: ['Specified', 'Limit'], width: 110 },
      { label: ['Unit'], width: 50 },
      { label: ['Test', 'Result'], width: 80 },
      { label: ['Test', 'Method'], width: 70 },
    ]
    const rows = inst.params.map((p, i) => [
      [`${i + 1}`],
      [p.printed],
      [printLimit(p.def, style, false)],
      [unitOf(p)],
      [p.result],
      [p.method],
    ])
    top = drawTable(sheet, { x: 40, top: top + 16, columns, rows, ruled: true })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

/** 9. Header block as a grid: a row of labels over a row of values; ruled table without method. */
const labelRowGrid: Layout = {
  id: 'label-row-grid',
  description: 'labels in one row over values in the next; ruled table without a method column',
  async draw(inst) {
    const sheet = await Sheet.create('helvetica', 9)
    const d = dates(inst, ['dmy-mon', 'dmy-slash'], true)
    let top = letterhead(sheet, inst, 'CERTIFICATE OF ANALYSIS', true)
    sheet.text(40, top, 'Product Name :', { bold: true })
    sheet.text(130, top, inst.product.product)
    top += 24
    const labels = ['Batch No.', 'Mfg. Date', pick(inst.random, ['Exp. Date', 'Best Before']), 'Quantity']
    const values = [inst.batch, d.mfg, d.exp, `${Math.floor(between(inst.random, 2, 40))} MT`]
    labels.forEach((l, i) => sheet.text(40 + i * 130, top, l, { bold: true }))
    values.forEach((v, i) => sheet.text(40 + i * 130, top + 15, v))
    top += 40
    const style = pick(inst.random, ['words', 'abbrev', 'symbols'] as LimitStyle[])
    const columns: Column[] = [
      { label: ['Parameter'], width: 190 },
      { label: ['Specification'], width: 130 },
      { label: ['Unit'], width: 60 },
      { label: ['Result'], width: 90 },
    ]
    const rows = inst.params.map((p) => [
      [p.printed],
      [printLimit(p.def, style, false)],
      [unitOf(p)],
      [p.result],
    ])
    top = drawTable(sheet, { x: 40, top, columns, rows, ruled: true })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

/** 10. "Specification" over Min | Max, and a Remarks column beside the result. */
const groupedMinMax: Layout = {
  id: 'grouped-minmax-remarks',
  description: 'unruled, "Specification" group over Min and Max, a Remarks column after the result',
  async draw(inst) {
    const sheet = await Sheet.create('times', 10)
    const d = dates(inst, ['iso', 'dmy-dot-yy', 'dmy-mon'])
    let top = letterhead(sheet, inst, 'ANALYSIS REPORT', false)
    top = drawKeyValues(
      sheet,
      [
        ['Product', inst.product.product],
        ['Batch No.', inst.batch],
        ['Mfg. Date', d.mfg],
        [pick(inst.random, ['Use before', 'Expiry Date']), d.exp],
      ],
      { x: 40, top, columns: 2, colon: 'tab', width: 500 },
    )
    const columns: Column[] = [
      { label: ['Test'], width: 170 },
      { label: ['Unit'], width: 50 },
      { label: ['Min'], width: 55 },
      { label: ['Max'], width: 55 },
      { label: ['Observed'], width: 70 },
      { label: ['Remarks'], width: 90 },
    ]
    const bound = (p: CoaParam, side: 'min' | 'max') => {
      const l = p.def.limit
      const dec = p.def.decimals === 0 ? 0 : Math.max(1, p.def.decimals - 1)
      if (l.kind === 'text') return side === 'min' ? l.spec : ''
      if (side === 'min' && (l.kind === 'min' || l.kind === 'range')) return l.min.toFixed(dec)
      if (side === 'max' && (l.kind === 'max' || l.kind === 'range')) return l.max.toFixed(dec)
      return '--'
    }
    const rows = inst.params.map((p) => [
      [p.printed],
      [unitOf(p)],
      [bound(p, 'min')],
      [bound(p, 'max')],
      [p.result],
      [p.verdict === 'pass' ? 'Complies' : 'Does not comply'],
    ])
    top = drawTable(sheet, {
      x: 40,
      top: top + 16,
      columns,
      rows,
      ruled: false,
      groups: [{ label: 'Specification', from: 2, to: 3 }],
    })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

/**
 * 11. A ruled header grid of two label–value pairs a row, cells so narrow that a long product name
 * and a long label ("Date of Manufacture") wrap onto a second line inside their cells.
 */
const boxedHeaderWrap: Layout = {
  id: 'boxed-header-wrap',
  description: 'ruled two-pair header grid whose long values and labels wrap inside their cells',
  async draw(inst) {
    const sheet = await Sheet.create('helvetica', 9)
    const d = dates(inst, ['dmy-slash', 'dmy-dot-yy', 'dmy-mon'])
    let top = letterhead(sheet, inst, 'CERTIFICATE OF ANALYSIS', true)
    const xs = [40, 112, 212, 292, 555]
    const rows: [string, string, string, string][] = [
      ['Product Name', inst.product.product, 'Certificate No.', inst.reportNo],
      ['Batch No.', inst.batch, 'Date of Report', d.reported],
      [
        'Date of Manufacture',
        d.mfg,
        pick(inst.random, ['Retest Date', 'Date of Expiry', 'Best Before']),
        d.exp,
      ],
    ]
    const edges = [top]
    for (const row of rows) {
      const cells = row.map((text, i) => wrap(sheet, text, xs[i + 1]! - xs[i]! - 8, { bold: i % 2 === 0 }))
      cells.forEach((lines, i) =>
        lines.forEach((line, k) => sheet.text(xs[i]! + 4, top + 5 + 12 * k, line, { bold: i % 2 === 0 })),
      )
      top += 10 + 12 * Math.max(...cells.map((c) => c.length))
      edges.push(top)
    }
    for (const y of edges) sheet.hline(xs[0]!, xs.at(-1)!, y)
    for (const x of xs) sheet.vline(x, edges[0]!, edges.at(-1)!)
    top += 16
    const style = pick(inst.random, ['words', 'abbrev', 'symbols'] as LimitStyle[])
    const columns: Column[] = [
      { label: ['S.No.'], width: 40 },
      { label: ['Test'], width: 180 },
      { label: ['Limit'], width: 130 },
      { label: ['Observation'], width: 100 },
    ]
    const rowsOut = inst.params.map((p, i) => [
      [String(i + 1)],
      [p.printed],
      [printLimit(p.def, style, true)],
      [resultWithUnit(p)],
    ])
    top = drawTable(sheet, { x: 40, top, columns, rows: rowsOut, ruled: true })
    footer(sheet, inst, top)
    return finish(sheet, d)
  },
}

export const LAYOUTS: readonly Layout[] = [
  gridSnoSpec,
  unruledMinMax,
  numberedLines,
  wrappedCells,
  continuedRuled,
  continuedOpen,
  usMonthFirst,
  twoLineHeader,
  labelRowGrid,
  groupedMinMax,
  boxedHeaderWrap,
]

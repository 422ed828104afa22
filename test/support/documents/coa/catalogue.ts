/**
 * Products and their parameters as Indian and international suppliers print them on COAs. The
 * specification the desk checks against is drawn from the same definitions, so the truth of every
 * parameter's verdict is known.
 */
export type LimitDef =
  | { kind: 'min'; min: number }
  | { kind: 'max'; max: number }
  | { kind: 'range'; min: number; max: number }
  /** A qualitative requirement: `spec` as the specification says it, results that meet it. */
  | { kind: 'text'; spec: string; passes: string[]; fails: string[] }

export interface ParamDef {
  name: string
  aliases?: string[]
  /** Other ways a COA names the parameter (the spec's name or an alias must still be inside). */
  printed?: string[]
  unit: string
  limit: LimitDef
  decimals: number
  /** A contaminant: may be reported as "< x" or "BDL". */
  trace?: boolean
  methods: string[]
}

export interface ProductDef {
  product: string
  aliases?: string[]
  suppliers: string[]
  batchPrefix: string
  params: ParamDef[]
}

const COMPLIES = { passes: ['Complies', 'Conforms', 'Passes'], fails: ['Does not comply'] }
const ABSENT = { passes: ['Absent'], fails: ['Present'] }

export const PRODUCTS: ProductDef[] = [
  {
    product: 'Ferric Chloride Anhydrous',
    suppliers: ['Shree Ganesh Chemicals Pvt. Ltd.', 'Kutch Chemical Industries Ltd.'],
    batchPrefix: 'FC',
    params: [
      {
        name: 'Appearance',
        unit: '',
        limit: { kind: 'text', spec: 'Complies', ...COMPLIES },
        decimals: 0,
        methods: ['Visual'],
      },
      {
        name: 'Ferric chloride (as FeCl3)',
        aliases: ['Ferric chloride', 'FeCl3'],
        unit: '%',
        limit: { kind: 'min', min: 96.0 },
        decimals: 2,
        methods: ['IS 711', 'Titration'],
      },
      {
        name: 'Ferrous chloride (as FeCl2)',
        aliases: ['Ferrous chloride'],
        unit: '%',
        limit: { kind: 'max', max: 2.0 },
        decimals: 2,
        methods: ['IS 711', 'Titration'],
      },
      {
        name: 'Insoluble matter',
        aliases: ['Insolubles', 'Matter insoluble in water'],
        printed: ['Insolubles'],
        unit: '%',
        limit: { kind: 'max', max: 1.0 },
        decimals: 2,
        methods: ['Gravimetric', 'IS 711'],
      },
      {
        name: 'Free acid (as HCl)',
        aliases: ['Free acid'],
        unit: '%',
        limit: { kind: 'max', max: 0.5 },
        decimals: 2,
        methods: ['Titration'],
      },
      {
        name: 'Lead (as Pb)',
        aliases: ['Lead'],
        unit: 'ppm',
        limit: { kind: 'max', max: 10 },
        decimals: 1,
        trace: true,
        methods: ['AAS', 'ICP-OES'],
      },
      {
        name: 'Arsenic (as As)',
        aliases: ['Arsenic'],
        unit: 'ppm',
        limit: { kind: 'max', max: 3 },
        decimals: 2,
        trace: true,
        methods: ['AAS', 'ICP-MS'],
      },
      {
        name: 'Manganese (as Mn)',
        aliases: ['Manganese'],
        unit: '%',
        limit: { kind: 'max', max: 0.25 },
        decimals: 3,
        methods: ['AAS'],
      },
    ],
  },
  {
    product: 'Poly Aluminium Chloride',
    aliases: ['PAC'],
    suppliers: ['Gujarat Alkalies Trading Co.', 'Grasim Chemical Division'],
    batchPrefix: 'PAC',
    params: [
      {
        name: 'Appearance',
        unit: '',
        limit: { kind: 'text', spec: 'Pale yellow liquid', ...COMPLIES },
        decimals: 0,
        methods: ['Visual'],
      },
      {
        name: 'Alumina (as Al2O3)',
        aliases: ['Alumina', 'Al2O3'],
        unit: '%',
        limit: { kind: 'range', min: 10.0, max: 11.0 },
        decimals: 2,
        methods: ['IS 15573', 'Titration'],
      },
      {
        name: 'Basicity',
        unit: '%',
        limit: { kind: 'range', min: 40, max: 65 },
        decimals: 1,
        methods: ['IS 15573'],
      },
      {
        name: 'Specific gravity',
        aliases: ['Specific gravity at 27 C'],
        unit: '',
        limit: { kind: 'range', min: 1.2, max: 1.3 },
        decimals: 3,
        methods: ['Hydrometer'],
      },
      {
        name: 'pH (5% solution)',
        aliases: ['pH'],
        unit: '',
        limit: { kind: 'range', min: 3.5, max: 5.0 },
        decimals: 2,
        methods: ['pH meter'],
      },
      {
        name: 'Insoluble matter',
        aliases: ['Insolubles'],
        unit: '%',
        limit: { kind: 'max', max: 0.2 },
        decimals: 3,
        methods: ['Gravimetric'],
      },
      {
        name: 'Iron (as Fe)',
        aliases: ['Iron'],
        unit: '%',
        limit: { kind: 'max', max: 0.01 },
        decimals: 4,
        trace: true,
        methods: ['Colorimetric', 'AAS'],
      },
      {
        name: 'Sulphate (as SO4)',
        aliases: ['Sulphate', 'Sulfate'],
        unit: '%',
        limit: { kind: 'max', max: 3.5 },
        decimals: 2,
        methods: ['Gravimetric'],
      },
    ],
  },
  {
    product: 'Ascorbic Acid',
    aliases: ['Vitamin C', 'L-Ascorbic Acid'],
    suppliers: ['Northeast Pharmachem Co. Ltd.', 'Acme Vitamins Inc.'],
    batchPrefix: 'AA',
    params: [
      {
        name: 'Description',
        aliases: ['Appearance'],
        unit: '',
        limit: { kind: 'text', spec: 'White crystalline powder', ...COMPLIES },
        decimals: 0,
        methods: ['Visual'],
      },
      {
        name: 'Assay',
        aliases: ['Assay (on dried basis)'],
        unit: '%',
        limit: { kind: 'range', min: 99.0, max: 100.5 },
        decimals: 2,
        methods: ['USP', 'Titration'],
      },
      {
        name: 'Loss on drying',
        unit: '%',
        limit: { kind: 'max', max: 0.4 },
        decimals: 2,
        methods: ['USP <731>'],
      },
      {
        name: 'Sulphated ash',
        aliases: ['Residue on ignition'],
        unit: '%',
        limit: { kind: 'max', max: 0.1 },
        decimals: 3,
        methods: ['USP <281>'],
      },
      {
        name: 'Heavy metals',
        unit: 'ppm',
        limit: { kind: 'max', max: 10 },
        decimals: 1,
        trace: true,
        methods: ['USP <231>'],
      },
      {
        name: 'Copper',
        unit: 'ppm',
        limit: { kind: 'max', max: 5 },
        decimals: 2,
        trace: true,
        methods: ['ICP-MS'],
      },
      {
        name: 'Total aerobic microbial count',
        aliases: ['TAMC'],
        unit: 'cfu/g',
        limit: { kind: 'max', max: 1000 },
        decimals: 0,
        methods: ['USP <61>'],
      },
      {
        name: 'Yeast and mould count',
        aliases: ['TYMC'],
        unit: 'cfu/g',
        limit: { kind: 'max', max: 100 },
        decimals: 0,
        methods: ['USP <61>'],
      },
      {
        name: 'Salmonella',
        unit: '',
        limit: { kind: 'text', spec: 'Absent in 25 g', ...ABSENT },
        decimals: 0,
        methods: ['USP <62>'],
      },
    ],
  },
  {
    product: 'Zinc Sulphate Monohydrate',
    aliases: ['Zinc Sulfate Monohydrate'],
    suppliers: ['Rishabh Metals & Chemicals Pvt. Ltd.', 'Transpek Agro Inputs Ltd.'],
    batchPrefix: 'ZS',
    params: [
      {
        name: 'Zinc (as Zn)',
        aliases: ['Zinc'],
        unit: '%',
        limit: { kind: 'min', min: 33.0 },
        decimals: 2,
        methods: ['IS 8249', 'EDTA titration'],
      },
      {
        name: 'Lead (as Pb)',
        aliases: ['Lead'],
        unit: 'ppm',
        limit: { kind: 'max', max: 20 },
        decimals: 1,
        trace: true,
        methods: ['AAS'],
      },
      {
        name: 'Cadmium (as Cd)',
        aliases: ['Cadmium'],
        unit: 'ppm',
        limit: { kind: 'max', max: 10 },
        decimals: 1,
        trace: true,
        methods: ['AAS'],
      },
      {
        name: 'Arsenic (as As)',
        aliases: ['Arsenic'],
        unit: 'ppm',
        limit: { kind: 'max', max: 5 },
        decimals: 2,
        trace: true,
        methods: ['AAS'],
      },
      {
        name: 'Moisture',
        unit: '%',
        limit: { kind: 'max', max: 1.5 },
        decimals: 2,
        methods: ['Karl Fischer', 'Oven drying'],
      },
      {
        name: 'Matter insoluble in water',
        aliases: ['Water insoluble matter'],
        unit: '%',
        limit: { kind: 'max', max: 0.5 },
        decimals: 2,
        methods: ['Gravimetric'],
      },
      {
        name: 'Chloride (as Cl)',
        aliases: ['Chloride'],
        unit: '%',
        limit: { kind: 'max', max: 0.05 },
        decimals: 3,
        methods: ['Argentometric'],
      },
      {
        name: 'pH (5% solution)',
        aliases: ['pH'],
        unit: '',
        limit: { kind: 'range', min: 4.0, max: 6.0 },
        decimals: 2,
        methods: ['pH meter'],
      },
    ],
  },
  {
    product: 'Sodium Hypochlorite Solution',
    aliases: ['Sodium Hypochlorite'],
    suppliers: ['Chemfab Alkalis Ltd.', 'Meghmani Finechem Ltd.'],
    batchPrefix: 'SH',
    params: [
      {
        name: 'Appearance',
        unit: '',
        limit: { kind: 'text', spec: 'Clear pale yellow liquid', ...COMPLIES },
        decimals: 0,
        methods: ['Visual'],
      },
      {
        name: 'Available chlorine (as Cl2)',
        aliases: ['Available chlorine'],
        unit: '%',
        limit: { kind: 'min', min: 10.0 },
        decimals: 2,
        methods: ['IS 11673', 'Iodometric'],
      },
      {
        name: 'Free alkali (as NaOH)',
        aliases: ['Free alkali'],
        unit: '%',
        limit: { kind: 'range', min: 0.5, max: 1.5 },
        decimals: 2,
        methods: ['IS 11673'],
      },
      {
        name: 'Iron (as Fe)',
        aliases: ['Iron'],
        unit: 'ppm',
        limit: { kind: 'max', max: 5 },
        decimals: 2,
        trace: true,
        methods: ['Colorimetric'],
      },
      {
        name: 'Specific gravity',
        unit: '',
        limit: { kind: 'range', min: 1.18, max: 1.24 },
        decimals: 3,
        methods: ['Hydrometer'],
      },
      {
        name: 'Sodium chlorate',
        aliases: ['Chlorate'],
        unit: 'ppm',
        limit: { kind: 'max', max: 5400 },
        decimals: 0,
        methods: ['Iodometric'],
      },
    ],
  },
]

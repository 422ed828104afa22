/**
 * Which layouts the reader may be developed on, and which are only ever scored. Declared once, here:
 * a change to the reader is judged on the development half; the held-out half stays unseen, so its
 * figures say how the desk does on a supplier's template nobody tuned it for.
 */
export const DEVELOPMENT_LAYOUTS = [
  'grid-sno-spec',
  'numbered-lines',
  'continued-ruled',
  'us-month-first',
  'label-row-grid',
  'boxed-header-wrap',
] as const

export const HELDOUT_LAYOUTS = [
  'unruled-minmax',
  'wrapped-cells',
  'continued-open',
  'two-line-header',
  'grouped-minmax-remarks',
] as const

export type LayoutId = (typeof DEVELOPMENT_LAYOUTS)[number] | (typeof HELDOUT_LAYOUTS)[number]

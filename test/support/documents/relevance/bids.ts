import { seededRandom } from '../scan'

/**
 * Bid notices labelled as an analyst of an industrial-chemicals and insulation supplier would label
 * them: relevant when the bid buys what the supplier sells. Three sets with disjoint buyers, wording
 * and item names (the catalogue overlaps only in its categories):
 * - `trainingBids` trains;
 * - `developmentBids` was looked at while choosing the features (so its score flatters);
 * - `heldOutBids` is only ever scored, never inspected: the figure to quote.
 */
export interface LabelledBid {
  id: string
  text: string
  relevant: boolean
}

interface BidSet {
  buyers: string[]
  relevantItems: string[]
  irrelevantItems: string[]
  templates: ((v: Record<string, string>) => string)[]
}

const TRAIN: BidSet = {
  buyers: [
    'Municipal Corporation Water Works',
    'Bharat Heavy Electricals Limited',
    'Ministry of Heavy Industries',
    'State Water Supply Board',
  ],
  relevantItems: [
    'Ferric Chloride Liquid 40% as per IS 711',
    'Poly Aluminium Chloride (PAC) for water treatment',
    'Bleaching Powder Stable grade 34% available chlorine IS 1065',
    'Aluminium Sulphate (Alum) non-ferric IS 299',
    'Rockwool insulation slabs 100 kg/m3 density',
    'Sodium Hypochlorite solution 10% for disinfection',
    'Lime powder hydrated for water treatment',
  ],
  irrelevantItems: [
    'Office chairs with armrest and revolving base',
    'Desktop computers i5 16GB RAM with monitor',
    'Hiring of four-wheeler vehicles on monthly basis',
    'Housekeeping and cleaning services for office premises',
    'A4 size Maplitho paper 70 GSM ream',
    'Annual maintenance contract for lifts',
    'Printing of annual report booklets',
  ],
  templates: [
    (v) =>
      `Bid Document. Bid Number: ${v.number}. Bid End Date/Time ${v.date}. Ministry/State Name ${v.buyer}. Item Category ${v.item}. Total Quantity ${v.qty}. EMD Amount ${v.emd}. Bidder turnover and experience criteria apply. Technical specification as per attached document.`,
    (v) =>
      `Notice Inviting Tender. ${v.buyer} invites online bids for supply of ${v.item}, quantity ${v.qty}, tender no ${v.number}. Last date of submission ${v.date}. Earnest money deposit Rs ${v.emd}. Bids must be submitted through the e-procurement portal.`,
  ],
}

const DEVELOPMENT: BidSet = {
  buyers: [
    'Jal Nigam Purification Division',
    'Thermal Power Station Stores',
    'Public Health Engineering Department',
    'Refinery Materials Section',
  ],
  relevantItems: [
    'Ferrous sulphate coagulant chemical for effluent treatment',
    'Chlorine granules for swimming pool and water disinfection',
    'Mineral wool pipe section insulation for steam lines',
    'Polyelectrolyte flocculant for clarifier water treatment',
    'Caustic soda flakes industrial grade IS 252',
    'Glass wool thermal insulation blanket',
    'Activated carbon powder for water purification',
  ],
  irrelevantItems: [
    'Laptop computers with carry case',
    'Security guard services for 24x7 manning',
    'Steel almirah with four shelves',
    'Catering services for training hostel',
    'Diesel generator set 125 kVA with installation',
    'Uniform cloth and stitching for staff',
    'Air conditioners split type 1.5 ton',
  ],
  templates: [
    (v) =>
      `e-Tender Enquiry ${v.number} issued by ${v.buyer}. Description of material: ${v.item}. Required quantity: ${v.qty}. Closing date and time: ${v.date}. EMD (₹): ${v.emd}. Vendors registered with the department may quote.`,
    (v) =>
      `Tender Details. Organisation Chain ${v.buyer}. Tender Reference Number ${v.number}. Title ${v.item}. Work Description supply and delivery of ${v.item} at site. Bid Submission End Date ${v.date}. EMD Amount in ₹ ${v.emd}. Quantity ${v.qty}.`,
  ],
}

const HELD_OUT: BidSet = {
  buyers: [
    'Cantonment Board Engineering Wing',
    'Fertiliser Plant Procurement Cell',
    'Urban Development Authority',
    'Sugar Mill Cooperative',
  ],
  relevantItems: [
    'Sodium bisulphite technical grade for dechlorination',
    'Hydrochloric acid 33% commercial grade IS 265',
    'Ceramic fibre insulation blanket 128 kg/m3',
    'Liquid chlorine in tonners for water treatment plant',
    'Potassium permanganate crystals for water purification',
    'Calcium silicate insulation boards for boiler',
    'Copper sulphate pentahydrate technical grade',
  ],
  irrelevantItems: [
    'Printer toner cartridges assorted',
    'Conference table with twelve chairs',
    'Manpower outsourcing for data entry operators',
    'Mobile phones for field staff',
    'Repair of internal roads with bitumen',
    'Medical examination of employees',
    'Painting of staff quarters',
  ],
  templates: [
    (v) =>
      `Request for Quotation ${v.number}. Purchaser: ${v.buyer}. We intend to procure ${v.item} (${v.qty}). Offers must reach us by ${v.date}. Bid security ${v.emd} by demand draft.`,
    (v) =>
      `Limited Tender Enquiry No. ${v.number} from ${v.buyer}. Schedule of requirement: ${v.item}, ${v.qty}. Due date ${v.date}. Earnest money ${v.emd}. Delivery within sixty days.`,
  ],
}

function generate(set: BidSet, name: string, count: number, seed: number): LabelledBid[] {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)]
    if (item === undefined) throw new Error('nothing to pick from')
    return item
  }
  return Array.from({ length: count }, (_, i) => {
    const relevant = random() < 0.45
    const values = {
      number: `${name.toUpperCase()}/${2026}/B/${1_000_000 + Math.floor(random() * 8_999_999)}`,
      date: `${1 + Math.floor(random() * 28)}-0${1 + Math.floor(random() * 9)}-2027`,
      buyer: pick(set.buyers),
      item: pick(relevant ? set.relevantItems : set.irrelevantItems),
      qty: `${1 + Math.floor(random() * 500)} Nos`,
      emd: `${(10 + Math.floor(random() * 490)) * 1000}`,
    }
    return { id: `${name}-${i}`, text: pick(set.templates)(values), relevant }
  })
}

export const trainingBids = (count = 120, seed = 11) => generate(TRAIN, 'train', count, seed)
export const developmentBids = (count = 60, seed = 29) => generate(DEVELOPMENT, 'development', count, seed)
export const heldOutBids = (count = 80, seed = 47) => generate(HELD_OUT, 'heldout', count, seed)

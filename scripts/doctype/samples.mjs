// Labelled documents for training the document-type model, drawn from phrase banks per type and
// per style (the layout families a portal, supplier or office uses). Deterministic for a seed.
// Each type has several styles; HELD_OUT_STYLES are never trained on, so the script can say how
// the model does on a family of documents it has not seen.

const PRODUCTS = [
  'Ferric Chloride',
  'Aluminium Sulphate',
  'Bleaching Powder',
  'Sodium Hypochlorite',
  'Poly Aluminium Chloride',
  'Bonded Rock Wool Mattress',
  'Maplitho Paper',
  'Calcium Hypochlorite',
  'Hydrated Lime',
  'Activated Carbon',
  'Ascorbic Acid',
  'Zinc Sulphate Monohydrate',
  'Magnesium Bisglycinate',
  'Citric Acid Anhydrous',
  'Sodium Bicarbonate',
  'Caustic Soda Lye',
  'Hydrochloric Acid',
  'Glass Wool Insulation',
  'Boron Citrate',
  'Potassium Permanganate',
  'Alum Non Ferric',
  'Copper Sulphate',
  'Transformer Oil',
  'Ceramic Fibre Blanket',
  'Stainless Steel Pipe',
  'Industrial Safety Helmet',
  'Printer Toner Cartridge',
  'Office Chair',
]
const COMPANIES = [
  'Shree Ganesh Chemicals Pvt. Ltd.',
  'Aarav Industrial Supplies',
  'Balaji Polymers Limited',
  'Eastern Minerals and Chemicals',
  'Kaveri Process Industries',
  'Northstar Materials Inc.',
  'Vardhman Insulation Works',
  'Sai Krishna Enterprises',
  'Orion Speciality Chemicals',
  'Deccan Fertilisers and Chemicals',
  'Hindustan Lab Reagents',
  'Prakash Paper Mills',
]
const BUYERS = [
  'Bharat Heavy Electricals Limited',
  'Ministry of Railways',
  'Delhi Jal Board',
  'Municipal Corporation of Greater Mumbai',
  'Indian Oil Corporation Limited',
  'NTPC Limited',
  'Department of Drinking Water and Sanitation',
  'Central Public Works Department',
  'Gujarat State Electricity Corporation Limited',
  'Public Health Engineering Department',
  'Indian Institute of Technology',
  'Steel Authority of India Limited',
]
const CITIES = [
  'New Delhi',
  'Mumbai',
  'Chennai',
  'Kolkata',
  'Hyderabad',
  'Pune',
  'Vadodara',
  'Noida',
  'Ranchi',
  'Bhopal',
]
const PARAMETERS = [
  ['Appearance', 'Visual', '', 'Clear liquid'],
  ['Assay', 'Titration', '%', ''],
  ['pH (5% solution)', 'IS 3025', '', ''],
  ['Loss on drying', 'USP <731>', '%', ''],
  ['Moisture', 'Karl Fischer', '%', ''],
  ['Insoluble matter', 'Gravimetric', '%', ''],
  ['Heavy metals (as Pb)', 'ICP-OES', 'ppm', ''],
  ['Iron (as Fe)', 'AAS', '%', ''],
  ['Arsenic', 'ICP-MS', 'ppm', ''],
  ['Specific gravity', 'ASTM D1298', '', ''],
  ['Density', 'IS 8183', 'kg/m3', ''],
  ['Chloride', 'Argentometric', '%', ''],
  ['Sulphated ash', 'Ph. Eur. 2.4.14', '%', ''],
  ['Available chlorine', 'IS 1065', '%', ''],
  ['Total plate count', 'USP <61>', 'cfu/g', ''],
  ['Particle size', 'Sieve analysis', 'mesh', ''],
]

/** A small seeded generator (mulberry32), so the same seed gives the same documents everywhere. */
export function seeded(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = (list) => list[Math.floor(next() * list.length)]
  const some = (list, share) => list.filter(() => next() < share)
  const shuffle = (list) => {
    const out = [...list]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[out[i], out[j]] = [out[j], out[i]]
    }
    return out
  }
  return { next, int, pick, some, shuffle }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const date = (r) => {
  const d = r.int(1, 28)
  const m = r.int(1, 12)
  const y = r.int(2023, 2027)
  const forms = [
    `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
    `${String(d).padStart(2, '0')}-${MONTHS[m - 1]}-${y}`,
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${String(y).slice(2)}`,
  ]
  return r.pick(forms)
}
const amount = (r) => {
  const n = r.int(10_000, 9_999_999)
  const s = String(n)
  const last3 = s.slice(-3)
  const rest = s.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',')
  return rest ? `${rest},${last3}` : last3
}
const id = (r, prefix) => `${prefix}${r.int(1000, 99999)}/${r.int(10, 99)}`

/** Generic office prose every type may carry a little of, so no type is known by filler alone. */
const FILLER = [
  'All correspondence should quote the reference number given above.',
  'This document is issued for the information of the addressee only.',
  'The contents of this document are confidential.',
  'Please contact the undersigned for any clarification.',
  'Registered office and works address as stated above.',
  'Page {page} of {pages}',
  'Subject to the jurisdiction of courts at {city}.',
  'For {company}',
  'Authorised Signatory',
  'Address: Plot No. {n}, Industrial Area, {city}',
  'Tel: 0{n} 2345678   Web: www.example.in',
  'Date: {date}',
]

const TYPES = {
  tender: {
    styles: {
      gemBid: () => [
        ['Bid Document', 'Bid Details', 'GeM Bid Document'],
        [
          'Bid Number: GEM/{year}/B/{n}',
          'Dated: {date}',
          'Bid End Date/Time: {date} 15:00:00',
          'Bid Opening Date/Time: {date} 15:30:00',
          'Bid Offer Validity (From End Date): 90 (Days)',
          'Ministry/State Name: Ministry of Heavy Industries',
          'Department Name: Department of Heavy Industry',
          'Organisation Name: {buyer}',
          'Office Name: {city}',
          'Total Quantity: {n}',
          'Item Category: {product}',
          'Minimum Average Annual Turnover of the bidder (For 3 Years): {amount} Lakh (s)',
          'Years of Past Experience Required for same/similar service: 3 Year (s)',
          'MSE Exemption for Years of Experience and Turnover: No',
          'Startup Exemption for Years of Experience and Turnover: No',
          'Document required from seller: Experience Criteria, Past Performance, Bidder Turnover',
          'Bid to RA enabled: Yes',
          'Type of Bid: Two Packet Bid',
          'Time allowed for Technical Clarifications during technical evaluation: 2 Days',
          'Evaluation Method: Total value wise evaluation',
          'EMD Detail',
          'Advisory Bank: State Bank of India',
          'EMD Amount: {amount}',
          'ePBG Detail',
          'ePBG Percentage(%): 5.00',
          'Duration of ePBG required (Months): 14',
          'Beneficiary: {buyer}',
          'Splitting: Bid splitting not applied.',
          'MII Compliance: Yes',
          'MSE Purchase Preference: Yes',
          'Pre Bid Date and Time: {date}',
          'Consignees/Reporting Officer and Quantity',
          'Buyer Added Bid Specific Terms and Conditions',
          'Generic: Bidder shall submit Original Equipment Manufacturer authorisation.',
          'Disclaimer: The additional terms and conditions have been incorporated by the buyer.',
        ],
      ],
      cpppDetails: () => [
        ['Tender Details', 'eProcurement System Government of India', 'Tender Notice'],
        [
          'Organisation Chain: {buyer}||{city}',
          'Tender Reference Number: {ref}',
          'Tender ID: {year}_{code}_{n}_1',
          'Withdrawal Allowed: Yes',
          'Tender Type: Open Tender',
          'Form of contract: Supply',
          'Tender Category: Goods',
          'No. of Covers: 2',
          'General Technical Evaluation Allowed: No',
          'Payment Mode: Online',
          'Is Multi Currency Allowed For BOQ: No',
          'Allow Two Stage Bidding: No',
          'Tender Fee in Rs.: 1,180',
          'EMD Amount in Rs.: {amount}',
          'EMD Fee Type: fixed',
          'EMD Exemption Allowed: Yes',
          'Work Item Details',
          'Title: Supply of {product}',
          'Work Description: Supply, installation and commissioning of {product}',
          'Product Category: Laboratory Equipment',
          'Bid Validity(Days): 120',
          'Period Of Work(Days): 60',
          'Location: {city}',
          'Pre Bid Meeting Place: NA',
          'Critical Dates',
          'Published Date: {date}',
          'Bid Submission Start Date: {date}',
          'Bid Submission End Date: {date}',
          'Bid Opening Date: {date}',
          'Tenders Documents',
          'NIT Document: Tendernotice_1.pdf',
          'Tender Inviting Authority: The Principal',
        ],
      ],
      nit: () => [
        ['NOTICE INVITING TENDER', 'e-Tender Notice', 'Notice Inviting e-Tender (NIT)'],
        [
          'NIT No: {ref}',
          'Online e-tenders are invited by {buyer} from eligible bidders for the following work.',
          'Name of work: Supply of {product} for water treatment plant',
          'Estimated cost: Rs. {amount}',
          'Earnest Money Deposit (EMD): Rs. {amount}',
          'Cost of tender document: Rs. 2,000 (non refundable)',
          'Period of completion: 6 months',
          'Last date and time for online bid submission: {date} up to 15:00 hrs',
          'Date of opening of technical bid: {date}',
          'Eligibility criteria: The bidder should have executed similar works during the last seven years.',
          'The bidder must have valid GST registration and PAN.',
          'Bidders shall upload scanned copies of the documents in support of eligibility.',
          'The financial bid of only technically qualified bidders will be opened.',
          'The tender inviting authority reserves the right to reject any or all tenders without assigning any reason.',
          'Conditional tenders shall not be accepted.',
          'Performance security of 5% of the contract value shall be furnished by the successful bidder.',
          'Bid security declaration in lieu of EMD is acceptable from MSE bidders.',
          'Corrigendum, if any, will be published on the website only.',
          'Executive Engineer',
        ],
      ],
      rfq: () => [
        ['REQUEST FOR QUOTATION', 'Limited Tender Enquiry', 'RFQ - Technical Bid'],
        [
          'RFQ No.: {n}   Date: {date}',
          'Due date for submission of quotation: {date}',
          'Sealed quotations are invited for the supply of the following items.',
          'Sl. No.   Description of item   Qty   Unit',
          '1   {product}   {n}   Nos',
          'Price bid: rates shall be quoted inclusive of GST and freight up to destination.',
          'Delivery period: within 30 days from the date of purchase order.',
          'Validity of offer: 90 days from the due date.',
          'Payment terms: 100% within 30 days after receipt and acceptance of material.',
          'Technical specification as per annexure; deviations, if any, shall be stated clearly.',
          'Bidders shall submit the technical bid and the price bid in separate envelopes.',
          'Tender enquiry reference: {ref}',
          'Pre-qualification criteria and scope of work as enclosed.',
          'Reverse auction may be conducted; the L1 bidder will be decided on total value.',
          'Purchase Officer, Materials Management',
        ],
      ],
      corrigendum: () => [
        ['CORRIGENDUM', 'Corrigendum No. 1', 'Addendum to Tender Document'],
        [
          'Tender No: {ref}',
          'Name of work: Supply of {product}',
          'The following amendments are made to the tender document published on {date}.',
          'The last date of bid submission is extended to {date} 15:00 hours.',
          'The technical bid opening date is revised to {date}.',
          'The EMD amount stands revised to Rs. {amount}.',
          'All other terms and conditions of the tender remain unchanged.',
          'Bidders are requested to take note of the revised schedule.',
          'Replies to pre-bid queries are enclosed as annexure.',
          'Tender Inviting Authority, {buyer}',
        ],
      ],
    },
    common: [
      'tender',
      'bid',
      'bidder',
      'EMD',
      'eligibility',
      'submission',
      'opening',
      'procurement',
      'L1',
      'contract',
      'Bidders are advised to read the terms and conditions carefully.',
      'Bids received after the due date will not be considered.',
      'Make in India preference shall apply.',
      'Instructions to bidders',
      'Integrity pact',
      'Schedule of requirements',
    ],
  },
  coa: {
    styles: {
      tableCoa: () => [
        [
          'CERTIFICATE OF ANALYSIS',
          'Certificate of Analysis (COA)',
          'TEST CERTIFICATE / CERTIFICATE OF ANALYSIS',
        ],
        [
          'Product Name: {product}   Report No.: QC/{n}',
          'Batch No.: B{n}   Batch Size: {n} kg',
          'Mfg. Date: {date}   Expiry Date: {date}',
          'Date of Analysis: {date}   Sample received on: {date}',
          'Customer: {buyer}',
          'S.No.   Test Parameter   Method   Unit   Specification   Result',
          '{table}',
          'Remarks: The above batch complies with the specification.',
          'Analysed by: Chemist   Checked by: QC Executive',
          'Approved by: Manager Quality Control',
          'Conclusion: Released for dispatch',
        ],
      ],
      listCoa: () => [
        ['TEST REPORT', 'ANALYSIS REPORT', 'Certificate of Quality'],
        [
          'Sample description: {product}',
          'Lot No: L{n}   Quantity: {n} MT',
          'Date of manufacture: {date}',
          'Best before: {date}',
          'Results of analysis:',
          '{list}',
          'The sample conforms to IS specification in respect of the parameters tested.',
          'The results relate only to the sample tested.',
          'This report shall not be reproduced except in full without written approval of the laboratory.',
          'Reviewed and authorised by: Technical Manager',
        ],
      ],
      pharmaCoa: () => [
        ['Certificate of Analysis', 'Analytical Results', 'CERTIFICATE OF ANALYSIS - FINISHED PRODUCT'],
        [
          'Product: {product}   Item Code: {n}',
          'Batch Number: BN{n}',
          'Manufacture Date: {date}   Retest Date: {date}',
          'Test   Specification   Result   Method',
          '{table}',
          'Microbiological tests: Total aerobic count complies; Yeast and mould complies; E. coli absent; Salmonella absent in 25 g',
          'This batch has been manufactured and tested in accordance with cGMP.',
          'Quality Assurance release: Approved',
          'Electronically generated certificate; valid without signature.',
        ],
      ],
      millCert: () => [
        ['MILL TEST CERTIFICATE', 'Inspection Certificate EN 10204 3.1', 'TEST CERTIFICATE'],
        [
          'Certificate No: MTC/{n}   Date: {date}',
          'Heat No: H{n}   Grade: SS 304L',
          'Chemical composition (%): C 0.021  Mn 1.45  Si 0.38  P 0.031  S 0.004  Cr 18.2  Ni 8.1',
          'Mechanical properties: Tensile strength 585 MPa  Yield strength 290 MPa  Elongation 52%',
          'Hardness: 82 HRB   Result: Satisfactory',
          'Heat treatment: Solution annealed',
          'We hereby certify that the material described above has been tested and complies with the order.',
          'Surveyor / Inspector',
        ],
      ],
    },
    common: [
      'Complies',
      'Conforms',
      'Passes test',
      'Result within limits',
      'QC Department',
      'batch',
      'analysis',
      'result',
      'tested',
      'certificate',
      'sample',
      'released',
      'lot',
    ],
  },
  specification: {
    styles: {
      productSpec: () => [
        ['PRODUCT SPECIFICATION', 'Product Specification Sheet', 'SPECIFICATION'],
        [
          'Product: {product}   Code: {n}',
          'Document No.: SPEC/{n}   Revision: 03   Effective date: {date}',
          'Supersedes: Revision 02',
          'Parameter   Limit   Test method',
          '{limits}',
          'Storage: store in a cool and dry place in closed containers.',
          'Shelf life: 24 months from the date of manufacture when stored as recommended.',
          'Packaging: 25 kg HDPE bags with LDPE liner.',
          'Prepared by: QA   Approved by: Head QA',
        ],
      ],
      dataSheet: () => [
        ['TECHNICAL DATA SHEET', 'Product Data Sheet', 'PRODUCT INFORMATION'],
        [
          '{product}',
          'Description: {product} is produced under controlled conditions for industrial and food applications.',
          'Applications: water treatment, paper industry, textile processing.',
          'Typical properties',
          '{limits}',
          'Meets the requirements of EP, BP, USP and FCC.',
          'Regulatory status: complies with applicable food additive regulations.',
          'The information given is believed to be accurate but is given without warranty.',
        ],
      ],
      indianStandard: () => [
        ['INDIAN STANDARD', 'Specification for {product}', 'BUREAU OF INDIAN STANDARDS'],
        [
          'IS {n} : {year}',
          'Foreword: This standard was adopted by the Bureau of Indian Standards after the draft was approved.',
          'Scope: This standard prescribes the requirements and the methods of sampling and test for {product}.',
          'Requirements: The material shall be in the form of granules and free from visible impurities.',
          'Table 1 Requirements for {product}',
          'Sl No.   Characteristic   Requirement   Method of test, Ref to',
          '{limits}',
          'Packing and marking: the material shall be packed in containers as agreed between the purchaser and the supplier.',
          'Sampling: representative samples shall be drawn as prescribed in Annex B.',
          'Tests shall be carried out as prescribed in the relevant Annexes.',
        ],
      ],
      purchaseSpec: () => [
        ['TECHNICAL SPECIFICATION', 'Purchase Specification', 'Material Specification'],
        [
          'Item: {product}',
          'Specification No: MS/{n}',
          'General requirements: the supplier shall furnish a test certificate with each lot.',
          'Acceptance criteria',
          '{limits}',
          'Tolerances: as per the relevant standard.',
          'Inspection: samples may be drawn by the purchaser for verification at an approved laboratory.',
          'Rejection: material not meeting the above limits shall be rejected at the cost of the supplier.',
        ],
      ],
    },
    common: [
      'Minimum',
      'Maximum',
      'Not more than',
      'Not less than',
      'Typical value',
      'requirement',
      'limit',
      'grade',
      'test method',
      'revision',
      'standard',
    ],
  },
  msds: {
    styles: {
      ghs16: () => [
        ['SAFETY DATA SHEET', 'Material Safety Data Sheet', 'SDS according to Regulation (EC) No 1907/2006'],
        [
          'SECTION 1: Identification of the substance/mixture and of the company/undertaking',
          'Product identifier: {product}',
          'Recommended use: industrial use only',
          'Emergency telephone number: 1800 123 4567',
          'SECTION 2: Hazards identification',
          'Classification according to GHS: Skin Corr. 1B; Eye Dam. 1',
          'Signal word: Danger',
          'Hazard statements: H314 Causes severe skin burns and eye damage.',
          'Precautionary statements: P280 Wear protective gloves/protective clothing/eye protection.',
          'SECTION 3: Composition/information on ingredients',
          'CAS No.: 7705-08-0   EC No.: 231-729-4',
          'SECTION 4: First aid measures',
          'After inhalation: remove to fresh air. After skin contact: rinse with plenty of water.',
          'After eye contact: rinse cautiously with water for several minutes. After ingestion: do not induce vomiting.',
          'SECTION 5: Firefighting measures',
          'Suitable extinguishing media: water spray, foam, dry chemical.',
          'SECTION 6: Accidental release measures',
          'SECTION 7: Handling and storage',
          'SECTION 8: Exposure controls/personal protection',
          'Occupational exposure limits: TWA 1 mg/m3',
          'SECTION 9: Physical and chemical properties',
          'Flash point: not applicable   Boiling point: 315 C   Vapour pressure: negligible',
          'SECTION 10: Stability and reactivity',
          'SECTION 11: Toxicological information',
          'Acute toxicity: LD50 oral rat 1300 mg/kg',
          'SECTION 12: Ecological information',
          'SECTION 13: Disposal considerations',
          'SECTION 14: Transport information',
          'UN number: UN 2582   Proper shipping name: Ferric chloride solution   Packing group: III',
          'SECTION 15: Regulatory information',
          'SECTION 16: Other information',
        ],
      ],
      oshaMsds: () => [
        ['MATERIAL SAFETY DATA SHEET', 'MSDS', 'Chemical Safety Data Sheet'],
        [
          'Section I - Chemical product and company identification',
          'Chemical name: {product}',
          'Section II - Hazardous ingredients',
          'Section III - Physical data: appearance, odour, melting point, solubility in water',
          'Section IV - Fire and explosion hazard data',
          'Section V - Reactivity data: stable under normal conditions; incompatible with strong oxidisers',
          'Section VI - Health hazard data: routes of entry inhalation, skin, ingestion',
          'Emergency and first aid procedures: flush eyes with water for 15 minutes; seek medical attention.',
          'Section VII - Precautions for safe handling and use: spill and leak procedures',
          'Section VIII - Control measures: respiratory protection, ventilation, protective gloves, eye protection',
          'Personal protective equipment (PPE): goggles, rubber gloves, apron',
          'Toxicity: harmful if swallowed; corrosive to skin and eyes',
          'Carcinogenicity: not listed by IARC, NTP or OSHA',
        ],
      ],
      tremCard: () => [
        ['TRANSPORT EMERGENCY CARD (TREMCARD)', 'Emergency Response Information', 'Hazard Data Sheet'],
        [
          'Cargo: {product}',
          'Nature of hazard: corrosive liquid; reacts with metals releasing hydrogen',
          'Protective devices: suitable respiratory protective device, goggles, gloves of PVC',
          'Emergency action: stop the engine; keep the public away from the danger area',
          'Spillage: contain the leaking liquid with sand or earth; prevent it entering drains',
          'Fire: keep containers cool by spraying with water',
          'First aid: if the substance has got into the eyes, wash out with plenty of water immediately',
          'Hazchem code: 2R   UN No. 1789   Class 8',
          'Emergency contact and telephone: police, fire brigade',
        ],
      ],
    },
    common: [
      'hazard',
      'exposure',
      'ventilation',
      'protective equipment',
      'toxic',
      'corrosive',
      'flammable',
      'first aid',
      'spill',
      'inhalation',
      'eye contact',
      'skin contact',
      'emergency',
      'gloves',
      'fire',
    ],
  },
  invoice: {
    styles: {
      gstInvoice: () => [
        ['TAX INVOICE', 'Tax Invoice (Original for Recipient)', 'GST INVOICE'],
        [
          'Invoice No.: INV/{year}/{n}   Invoice Date: {date}',
          'GSTIN: 27AAACS1234F1Z5   State Code: 27',
          'Bill To: {buyer}',
          'Ship To: {city}',
          'Place of Supply: {city}',
          'Sl   Description of Goods   HSN/SAC   Qty   Rate   Amount',
          '1   {product}   2827   {n} kg   {rate}   {amount}',
          'Taxable Value: {amount}',
          'CGST @ 9%: {amount}   SGST @ 9%: {amount}',
          'IGST @ 18%: 0.00',
          'Round off: 0.40',
          'Grand Total: Rs. {amount}',
          'Amount in words: Rupees {words} only',
          'Bank details: State Bank of India, A/c No. 3012345678, IFSC SBIN0001234',
          'E-way bill no.: {n}',
          'Terms: payment within 30 days; interest at 18% p.a. on overdue bills.',
          'Certified that the particulars given above are true and correct.',
          'Receiver signature',
        ],
      ],
      proforma: () => [
        ['PROFORMA INVOICE', 'Proforma Invoice / Quotation', 'COMMERCIAL INVOICE'],
        [
          'PI No.: PI-{n}   Date: {date}',
          'Buyer: {buyer}',
          'Consignee: {city}',
          'Item   Quantity   Unit price   Total',
          '{product}   {n}   {rate}   {amount}',
          'Freight: extra at actuals',
          'Sub total: {amount}',
          'GST 18%: {amount}',
          'Total payable: Rs. {amount}',
          'Payment: 50% advance against proforma invoice, balance before dispatch',
          'Beneficiary bank: HDFC Bank, IFSC HDFC0000123, account number 50200012345678',
          'Delivery terms: ex-works',
        ],
      ],
      deliveryChallan: () => [
        ['DELIVERY CHALLAN', 'Delivery Note', 'Dispatch Advice and Packing List'],
        [
          'Challan No.: DC/{n}   Date: {date}',
          'Purchase Order No.: PO/{n} dated {date}',
          'Consignee: {buyer}, {city}',
          'Transporter: Road Carrier   Vehicle No.: MH 04 AB 1234   LR No.: {n}',
          'Sl   Description   No. of packages   Quantity   Remarks',
          '1   {product}   {n} bags   {n} kg   Received in good condition',
          'Goods once sold will not be taken back.',
          'Received the above goods in good order and condition.',
          'Receiver signature and stamp',
        ],
      ],
      receipt: () => [
        ['PAYMENT RECEIPT', 'Money Receipt', 'Receipt Voucher'],
        [
          'Receipt No.: {n}   Date: {date}',
          'Received with thanks from {buyer} the sum of Rupees {words} only',
          'By cheque/NEFT/UTR No. {n} dated {date}',
          'Against invoice no. INV/{n}',
          'Amount: Rs. {amount}',
          'Balance due: Nil',
          'Accountant',
        ],
      ],
    },
    common: [
      'Total',
      'Amount',
      'Payment',
      'Account',
      'invoice',
      'GST',
      'taxable',
      'bank',
      'paid',
      'balance',
      'payable',
      'goods',
    ],
  },
  other: {
    styles: {
      letter: () => [
        ['To Whom It May Concern', 'Office Memorandum', 'Letter'],
        [
          'Dear Sir/Madam,',
          'We refer to our meeting held on {date} regarding the annual maintenance of the plant.',
          'We are pleased to inform you that the committee has approved the proposal in principle.',
          'Kindly arrange to send your representative for the discussion on the next working day.',
          'We look forward to a long and fruitful association.',
          'Thanking you,',
          'Yours faithfully,',
          'General Manager (Administration)',
        ],
      ],
      minutes: () => [
        ['MINUTES OF THE MEETING', 'Record of Discussion', 'Agenda and Minutes'],
        [
          'Minutes of the review meeting held on {date} in the conference hall.',
          'Members present: Director, Deputy General Manager, Senior Manager (Projects)',
          'Agenda item 1: confirmation of the minutes of the previous meeting.',
          'Agenda item 2: progress of the annual plan and the training calendar.',
          'The chair welcomed the members and reviewed the action taken report.',
          'It was decided that the safety audit shall be completed before the next quarter.',
          'Action by: all heads of department',
          'The meeting ended with a vote of thanks to the chair.',
        ],
      ],
      brochure: () => [
        ['Product Brochure', 'Welcome to our company', 'About Us'],
        [
          'Founded in {year}, we serve customers in more than thirty countries.',
          'Our vision is to be the most trusted partner for our customers.',
          'Key features: compact design, easy installation, low maintenance, energy saving.',
          'The new coffee machine brews twelve cups in under five minutes and keeps them warm for hours.',
          'Why choose us: experienced team, quick support, competitive prices.',
          'Visit our stall at the exhibition or call our sales team today.',
          'Warranty: one year from the date of purchase.',
          'User manual: read the instructions before switching on the unit.',
        ],
      ],
      article: () => [
        ['Annual Report', 'Chapter IV', 'News'],
        [
          'Photosynthesis is the process by which green plants turn light, water and carbon dioxide into sugar.',
          'The library will extend its opening hours during the examination season.',
          'The old fort on the hill was built in the sixteenth century and restored last year.',
          'She walked along the beach at sunrise and watched the fishing boats return.',
          'The cricket team won the final by six wickets in front of a full stadium.',
          'The city council discussed the new bus routes and the repair of the old bridge.',
          'Scientists reported that the monsoon arrived a week earlier than usual this year.',
          'Les enfants jouaient dans le jardin pendant que la pluie tombait doucement.',
        ],
      ],
      manual: () => [
        ['User Guide', 'Technical Overview', 'Getting Started'],
        [
          'This guide explains how to install the software and connect the device to your computer.',
          'Modern computers store pictures, sound and documents as digital files that programs can edit.',
          'Machine learning systems improve with experience by finding patterns in large amounts of data.',
          'Press the power button for three seconds; the display shows the main menu and the battery level.',
          'Networks connect computers so that people can share files, printers and internet access.',
          'Troubleshooting: if the screen stays blank, check the cable and restart the unit.',
          'Software updates add new features and fix problems reported by users.',
          'The history of computing begins with mechanical calculators in the seventeenth century.',
          'Keep this manual for future reference.',
        ],
      ],
      circular: () => [
        ['CIRCULAR', 'Office Order', 'Notice to all employees'],
        [
          'Circular No. {n} dated {date}',
          'All employees are informed that the office will remain closed on account of the festival.',
          'The revised leave rules come into force with immediate effect.',
          'Heads of department are requested to circulate this order among the staff.',
          'Attendance shall be marked through the biometric system only.',
          'Issued with the approval of the competent authority.',
          'Copy to: all sections, notice board',
        ],
      ],
    },
    common: [
      'information',
      'kindly',
      'regards',
      'office',
      'meeting',
      'staff',
      'news',
      'story',
      'people',
      'week',
      'family',
      'school',
    ],
  },
}

/** Styles kept out of training: the held-out families the script reports accuracy on. */
export const HELD_OUT_STYLES = new Set([
  'corrigendum',
  'millCert',
  'indianStandard',
  'tremCard',
  'receipt',
  'circular',
])

export const DOC_TYPES = Object.keys(TYPES)

function table(r, withResults) {
  const rows = r.shuffle(PARAMETERS).slice(0, r.int(4, 10))
  return rows
    .map(([name, method, unit], i) => {
      const lo = r.int(1, 40)
      const hi = lo + r.int(1, 30)
      const limit = r.pick([
        `${lo} - ${hi}`,
        `Min. ${lo}`,
        `NMT ${hi}`,
        `${lo} to ${hi}`,
        'Complies',
        `Max ${hi}`,
      ])
      const result = r.pick([
        String(lo + r.int(0, hi - lo)),
        `<0.${r.int(1, 9)}`,
        'Complies',
        'Passes',
        `${lo}.${r.int(0, 99)}`,
      ])
      return withResults
        ? `${i + 1}   ${name}   ${method}   ${unit}   ${limit}   ${result}`
        : `${i + 1}   ${name}   ${limit} ${unit}   ${method}`
    })
    .join('\n')
}

function list(r) {
  return r
    .shuffle(PARAMETERS)
    .slice(0, r.int(4, 9))
    .map(
      ([name, , unit], i) =>
        `${i + 1}. ${name} : ${r.int(1, 60)}.${r.int(0, 99)} ${unit} (Min. ${r.int(1, 30)})`,
    )
    .join('\n')
}

function fill(line, r, page, pages) {
  return line
    .replace(/\{table\}/g, () => table(r, true))
    .replace(/\{limits\}/g, () => table(r, false))
    .replace(/\{list\}/g, () => list(r))
    .replace(/\{product\}/g, () => r.pick(PRODUCTS))
    .replace(/\{company\}/g, () => r.pick(COMPANIES))
    .replace(/\{buyer\}/g, () => r.pick(BUYERS))
    .replace(/\{city\}/g, () => r.pick(CITIES))
    .replace(/\{date\}/g, () => date(r))
    .replace(/\{year\}/g, () => String(r.int(2023, 2027)))
    .replace(/\{amount\}/g, () => amount(r))
    .replace(/\{rate\}/g, () => `${r.int(10, 999)}.${r.int(10, 99)}`)
    .replace(/\{ref\}/g, () => id(r, r.pick(['EE/PH/', 'WTPS/W/ET/', 'CPWD/', 'PUR/', 'MM/'])))
    .replace(/\{code\}/g, () => r.pick(['WBNPI', 'CPWD', 'MHRD', 'NTPC', 'DJB']))
    .replace(/\{words\}/g, () =>
      r.pick([
        'One Lakh Twenty Thousand',
        'Forty Five Thousand Six Hundred',
        'Three Lakh Thirty Thousand Five Hundred',
      ]),
    )
    .replace(/\{n\}/g, () => String(r.int(10, 99999)))
    .replace(/\{page\}/g, String(page))
    .replace(/\{pages\}/g, String(pages))
}

/**
 * `perStyle` documents of every style of every type, each as lines of text with its type, style
 * and a file name. Lines are subsets of the style's bank in a mostly kept order, with a heading,
 * company block, filler and a few of the type's common words, as real documents vary.
 */
export function sampleDocuments(seed, perStyle) {
  const r = seeded(seed)
  const out = []
  for (const [docType, { styles, common }] of Object.entries(TYPES)) {
    for (const [style, make] of Object.entries(styles)) {
      for (let i = 0; i < perStyle; i++) {
        const [titles, body] = make()
        const kept = body.filter(() => r.next() < 0.75)
        const lines = [
          r.pick(COMPANIES),
          fill(r.pick(FILLER.slice(9)), r, 1, 1),
          fill(r.pick(titles), r, 1, 1),
          ...kept.map((l) => fill(l, r, 1, 1)),
          ...r.some(common, 0.3),
          ...r.some(FILLER, 0.25).map((l) => fill(l, r, 1, 1)),
        ]
        out.push({ name: `${docType}-${style}-${String(i + 1).padStart(3, '0')}.pdf`, docType, style, lines })
      }
    }
  }
  return out
}

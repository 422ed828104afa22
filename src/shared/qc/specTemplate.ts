/** The file name the QC page offers the template under. */
export const SPEC_TEMPLATE_FILE_NAME = 'specification-template.yaml'

/**
 * An example specification, commented, that is valid as it stands (a test parses it with
 * parseSpecification). YAML, so the comments can explain each field; JSON is accepted too.
 */
export const SPEC_TEMPLATE_YAML = `# Pebble Desk specification template.
# Edit the values, keep the field names, and import the file on the QC page
# (QC > Specifications > Import a specification). Lines starting with # are comments.
# Unknown field names are refused, so a typo is reported rather than ignored.

# Required: the product as it appears on the certificate of analysis (COA).
product: Sodium Bicarbonate
# Optional: other names COAs use for the product (trade names, the supplier's name).
productAliases:
  - Sodium hydrogen carbonate
  - Baking soda
# Optional.
productCode: RM-0042
supplier: Example Chemicals Ltd
# Required: a whole number from 1. The desk raises it on every change.
version: 1
# Optional: when this version applies from (YYYY-MM-DD).
effectiveDate: "2026-01-01"
# Optional (0-100, default 60): OCR confidence below which a result goes to review.
confidenceThreshold: 60
# Optional: "none" (default) or "limit-decimals" (round a result to the limit's decimals first).
rounding: none

# Required: at least one parameter. Each needs a name and either "limit" (the text the
# specification sheet prints) or "min" and/or "max" (numbers) - not both.
parameters:
  # A range given as numbers; a bare number is inclusive ("not less than").
  - name: Assay
    aliases: [Purity, Content]
    method: USP <191>
    unit: "%"
    min: 99.0
    max: 100.5
    # Optional: inside the limits but outside this band is a warning.
    warning:
      min: 99.3

  # A limit written as the sheet prints it.
  - name: Lead
    aliases: [Pb]
    limit: NMT 2 ppm

  # An exclusive bound: the result must be strictly below 0.25.
  - name: Loss on drying
    unit: "%"
    max:
      value: 0.25
      inclusive: false

  # A descriptive limit; "required: false" means a COA that does not report it is not sent to review.
  - name: Appearance
    limit: White crystalline powder
    required: false
`

export const HELP = `Pebble Desk — offline desk for tender screening, QC certificates and GS1 scanning.

Usage: pebble-desk [options] <capability> <job> [arguments]

Commands:
  serve [--port N] [--open]   Serve the desk UI on 127.0.0.1 with a per-run token
  documents import <files or folders…>
                              Import documents for the tenant and wait until done
  documents list              List the tenant's imported documents
  documents read <files…> [--mode auto|force-ocr|text-only] [--workers N] [--lang eng|hin|eng+hin] [--no-cache]
                              Text with word boxes for each page (text layer first, OCR where needed)
  documents classify <files|dirs…> [--model doctype.json]
                              Each document's type (tender, coa, specification, msds, invoice,
                              other) by the shipped model, with its confidence and deciding words
  tenders screen <files|dirs…> --profile FILE [--profile FILE…] [--json|--csv] [--xlsx OUT.xlsx]
                 [--model relevance.json]
                              Rank bid documents by screening profiles (JSON or YAML), with key
                              fields (bid number, deadlines, EMD…) and where each match is; with
                              --model, the learned relevance beside the rule score
  train relevance <files|dirs…> --labels labels.csv --out model.json
                              Learn tender relevance from labelled documents (labels.csv:
                              file,label with relevant/irrelevant); the model is written only if it
                              beats the one at --out on the validation split
  train doctype <files|dirs…> --labels labels.csv --out model.json [--description TEXT]
                              The same for document types (tender, coa, specification, msds,
                              invoice, other); npm run train:doctype makes the shipped model
  export-ocr-truth --out DIR [--tenant T]
                              The tenant's corrected OCR lines as tesstrain input (*.png +
                              *.gt.txt), with OCR accuracy measured by people's corrections
  qc check <file> --spec <file|folder> [--batch B] [--today yyyy-mm-dd]
                              Check a Certificate of Analysis against its specification (JSON/YAML)
  qc sample --lot-size N --seed S [--plan iso2859|sqrt|who-n|who-p|who-r] [--level II]
                              Sampling plan and a reproducible pick list for a lot
  scanners listen --port PATH [--baud N]
                              Print scans from a serial scanner as they arrive, until Ctrl+C
  gs1 <data>                  Parse GS1 barcode data (scan, element string, (01)… or Digital Link);
                              write the GS separator as \\x1D, <GS> or {GS}
  tenants                     List tenants
  tenants add <id> <name>     Add a tenant (id: lowercase letters, digits, hyphens)
  backup --out FILE           The whole data folder (every tenant's documents, settings, scanner
                              log, who is at the desk) in one checksummed file
  audit verify [--data DIR]   Check the desk's hash-chained audit trail (users, lockouts,
                              e-signatures); exit 1 naming the first bad entry
  audit export [--from yyyy-mm-dd] [--to yyyy-mm-dd] [--format csv|json] [--out FILE]
                              The trail for a date range with every entry's hash and prevHash
  restore FILE                Check a backup file whole, then swap it in for the data folder (the
                              folder it replaces is kept beside it)
  bulk submit <files|dirs…> --hub URL --token T [--tenant T] --profile FILE [--profile FILE…]
                              Screen a folder of bids on the hub's workers (npm run workers):
                              files go by content hash, each ends screened, duplicate or failed
  bulk status [--run ID] [--wait]
                              Progress of the tenant's bulk runs (--wait: until they are done)
  bulk results --run ID [--json]
                              Every file of a run: score and verdict, the copy it duplicates, or
                              why it failed (PEBBLE_HUB_URL / PEBBLE_HUB_TOKEN stand in for flags)

Earlier names still work: import, documents, ocr, classify, screen, coa, sample, scan.

Options:
  --tenant ID      Tenant to work in (default: the first one)
  --data-dir DIR   Data folder (default: $PEBBLE_DESK_DATA or the per-user data folder); its
                   settings.json (limits, workers, OCR languages) applies to every command
  --workers N      Document worker threads (overrides settings.json)
  --json           Machine-readable output
  --debug          Show stack traces with errors
  -h, --help       Show this help
  -v, --version    Show the version

Exit codes: 0 ok, 1 failure, 2 usage error.
`

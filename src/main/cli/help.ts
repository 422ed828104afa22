export const HELP = `Pebble Desk — offline desk for tender screening, QC certificates and GS1 scanning.

Usage: pebble-desk [options] <capability> <job> [arguments]

Commands:
  serve [--port N] [--open]   Serve the desk UI on 127.0.0.1 with a per-run token
  documents import <files or folders…>
                              Import documents for the tenant and wait until done
  documents list              List the tenant's imported documents
  documents read <files…> [--mode auto|force-ocr|text-only] [--workers N] [--lang eng|eng+hin] [--no-cache]
                              Text with word boxes for each page (text layer first, OCR where needed)
  tenders screen <files|dirs…> --profile FILE [--profile FILE…] [--json|--csv] [--xlsx OUT.xlsx]
                              Rank bid documents by screening profiles (JSON or YAML), with key
                              fields (bid number, deadlines, EMD…) and where each match is
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

Earlier names still work: import, documents, ocr, screen, coa, sample, scan.

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

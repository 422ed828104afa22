export interface EncodedFile {
  name: string
  dataBase64: string
}

/** FileReader does the base64 natively, which is far faster than btoa over a byte string. */
export function readAsBase64(file: File): Promise<EncodedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve({ name: file.name, dataBase64: url.slice(url.indexOf(',') + 1) })
    }
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`))
    reader.readAsDataURL(file)
  })
}

// One upload call per batch keeps each WebSocket frame and each IPC message a sane size; the
// contract allows up to 1000 files per call, but a handful of large scans can already be 100 MB.
const MAX_FILES_PER_BATCH = 50
const MAX_BYTES_PER_BATCH = 24 * 1024 * 1024

export function batchFiles(files: readonly File[]): File[][] {
  const batches: File[][] = []
  let current: File[] = []
  let bytes = 0
  for (const file of files) {
    if (
      current.length > 0 &&
      (current.length >= MAX_FILES_PER_BATCH || bytes + file.size > MAX_BYTES_PER_BATCH)
    ) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += file.size
  }
  if (current.length > 0) batches.push(current)
  return batches
}

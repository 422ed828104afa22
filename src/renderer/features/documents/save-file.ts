/**
 * Hands a file to the browser's (or Electron's) download: exports, templates and audit trails.
 * The object URL is revoked later, since some browsers start the download only after the click
 * handler returns.
 */
export function saveFile(fileName: string, mediaType: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type: mediaType }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

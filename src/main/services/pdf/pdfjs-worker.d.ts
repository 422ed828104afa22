// pdfjs-dist ships no types for its parser half; only its presence matters here (see loadPdfjs).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}

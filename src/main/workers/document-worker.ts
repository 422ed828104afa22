// Worker thread entry for the document pipeline: PDF text layers, rasterising, vision and OCR.
import { serveTasks } from '../services/worker-pool'
import { handleDocumentTask } from '../services/pipeline/documentTasks'

// pdf.js inflates content streams through DecompressionStream when there is one; on Node that is a
// web stream over zlib per stream, slower for the many small streams of text pages than pdf.js's
// own inflate, which it falls back to without it.
Reflect.deleteProperty(globalThis, 'DecompressionStream')

serveTasks(handleDocumentTask)

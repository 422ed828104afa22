// Worker thread entry for the document pipeline: PDF text layers, rasterising, vision and OCR.
import { serveTasks } from '../services/worker-pool'
import { handleDocumentTask } from '../services/pipeline/documentTasks'

serveTasks(handleDocumentTask)

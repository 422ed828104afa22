export { WorkerPool, type RunOptions, type WorkerPoolOptions, type WorkerPoolStats } from './workerPool'
export { serveTasks, type TaskReply } from './serveTasks'
export { taskMessageSchema, workerMessageSchema, type TaskMessage, type WorkerMessage } from './protocol'

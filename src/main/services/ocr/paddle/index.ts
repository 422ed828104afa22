export { createPaddleEngine, type PaddleEngine } from './engine'
export { PADDLE_MODEL_FILES, PADDLE_MODEL_NAME, paddleModelFolder } from './models'

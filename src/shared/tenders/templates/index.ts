export { readWithTemplates, templatesFor } from './apply'
export { learnFieldLabel, type Lesson } from './learn'
export { portalOf, type Portal } from './portal'
export * from './schema'

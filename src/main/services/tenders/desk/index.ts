export { ProfileStore, type ProfileSet } from './profileStore'
export { TendersDesk, type TendersDeskDeps } from './tendersDesk'
export { tendersHandlers, type ScreeningHandlerDeps } from './deskHandlers'
export { FieldTemplateStore, type AdoptedChange, type FieldTemplateSet } from './fieldTemplateStore'

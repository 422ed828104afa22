export { ProfileStore, type ProfileSet } from './profileStore'
export { ScreeningDesk, type ScreeningDeskDeps } from './screeningDesk'
export { screeningHandlers, type ScreeningHandlerDeps } from './deskHandlers'

export { DuplicateFilter } from './dedupe'
export {
  consoleLog,
  ScannerDevice,
  type DeviceDeps,
  type DeviceErrorEvent,
  type DeviceStatus,
  type ScanEvent,
  type ScannerLog,
  type StatusEvent,
} from './device'
export { LineFramer, type FrameEvent } from './framing'
export { ScannerManager, type HotplugEvent, type HotplugStatus, type ManagerOptions } from './manager'
export { garbageReason, normalisePayload } from './payload'
export {
  identify,
  listPorts,
  openSerialPort,
  type OpenSerialLink,
  type PortInfo,
  type PortListing,
  type SerialLink,
} from './ports'
export { parseProfile, scannerProfileSchema, type ScannerProfile, type ScannerProfileInput } from './profile'

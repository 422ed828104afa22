export {
  loadMallocTuning,
  mallocTuningAddonPath,
  PAGE_BUFFER_MMAP_THRESHOLD,
  tuneMallocForPageBuffers,
  type MallocStats,
  type MallocTuningAddon,
} from './mallocTuning'

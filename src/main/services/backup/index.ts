export { writeBackup, backupFiles, type BackupSummary } from './write'
export { restoreBackup, type RestoreSummary } from './restore'
export { DailyBackups, backupFileName, startDailyBackups, type DailyBackupOptions } from './daily'

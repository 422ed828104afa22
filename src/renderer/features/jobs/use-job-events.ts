import { useEffect } from 'react'
import type { Job } from '../../../shared/contract'
import { announce, isActive, upsertJob, useJobStore, useTenantStore } from '../../state'
import { useServices, type DeskServices } from '../services/context'
import { refreshDocuments } from '../tenants/load'

export function describeOutcome(job: Job): string {
  const imported = `${job.completed - job.failed} of ${job.total} ${job.kind === 'extract' ? 'read' : 'imported'}`
  if (job.state === 'cancelled') return `${job.label}: cancelled, ${imported}.`
  if (job.state === 'failed' || job.failed > 0)
    return `${job.label}: finished with errors, ${imported}, ${job.failed} failed.`
  return `${job.label}: finished, ${imported}.`
}

/**
 * Takes a job update from any source (progress event or a method's response). The first time a
 * job is seen finished, the user is told and the documents list is re-read.
 */
export function applyJobUpdate(services: DeskServices, job: Job): void {
  if (job.tenantId !== useTenantStore.getState().currentId) return
  const previous = useJobStore.getState().jobs.find((j) => j.id === job.id)
  const wasFinished = previous !== undefined && !isActive(previous)
  upsertJob(job)
  if (!isActive(job) && !wasFinished) {
    announce(describeOutcome(job))
    void refreshDocuments(services)
  }
}

export function useJobEvents(): void {
  const services = useServices()
  useEffect(() => services.desk.on('jobs.progress', (job) => applyJobUpdate(services, job)), [services])
}

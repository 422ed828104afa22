import { useId } from 'react'
import { useTenantStore } from '../../state'
import { useServices } from '../services/context'
import { switchTenant } from './load'

export function TenantPicker() {
  const services = useServices()
  const tenants = useTenantStore((s) => s.tenants)
  const currentId = useTenantStore((s) => s.currentId)
  const switching = useTenantStore((s) => s.switching)
  const error = useTenantStore((s) => s.error)
  const errorId = useId()

  return (
    <div className="tenant-picker">
      <select
        aria-label="Tenant"
        value={currentId ?? ''}
        aria-busy={switching}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          if (event.target.value) void switchTenant(services, event.target.value)
        }}
      >
        {currentId === null && (
          <option value="" disabled>
            {tenants.length === 0 ? 'No tenants yet' : 'Choose a tenant…'}
          </option>
        )}
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} role="alert" className="inline-error">
          {error}
        </p>
      )}
    </div>
  )
}

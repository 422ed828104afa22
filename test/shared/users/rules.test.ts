import { describe, expect, it } from 'vitest'
import { accessProblem } from '../../../src/shared/contract'
import { secretProblem, signatureProblem } from '../../../src/shared/users'

describe('PIN and passphrase strength', () => {
  it('takes a six-digit PIN that is not a run, or a twelve-character passphrase', () => {
    expect(secretProblem('583920')).toBeNull()
    expect(secretProblem('correct horse battery')).toBeNull()
  })

  it('refuses short, repeated and sequential secrets with the reason', () => {
    expect(secretProblem('4321')).toMatch(/at least 6 digits/)
    expect(secretProblem('111111')).toMatch(/repeated or a run/)
    expect(secretProblem('123456')).toMatch(/repeated or a run/)
    expect(secretProblem('987654')).toMatch(/repeated or a run/)
    expect(secretProblem('password')).toMatch(/at least 12 characters/)
    expect(secretProblem('aaaaaaaaaaaaaa')).toMatch(/one character repeated/)
  })
})

describe('second-person verification', () => {
  const reviewer = { name: 'Ravi Rao', roles: ['qc-reviewer'] as const }
  const technician = { name: 'Ann Lee', roles: ['qc-technician'] as const }

  it('lets a different qc-reviewer approve the technician’s work', () => {
    expect(signatureProblem({ ...reviewer, roles: [...reviewer.roles] }, 'approved', 'Ann Lee')).toBeNull()
  })

  it('refuses the author verifying their own work, whatever their roles', () => {
    const both = { name: 'Ann Lee', roles: ['qc-technician' as const, 'qc-reviewer' as const] }
    expect(signatureProblem(both, 'approved', 'ann lee')).toMatch(/different person/)
    expect(signatureProblem(both, 'rejected', 'Ann Lee')).toMatch(/different person/)
  })

  it('refuses a verifier without the qc-reviewer role', () => {
    expect(signatureProblem({ ...technician, roles: [...technician.roles] }, 'approved', 'Bo')).toMatch(
      /needs the role qc-reviewer/,
    )
    expect(signatureProblem({ name: 'Sam', roles: ['scanner-operator'] }, 'reviewed')).toMatch(/cannot sign/)
  })
})

describe('the role map', () => {
  it('refuses a scanner operator a COA check and a tender analyst a QC call', () => {
    expect(accessProblem('qc.check', ['scanner-operator'])).toMatch(/needs the role/)
    expect(accessProblem('qc.check', ['tender-analyst'])).toMatch(/needs the role/)
    expect(accessProblem('qc.check', ['qc-technician'])).toBeNull()
  })

  it('refuses a QC technician a screening profile edit, and anyone but an admin user management', () => {
    expect(accessProblem('tenders.profiles.save', ['qc-technician'])).toMatch(/tender-analyst/)
    expect(accessProblem('tenders.profiles.save', ['tender-analyst'])).toBeNull()
    expect(accessProblem('users.add', ['qc-reviewer'])).toMatch(/admin/)
  })

  it('asks nobody to sign in for the sign-in screen, and everyone else to sign in', () => {
    expect(accessProblem('users.signIn', null)).toBeNull()
    expect(accessProblem('app.info', null)).toBeNull()
    expect(accessProblem('documents.list', null)).toMatch(/sign in first/)
    expect(accessProblem('documents.list', ['scanner-operator'])).toBeNull()
  })
})

import type { Page } from 'playwright-core'

/** The first admin every e2e desk gets: a passphrase that passes the desk's strength rule. */
export const E2E_SECRET = 'e2e admin passphrase'

/**
 * Signs the page in the way a person does: on a new desk the first start asks for the first admin
 * (who then is `name`), on a desk that has users it asks to sign in. Waits until the desk shows who
 * is signed in, so the next step of a test sees the desk itself, not the sign-in screen.
 */
export async function signIn(page: Page, name = 'e2e.admin', secret = E2E_SECRET): Promise<void> {
  const first = page.getByRole('form', { name: 'Create the first admin' })
  const again = page.getByRole('form', { name: 'Sign in' })
  await first.or(again).waitFor({ timeout: 30_000 })
  const form = (await first.isVisible()) ? first : again
  await form.getByLabel('Your name').fill(name)
  await form.getByLabel('PIN or passphrase').fill(secret)
  if (form === first) await form.getByLabel('Repeat it').fill(secret)
  await form.getByRole('button').click()
  await page.getByText(`Signed in: ${name}`).waitFor({ timeout: 30_000 })
}

/** Posts a Slack-compatible message; resolves to whether the receiver accepted it (2xx). */
export type WebhookSender = (url: string, message: { text: string }) => Promise<boolean>

export const postWebhook: WebhookSender = async (url, message) => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(10_000),
    })
    await response.body?.cancel()
    return response.ok
  } catch {
    return false
  }
}

/** Sends to every URL; true only if all accepted, so a failed delivery is retried next tick. */
export async function broadcast(
  send: WebhookSender,
  urls: readonly string[],
  text: string,
): Promise<boolean> {
  const results = await Promise.all(urls.map((url) => send(url, { text })))
  return results.every(Boolean)
}

export function bundleForNode(
  entries: Record<string, string>,
  outDir: string,
): Promise<Record<string, string>>
export function buildHub(outDir?: string): Promise<Record<string, string>>

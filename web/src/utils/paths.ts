// A path on this site ("/needs/3"), never another origin ("//evil", "/\evil", "https://…"): links the server hands
// over (the place to return to after logging in, a notification's record) are followed only when they are one.
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string') return null
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null
  return value
}

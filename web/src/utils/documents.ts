import type { DocumentVersion } from '@/api/types'

// One file name with its versions, newest first (the server's order is kept).
export interface DocumentGroup {
  name: string
  latest: DocumentVersion
  versions: DocumentVersion[]
}

// Groups the server's list (by name, then newest version first) by file name; groups keep the server's order.
export function groupByName(items: readonly DocumentVersion[]): DocumentGroup[] {
  const groups = new Map<string, DocumentVersion[]>()
  for (const d of items) {
    const list = groups.get(d.name)
    if (list) list.push(d)
    else groups.set(d.name, [d])
  }
  return [...groups.entries()].map(([name, versions]) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version)
    return { name, latest: sorted[0], versions: sorted }
  })
}

// The note an assessment's evidence for question N carries.
export function questionNote(no: number): string {
  return `第${no}题`
}

export function shortHash(hash: string | null | undefined, n = 12): string {
  if (!hash) return '—'
  return hash.length > n ? `${hash.slice(0, n)}…` : hash
}

// What the file picker offers; the server decides by the content.
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.zip,.mp4'

// Words of 信息发布 and the public portal.
import type { ArticleKind } from '@/api/types'

export const ARTICLE_KINDS: readonly { code: ArticleKind; name: string }[] = [
  { code: 'notice', name: '通知公告' },
  { code: 'policy', name: '政策文件' },
  { code: 'case', name: '典型案例' },
]

export function articleKindName(kind: string): string {
  return ARTICLE_KINDS.find((k) => k.code === kind)?.name ?? kind
}

// A figure of the open data; a hidden one (fewer than 3, or one the totals would reveal) reads "<3".
export function openDataCell(v: number | null): string {
  return v === null ? '<3' : String(v)
}

export const ARTICLE_STATES = [
  { code: 'draft', name: '草稿' },
  { code: 'in_review', name: '待审核' },
  { code: 'published', name: '已发布' },
  { code: 'withdrawn', name: '已撤回' },
]

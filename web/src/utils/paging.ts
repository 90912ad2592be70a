// Lists the server answers whole (the newest few hundred) shown page by page like the paged ones: the page is cut
// here, so usePagedList, ListPager and the address work the same.
import type { PageQuery } from '@/api'
import type { Query } from '@/api/http'
import type { Page } from '@/api/types'

export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize
  return { items: items.slice(start, start + pageSize), total: items.length, page, page_size: pageSize }
}

// A paged list's fetch over a whole-list call: the filters go to the server, the page is cut here.
export function pagedLocally<T>(fetch: (filters: Query) => Promise<{ items: T[] }>): (query: PageQuery) => Promise<Page<T>> {
  return async ({ page, page_size, ...filters }) => pageOf((await fetch(filters)).items, page, page_size)
}

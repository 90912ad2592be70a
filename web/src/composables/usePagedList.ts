// One paged list: filters, page and page size, the rows of the page and their total, loading and error
// state, and a sequence guard so that an older answer arriving late never overwrites a newer one.
// Pages render it with <ListFilters :list> and <ListPager :list>.
import { computed, onMounted, reactive, ref, watch, type ComputedRef, type Ref } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import type { PageQuery } from '@/api'
import { errorMessage, type Query } from '@/api/http'
import type { Page } from '@/api/types'

export const PAGE_SIZES = [10, 20, 50, 100]
export const DEFAULT_PAGE_SIZE = 20

// Every filter is a string ('' = not set), so it can live in the address as it is.
export type Filters = Record<string, string>

export interface PagedListOptions<T, F extends Filters> {
  // The empty filters: the form starts from them and 重置 returns to them.
  filters: () => F
  fetch: (query: PageQuery) => Promise<Page<T>>
  // Filters → API query. By default every non-empty filter, trimmed, under its own name.
  params?: (filters: F) => Query
  // Keep filters, page and page size in the address, so a reload, the back button or a shared link keeps them.
  syncUrl?: boolean
  // After each answer (rows or error) to the latest request: a page that refreshes itself schedules it here.
  onLoaded?: () => void
}

// What the pager needs.
export interface PagerControl {
  page: Ref<number>
  pageSize: Ref<number>
  total: Ref<number>
  changePage: (page: number) => void
  changePageSize: (size: number) => void
}

// What the filter bar needs.
export interface FilterControl {
  search: () => void
  reset: () => void
}

export interface PagedList<T, F extends Filters> extends PagerControl, FilterControl {
  filters: F
  items: Ref<T[]>
  loading: Ref<boolean>
  error: Ref<string | null>
  // The page the rows shown belong to (0 before the first answer).
  loadedPage: Ref<number>
  // The total to show beside the list: null until the first answer (not a 0 the page does not know yet).
  shownTotal: ComputedRef<number | null>
  // The filters of the rows shown, as sent (an export takes exactly these).
  shownQuery: Ref<Query>
  // quiet: a background refresh — no loading mask, and the rows stay if it fails.
  load: (options?: { quiet?: boolean }) => Promise<void>
}

export function defaultParams(filters: Filters): Query {
  const query: Query = {}
  for (const [key, value] of Object.entries(filters)) {
    const v = value.trim()
    if (v) query[key] = v
  }
  return query
}

function firstString(v: LocationQuery[string] | undefined): string | null {
  if (typeof v === 'string') return v
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0]
  return null
}

function positiveInt(v: string | null): number | null {
  if (!v || !/^\d+$/.test(v)) return null
  const n = Number.parseInt(v, 10)
  return n > 0 ? n : null
}

// A query compared by its content, whatever the order of its keys.
function queryKey(q: LocationQuery | Record<string, string>): string {
  const entries = Object.entries(q)
    .map(([k, v]) => [k, firstString(v as LocationQuery[string])] as const)
    .filter(([, v]) => v !== null && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(entries)
}

export function usePagedList<T, F extends Filters>(options: PagedListOptions<T, F>): PagedList<T, F> {
  const filters = reactive(options.filters()) as F
  const params = options.params ?? defaultParams
  const page = ref(1)
  const pageSize = ref(DEFAULT_PAGE_SIZE)
  const items = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const loadedPage = ref(0)
  const shownQuery = ref<Query>({})
  let seq = 0

  async function load({ quiet = false }: { quiet?: boolean } = {}): Promise<void> {
    const mine = ++seq
    const query = params(filters)
    if (!quiet) {
      loading.value = true
      error.value = null
    }
    try {
      const r = await options.fetch({ ...query, page: page.value, page_size: pageSize.value })
      if (mine !== seq) return
      items.value = r.items
      total.value = r.total
      loadedPage.value = r.page ?? page.value
      shownQuery.value = query
      error.value = null
    } catch (e) {
      if (mine !== seq) return
      if (!quiet) {
        items.value = []
        total.value = 0
      }
      error.value = errorMessage(e)
    } finally {
      if (mine === seq) {
        loading.value = false
        options.onLoaded?.()
      }
    }
  }

  // ---- the address ----
  const route = options.syncUrl ? useRoute() : null
  const router = options.syncUrl ? useRouter() : null
  const routeName = route?.name
  // What this list last put in the address; an address that differs came from outside (a link, the menu).
  let written = ''

  function readUrl() {
    if (!route) return
    const q = route.query
    const empty: Filters = options.filters()
    const target: Filters = filters
    for (const key of Object.keys(empty)) target[key] = firstString(q[key]) ?? empty[key]
    page.value = positiveInt(firstString(q.page)) ?? 1
    const size = positiveInt(firstString(q.page_size))
    pageSize.value = size !== null && PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE
    written = queryKey(q)
  }

  function writeUrl() {
    if (!router) return
    const query: Record<string, string> = {}
    for (const [key, value] of Object.entries(filters)) if (value.trim()) query[key] = value.trim()
    if (page.value > 1) query.page = String(page.value)
    if (pageSize.value !== DEFAULT_PAGE_SIZE) query.page_size = String(pageSize.value)
    written = queryKey(query)
    void router.replace({ query })
  }

  if (route) {
    watch(
      () => route.query,
      (q) => {
        if (route.name !== routeName || queryKey(q) === written) return
        readUrl()
        void load()
      },
    )
  }

  // ---- what the controls do ----
  function go() {
    writeUrl()
    void load()
  }

  function search() {
    page.value = 1
    go()
  }

  function reset() {
    Object.assign(filters, options.filters())
    search()
  }

  function changePage(p: number) {
    page.value = p
    go()
  }

  function changePageSize(size: number) {
    pageSize.value = size
    page.value = 1
    go()
  }

  readUrl()
  onMounted(() => void load())

  return {
    filters,
    page,
    pageSize,
    items,
    total,
    loading,
    error,
    loadedPage,
    shownTotal: computed(() => (loadedPage.value > 0 ? total.value : null)),
    shownQuery,
    load,
    search,
    reset,
    changePage,
    changePageSize,
  }
}

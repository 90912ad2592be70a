// A list the server answers whole (no pages) under a few filters: the filter bar's 查询 and 重置, the rows of the
// latest answer, loading and error. Pages render it with <ListFilters :list>. With `fromQuery`, the filters start
// from the address (a link such as /providers?status=rectifying opens on that filter).
import { onMounted, reactive, type Ref } from 'vue'
import { useRoute } from 'vue-router'
import type { Query } from '@/api/http'
import type { FilterControl, Filters } from './usePagedList'
import { defaultParams } from './usePagedList'
import { useLatest } from './useLatest'

export interface FilteredList<T, F extends Filters> extends FilterControl {
  filters: F
  items: Ref<T[] | null>
  loading: Ref<boolean>
  error: Ref<string | null>
  load: (options?: { keep?: boolean }) => Promise<void>
}

export function useFilteredList<T, F extends Filters>(
  empty: () => F,
  fetch: (query: Query) => Promise<{ items: T[] }>,
  { fromQuery = false }: { fromQuery?: boolean } = {},
): FilteredList<T, F> {
  const filters = reactive(empty()) as F
  if (fromQuery) {
    const q = useRoute().query
    const target: Filters = filters
    for (const key of Object.keys(target)) if (typeof q[key] === 'string') target[key] = q[key] as string
  }
  const { data, loading, error, run } = useLatest<T[]>()
  const load = ({ keep = false } = {}) => run(async () => (await fetch(defaultParams(filters))).items, { keep })
  onMounted(() => void load())
  return {
    filters,
    items: data,
    loading,
    error,
    load,
    search: () => void load(),
    reset: () => {
      Object.assign(filters, empty())
      void load()
    },
  }
}

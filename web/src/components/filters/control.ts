import { inject, type InjectionKey } from 'vue'
import type { FilterControl } from '@/composables/usePagedList'

// Given by ListFilters to the fields inside it.
export const FILTER_CONTROL: InjectionKey<FilterControl> = Symbol('filter-control')

// Search again now (a choice was made or a field cleared); a field outside a ListFilters does nothing.
export function useSearchNow(): () => void {
  const control = inject(FILTER_CONTROL, null)
  return () => control?.search()
}

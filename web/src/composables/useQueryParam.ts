// One choice of a page kept in the address (`?tab=keys`, `?industry=aluminium`), so a reload, the back button or a
// shared link keeps it: a value not among `allowed()` reads as `fallback()`, and the fallback itself is left out of
// the address. Both are functions because what is allowed may depend on the user or on data still loading.
import { computed, type WritableComputedRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'

export function useQueryParam(name: string, allowed: () => readonly string[], fallback: () => string): WritableComputedRef<string> {
  const route = useRoute()
  const router = useRouter()
  return computed({
    get: () => {
      const v = route.query[name]
      return typeof v === 'string' && allowed().includes(v) ? v : fallback()
    },
    set: (v: string) => {
      const query = { ...route.query }
      if (v && v !== fallback()) query[name] = v
      else delete query[name]
      void router.replace({ query })
    },
  })
}

// One value loaded on demand (a record for a drawer, a status page), where only the latest request counts:
// an answer to an earlier request that arrives late is dropped.
import { ref, type Ref } from 'vue'
import { errorMessage } from '@/api/http'

export interface Latest<T> {
  data: Ref<T | null>
  loading: Ref<boolean>
  error: Ref<string | null>
  // keep: leave the current value shown while the new one loads (a refresh) instead of clearing it.
  run: (fetch: () => Promise<T>, options?: { keep?: boolean }) => Promise<void>
}

export function useLatest<T>(): Latest<T> {
  const data = ref(null) as Ref<T | null>
  const loading = ref(false)
  const error = ref<string | null>(null)
  let seq = 0

  async function run(fetch: () => Promise<T>, { keep = false }: { keep?: boolean } = {}) {
    const mine = ++seq
    if (!keep) data.value = null
    error.value = null
    loading.value = true
    try {
      const v = await fetch()
      if (mine === seq) data.value = v
    } catch (e) {
      if (mine === seq) error.value = errorMessage(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  return { data, loading, error, run }
}

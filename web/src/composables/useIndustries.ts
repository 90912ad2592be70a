// The pilot's industries (reference data, fetched once per page load) and their names for the codes records carry.
// A name that cannot be read stays the code.
import { computed, ref } from 'vue'
import { referenceApi } from '@/api'
import type { Industry } from '@/api/types'

export function useIndustries() {
  const industries = ref<Industry[]>([])
  referenceApi
    .industries()
    .then((r) => (industries.value = r.items))
    .catch(() => undefined)
  const byCode = computed(() => new Map(industries.value.map((i) => [i.code, i])))
  const name = (code: string | null | undefined) => (code ? (byCode.value.get(code)?.name ?? code) : '—')
  const shortNames = (codes: readonly string[] | undefined) =>
    codes?.length ? codes.map((c) => byCode.value.get(c)?.short_name ?? c).join('、') : '—'
  // As filter and form options ({code, name}).
  const options = computed(() => industries.value.map((i) => ({ code: i.code, name: i.name })))
  return { industries, options, name, shortNames }
}

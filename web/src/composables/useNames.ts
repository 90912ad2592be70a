// Names for the numbers the funding records carry (a subsidy, a loan or a pool entry names its enterprise and
// provider by number only): the provider directory (public) and each enterprise the caller may read, fetched
// once per page load. A name that cannot be read stays a number ("企业 #108").
import { ref, watch, type Ref } from 'vue'
import { enterpriseApi, providerApi } from '@/api'

const enterpriseNames = new Map<number, Promise<string | null>>()

function enterpriseName(id: number): Promise<string | null> {
  let p = enterpriseNames.get(id)
  if (!p) {
    p = enterpriseApi.get(id).then(
      (e) => e.name,
      () => null,
    )
    enterpriseNames.set(id, p)
  }
  return p
}

export function useNames(enterpriseIds: () => (number | null | undefined)[]) {
  const enterprises = ref(new Map<number, string>()) as Ref<Map<number, string>>
  const providers = ref(new Map<number, string>()) as Ref<Map<number, string>>

  providerApi
    .list()
    .then((list) => (providers.value = new Map(list.map((p) => [p.id, p.name]))))
    .catch(() => undefined)

  watch(
    () => [...new Set(enterpriseIds().filter((id): id is number => typeof id === 'number'))].sort((a, b) => a - b).join(','),
    async (key) => {
      const ids = key ? key.split(',').map(Number) : []
      const missing = ids.filter((id) => !enterprises.value.has(id))
      if (!missing.length) return
      const names = await Promise.all(missing.map(enterpriseName))
      const next = new Map(enterprises.value)
      missing.forEach((id, i) => {
        if (names[i]) next.set(id, names[i]!)
      })
      enterprises.value = next
    },
    { immediate: true },
  )

  return {
    enterprise: (id: number | null | undefined) => (id == null ? '—' : (enterprises.value.get(id) ?? `企业 #${id}`)),
    provider: (id: number | null | undefined) => (id == null ? '—' : (providers.value.get(id) ?? `服务商 #${id}`)),
  }
}

// The districts (reference data) and their names for the codes records carry; a name that cannot be read stays the
// code. Fetched once per page load.
import { computed, ref } from 'vue'
import { referenceApi } from '@/api'
import type { District } from '@/api/types'

let shared: Promise<District[]> | null = null

function districts(): Promise<District[]> {
  if (!shared) {
    const mine = referenceApi.districts().then((r) => r.items)
    shared = mine
    mine.catch(() => {
      if (shared === mine) shared = null
    })
  }
  return shared
}

export function useDistricts() {
  const list = ref<District[]>([])
  districts()
    .then((items) => (list.value = items))
    .catch(() => undefined)
  const byCode = computed(() => new Map(list.value.map((d) => [d.code, d.name])))
  const name = (code: string | null | undefined) => (code ? (byCode.value.get(code) ?? code) : '—')
  return { districts: list, name }
}

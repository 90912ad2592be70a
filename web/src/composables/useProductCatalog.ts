// The 小快轻准 catalogue (scenario categories, deployments, the 可复制 threshold), fetched once per page load.
import { ref } from 'vue'
import { productApi } from '@/api'
import { errorMessage } from '@/api/http'
import type { ProductCatalog } from '@/api/types'

export function useProductCatalog() {
  const catalog = ref<ProductCatalog | null>(null)
  const error = ref<string | null>(null)
  productApi
    .catalog()
    .then((c) => (catalog.value = c))
    .catch((e) => (error.value = errorMessage(e)))
  return { catalog, error }
}

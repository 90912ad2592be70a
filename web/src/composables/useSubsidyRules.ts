// The subsidy rule sets (public data, fetched once per page load): the one in force (newest) for approving, and the
// one a recorded approval names, for naming its caps.
import { computed, ref } from 'vue'
import { subsidyApi } from '@/api'
import { errorMessage } from '@/api/http'
import type { SubsidyRuleSet } from '@/api/types'

let cached: Promise<SubsidyRuleSet[]> | null = null

function load(): Promise<SubsidyRuleSet[]> {
  if (!cached) {
    cached = subsidyApi.rules().then((r) => [...r.items].sort((a, b) => b.effective_from.localeCompare(a.effective_from)))
    cached.catch(() => (cached = null))
  }
  return cached
}

export function useSubsidyRules() {
  const ruleSets = ref<SubsidyRuleSet[]>([])
  const error = ref<string | null>(null)
  load()
    .then((r) => (ruleSets.value = r))
    .catch((e) => (error.value = errorMessage(e)))
  const current = computed(() => ruleSets.value[0] ?? null)
  const byVersion = (version: string | null | undefined) => ruleSets.value.find((r) => r.version === version) ?? current.value
  // A scheme's caps (id and label) under a version, to name "此前已核定" lines.
  const capsOf = (version: string | null | undefined, scheme: string) =>
    byVersion(version)?.schemes.find((s) => s.code === scheme)?.caps ?? []
  const awardName = (code: string | null | undefined) => current.value?.awards.find((a) => a.code === code)?.name ?? code ?? ''
  return { ruleSets, current, error, byVersion, capsOf, awardName }
}

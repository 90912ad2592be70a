// One of the server's workflows (GET /api/v1/workflows), fetched once per page load: its states for a filter and
// for names, its moves' tags. Which moves a record allows now is never decided here — each record's `actions` say so.
import { computed, ref } from 'vue'
import { referenceApi } from '@/api'
import { errorMessage } from '@/api/http'
import type { Workflow } from '@/api/types'

export function useWorkflow(name: string) {
  const workflow = ref<Workflow | null>(null)
  const error = ref<string | null>(null)
  referenceApi
    .workflows()
    .then((all) => {
      workflow.value = all.find((w) => w.name === name) ?? null
      if (!workflow.value) error.value = `服务器未提供流程：${name}`
    })
    .catch((e) => (error.value = errorMessage(e)))
  const states = computed(() => workflow.value?.states ?? [])
  // The state's name, or its code until the workflow has arrived.
  const stateName = (code: string) => states.value.find((s) => s.code === code)?.name ?? code
  // Whether the move `action` carries the tag (a provider's sanction).
  const tagged = (action: string, tag: string) => !!workflow.value?.moves.some((m) => m.action === action && m.tags.includes(tag))
  return { workflow, states, stateName, tagged, error }
}

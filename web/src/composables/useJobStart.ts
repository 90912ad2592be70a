// Starting a background job (an export, an import) to follow in <JobProgressDialog v-model:open :job>: `starting`
// while the request is in flight, then the dialog opens on the queued job. A refusal is shown as a message and
// returned, so a form can show it too.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { errorMessage } from '@/api/http'
import type { Job } from '@/api/types'

export function useJobStart() {
  const starting = ref(false)
  const job = ref<Job | null>(null)
  const open = ref(false)

  // The error message, or null when the job was queued.
  async function start(request: () => Promise<{ job: Job }>): Promise<string | null> {
    starting.value = true
    try {
      job.value = (await request()).job
      open.value = true
      return null
    } catch (e) {
      const message = errorMessage(e)
      ElMessage.error(message)
      return message
    } finally {
      starting.value = false
    }
  }

  return { starting, job, open, start }
}

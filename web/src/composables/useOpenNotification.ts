// Opening a 站内消息 (from the bell or the notifications page): it is marked read, then its record's page opens when
// it names one. A refusal to mark it is shown; the page opens anyway.
import { ElMessage } from 'element-plus'
import { useRouter } from 'vue-router'
import { errorMessage } from '@/api/http'
import type { Notification } from '@/api/types'
import { useNotificationStore } from '@/stores/notifications'
import { notificationTarget } from '@/utils/notify'

export function useOpenNotification(): (n: Notification) => Promise<void> {
  const router = useRouter()
  const store = useNotificationStore()
  return async (n) => {
    if (!n.read) {
      try {
        await store.markRead(n.id)
      } catch (e) {
        ElMessage.error(errorMessage(e))
      }
    }
    const to = notificationTarget(n.link)
    if (to) await router.push(to)
  }
}

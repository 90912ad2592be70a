// The caller's unread 站内消息 as the header's bell shows them: the count and the newest few. The bell refreshes it
// (on each page and every minute); the notifications page and the bell mark read through it, so both agree.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { notificationApi } from '@/api'
import type { Notification } from '@/api/types'

// How many of the newest unread the bell lists.
const SHOWN = 5

export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0)
  const latest = ref<Notification[]>([])
  let seq = 0

  // A failed refresh keeps what is shown: the bell is a hint, the page says what went wrong.
  async function refresh(): Promise<void> {
    const mine = ++seq
    try {
      const r = await notificationApi.list(true)
      if (mine !== seq) return
      unread.value = r.unread
      latest.value = r.items.slice(0, SHOWN)
    } catch {
      // keep the last count
    }
  }

  async function markRead(id: number): Promise<void> {
    await notificationApi.read(id)
    await refresh()
  }

  async function markAllRead(): Promise<void> {
    await notificationApi.readAll()
    await refresh()
  }

  // On logging out: the next user starts from nothing.
  function clear(): void {
    ++seq
    unread.value = 0
    latest.value = []
  }

  return { unread, latest, refresh, markRead, markAllRead, clear }
})

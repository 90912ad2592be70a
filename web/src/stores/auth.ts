import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi } from '@/api'
import { ApiError, rememberCsrfToken } from '@/api/http'
import type { User } from '@/api/types'
import { hasAnyRole } from '@/utils/roles'

export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null)
  const loaded = ref(false)
  // Set when the session check failed for a reason other than "not logged in" (server down, ...).
  const loadError = ref<string | null>(null)
  let loading: Promise<void> | null = null

  const isLoggedIn = computed(() => user.value !== null)

  // Restores the session from the HttpOnly cookie once per page load: 401 means not logged in.
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    if (!loading) {
      loading = authApi
        .me()
        .then((r) => {
          user.value = r.user
          loadError.value = null
        })
        .catch((e: unknown) => {
          user.value = null
          loadError.value = e instanceof ApiError && e.status === 401 ? null : (e as Error).message
        })
        .finally(() => {
          loaded.value = true
          loading = null
        })
    }
    return loading
  }

  async function login(username: string, password: string): Promise<void> {
    const r = await authApi.login(username, password)
    rememberCsrfToken(r.csrf_token ?? null)
    user.value = r.user
    loaded.value = true
    loadError.value = null
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  function clear(): void {
    user.value = null
    loaded.value = true
    rememberCsrfToken(null)
  }

  function hasRole(...roles: string[]): boolean {
    return hasAnyRole(user.value, roles)
  }

  return { user, loaded, loadError, isLoggedIn, ensureLoaded, login, logout, clear, hasRole }
})

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi } from '@/api'
import { ApiError, rememberCsrfToken } from '@/api/http'
import type { LoginResponse, PendingLogin, User } from '@/api/types'
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

  // The password step: signed in, or (an administrator) a pending login that awaits its second factor.
  async function login(username: string, password: string): Promise<PendingLogin | null> {
    const r = await authApi.login(username, password)
    if ('pending_token' in r) return r
    signedIn(r)
    return null
  }

  // The second step: a TOTP code or a recovery code; the answer may carry the recovery codes of a new enrolment.
  async function verify(pendingToken: string, second: { code: string } | { recovery_code: string }): Promise<LoginResponse> {
    const r = await authApi.verify(pendingToken, second)
    signedIn(r)
    return r
  }

  function signedIn(r: LoginResponse): void {
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

  return { user, loaded, loadError, isLoggedIn, ensureLoaded, login, verify, logout, clear, hasRole }
})

import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import router from './router'
import { setUnauthorizedHandler } from './api/http'
import { useAuthStore } from './stores/auth'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(router)

// A 401 on an ordinary call means the session ended (expired, logged out elsewhere, locked):
// forget the user and go to the login page, coming back here afterwards.
let redirecting = false
setUnauthorizedHandler(() => {
  const auth = useAuthStore(pinia)
  if (!auth.isLoggedIn || redirecting) return
  redirecting = true
  auth.clear()
  ElMessage.warning('登录已过期，请重新登录')
  const current = router.currentRoute.value
  void router
    .replace({ name: 'login', query: current.fullPath === '/' ? {} : { redirect: current.fullPath } })
    .finally(() => {
      redirecting = false
    })
})

app.mount('#app')

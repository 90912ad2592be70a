import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { hasAnyRole } from '@/utils/roles'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    // Roles allowed to open the page; absent means any logged-in user.
    roles?: string[]
    // Reachable without logging in.
    public?: boolean
  }
}

export const PLATFORM_NAME = '郑州市中小企业数字化转型公共服务平台'

export const ENTERPRISE_ROLES = ['city_admin', 'district_officer', 'enterprise']
export const ADMIN_ROLES = ['city_admin']

const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('@/views/LoginView.vue'),
      meta: { title: '登录', public: true },
    },
    {
      path: '/',
      component: () => import('@/layouts/MainLayout.vue'),
      children: [
        { path: '', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { title: '首页' } },
        {
          path: 'targets',
          name: 'targets',
          component: () => import('@/views/TargetsView.vue'),
          meta: { title: '目标任务' },
        },
        {
          path: 'enterprises',
          name: 'enterprises',
          component: () => import('@/views/EnterprisesView.vue'),
          meta: { title: '试点企业', roles: ENTERPRISE_ROLES },
        },
        {
          path: 'admin/users',
          name: 'admin-users',
          component: () => import('@/views/admin/UsersView.vue'),
          meta: { title: '用户管理', roles: ADMIN_ROLES },
        },
        {
          path: 'admin/login-log',
          name: 'admin-login-log',
          component: () => import('@/views/admin/LoginLogView.vue'),
          meta: { title: '登录日志', roles: ADMIN_ROLES },
        },
        {
          path: 'forbidden',
          name: 'forbidden',
          component: () => import('@/views/ForbiddenView.vue'),
          meta: { title: '无权访问' },
        },
        {
          path: ':pathMatch(.*)*',
          name: 'not-found',
          component: () => import('@/views/NotFoundView.vue'),
          meta: { title: '页面不存在' },
        },
      ],
    },
  ],
})

// Only same-site paths may be used as the place to return to after logging in.
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null
  if (value.startsWith('/login')) return null
  return value
}

router.beforeEach(async (to): Promise<boolean | RouteLocationRaw> => {
  const auth = useAuthStore()
  await auth.ensureLoaded()
  if (to.meta.public) {
    if (to.name === 'login' && auth.isLoggedIn) return safeRedirect(to.query.redirect) ?? '/'
    return true
  }
  if (!auth.isLoggedIn) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (!hasAnyRole(auth.user, to.meta.roles)) {
    return { name: 'forbidden', query: { from: to.fullPath } }
  }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ${PLATFORM_NAME}` : PLATFORM_NAME
})

export default router

import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type RouteRecordSingleView,
} from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { hasAnyRole } from '@/utils/roles'
import { sameSitePath } from '@/utils/paths'
import { FEATURES } from '@/features'
import { page } from '@/features/feature'

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
// 三员分立: accounts and roles, the audit trail and login log, the running of the platform — each its own role.
export const SECURITY_ROLES = ['security_admin']
export const AUDIT_ROLES = ['audit_admin']
export const SYSTEM_ROLES = ['system_admin']
// Jobs: each sees its own; the system administrator sees them all. Schedules run the city's business as the city
// admin who saves them; the system administrator reads them.
export const JOB_ROLES = ['city_admin', 'system_admin', 'audit_admin']
export const SCHEDULE_ROLES = ['city_admin', 'system_admin']
// 数据驾驶舱 (their home page), 监测通报 and 退出与增补.
export const OFFICIAL_ROLES = ['city_admin', 'district_officer']
// Who may open an enterprise's 评测 records; the server narrows it to the enterprise's own, its district's, or an
// assigned expert's.
export const ASSESSMENT_ROLES = ['city_admin', 'district_officer', 'enterprise', 'expert']
// 一企一策 projects: the server narrows the list to the caller's own (enterprise, district, provider, assigned expert).
export const PROJECT_ROLES = ['city_admin', 'district_officer', 'enterprise', 'provider', 'expert']
// 专家评审: the city organises rounds, experts score.
export const REVIEW_ROLES = ['city_admin', 'expert']
// 补助核定: the city approves and pays; districts, enterprises and providers read what concerns them.
export const SUBSIDY_ROLES = ['city_admin', 'district_officer', 'enterprise', 'provider']
// 数字贷: banks record and confirm, enterprises apply, the city approves the interest subsidy.
export const LOAN_ROLES = ['city_admin', 'enterprise', 'bank']
// 遴选与考核 (公开遴选、能进能出、定期考核 reports): the parties to the provider directory's oversight; the server
// refuses the reports to enterprises and banks.
export const PROVIDER_PROGRAMME_ROLES = ['city_admin', 'district_officer', 'expert', 'provider']
// 信息发布: the city and the districts write; the city publishes.
export const EDITOR_ROLES = ['city_admin', 'district_officer']
// 企商互动 (needs and 供需对接会): enterprises post, providers answer, the city and the districts oversee; the server
// shows each its own part.
export const EXCHANGE_ROLES = ['city_admin', 'district_officer', 'enterprise', 'provider']

const MessageView = () => import('@/views/MessageView.vue')
const EnterpriseAssessmentsView = () => import('@/views/assessment/EnterpriseAssessmentsView.vue')

// A page of the public portal (no login).
function portalPage(path: string, name: string, component: RouteRecordSingleView['component'], title: string): RouteRecordSingleView {
  return { path, name, component, meta: { title, public: true } }
}

const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('@/views/LoginView.vue'),
      meta: { title: '登录', public: true },
    },
    // 公开门户, outside the signed-in layout.
    {
      path: '/portal',
      component: () => import('@/layouts/PortalLayout.vue'),
      meta: { public: true },
      children: [
        portalPage('', 'portal', () => import('@/views/portal/PortalHomeView.vue'), '公开门户'),
        portalPage('articles/:id(\\d+)', 'portal-article', () => import('@/views/portal/PortalArticleView.vue'), '政务公开'),
        portalPage('query', 'portal-query', () => import('@/views/portal/PortalQueryView.vue'), '公开查询'),
        portalPage('notices', 'portal-notices', () => import('@/views/portal/PortalNoticesView.vue'), '入库公示'),
        portalPage('open-data', 'portal-open-data', () => import('@/views/portal/PortalOpenDataView.vue'), '开放数据'),
      ],
    },
    {
      path: '/',
      component: () => import('@/layouts/MainLayout.vue'),
      children: [
        page('', 'home', () => import('@/views/HomeView.vue'), '首页'),
        page('dashboard', 'dashboard', () => import('@/views/DashboardView.vue'), '数据驾驶舱', OFFICIAL_ROLES),
        page('targets', 'targets', () => import('@/views/TargetsView.vue'), '目标任务'),
        page('enterprises', 'enterprises', () => import('@/views/EnterprisesView.vue'), '试点企业', ENTERPRISE_ROLES),
        page('withdrawals', 'withdrawals', () => import('@/views/WithdrawalsView.vue'), '退出与增补', OFFICIAL_ROLES),
        // 监测通报: the city issues them; a district reads its own (the server narrows the list).
        page('reports', 'reports', () => import('@/views/reports/ReportsView.vue'), '监测通报', OFFICIAL_ROLES),
        page('reports/:id(\\d+)', 'report', () => import('@/views/reports/ReportView.vue'), '通报详情', OFFICIAL_ROLES),
        // 绩效评价 for the city; 数据质量 for the city and (their own) the districts.
        page('evaluations', 'evaluations', () => import('@/views/reports/EvaluationView.vue'), '绩效评价', ADMIN_ROLES),
        page('data-quality', 'data-quality', () => import('@/views/reports/QualityView.vue'), '数据质量', OFFICIAL_ROLES),
        // 数字化水平评测
        page('my/assessments', 'my-assessments', EnterpriseAssessmentsView, '数字化水平评测', ['enterprise']),
        page('enterprises/:id(\\d+)/assessments', 'enterprise-assessments', EnterpriseAssessmentsView, '评测记录', ASSESSMENT_ROLES),
        page('assessments/compare', 'assessment-compare', () => import('@/views/assessment/AssessmentCompareView.vue'), '评测对比', ASSESSMENT_ROLES),
        page('assessments/:id(\\d+)', 'assessment', () => import('@/views/assessment/AssessmentView.vue'), '评测问卷', ASSESSMENT_ROLES),
        page('onsite', 'onsite', () => import('@/views/assessment/OnsiteView.vue'), '现场评定', ['expert']),
        // 一企一策 and 专家评审
        page('projects', 'projects', () => import('@/views/projects/ProjectsView.vue'), '项目管理', PROJECT_ROLES),
        page('projects/:id(\\d+)', 'project', () => import('@/views/projects/ProjectView.vue'), '项目详情', PROJECT_ROLES),
        page('reviews', 'reviews', () => import('@/views/reviews/ReviewsView.vue'), '专家评审', REVIEW_ROLES),
        page('reviews/:id(\\d+)', 'review', () => import('@/views/reviews/ReviewView.vue'), '评审详情', REVIEW_ROLES),
        page('admin/experts', 'admin-experts', () => import('@/views/admin/ExpertsView.vue'), '专家库', ADMIN_ROLES),
        page('my/expert', 'my-expert', () => import('@/views/ExpertProfileView.vue'), '我的专家信息', ['expert']),
        // 资金补助
        page('subsidies/quote', 'subsidy-quote', () => import('@/views/subsidy/SubsidyQuoteView.vue'), '补助试算'),
        page('subsidies', 'subsidies', () => import('@/views/funding/SubsidiesView.vue'), '补助核定', SUBSIDY_ROLES),
        page('subsidies/:id(\\d+)', 'subsidy', () => import('@/views/funding/SubsidyView.vue'), '补助详情', SUBSIDY_ROLES),
        page('funds', 'funds', () => import('@/views/funding/FundsView.vue'), '专项资金', ADMIN_ROLES),
        page('loans', 'loans', () => import('@/views/funding/LoansView.vue'), '数字贷', LOAN_ROLES),
        page('admin/lpr', 'admin-lpr', () => import('@/views/admin/LprView.vue'), 'LPR 利率表', ADMIN_ROLES),
        // 服务商与产品
        page('providers', 'providers', () => import('@/views/market/ProvidersView.vue'), '服务商库'),
        page('providers/selection', 'provider-programme', () => import('@/views/market/ProviderProgrammeView.vue'), '遴选与考核', PROVIDER_PROGRAMME_ROLES),
        page('providers/:id(\\d+)', 'provider', () => import('@/views/market/ProviderView.vue'), '服务商详情'),
        page('my/provider', 'my-provider', () => import('@/views/market/MyProviderView.vue'), '我的服务商', ['provider']),
        page('products', 'products', () => import('@/views/market/ProductsView.vue'), '产品库'),
        page('products/ranking', 'product-ranking', () => import('@/views/market/ProductRankingView.vue'), '产品奖励评审排名'),
        page('products/:id(\\d+)', 'product', () => import('@/views/market/ProductView.vue'), '产品详情'),
        page('scenarios', 'scenarios', () => import('@/views/market/ScenariosView.vue'), 'N+X 场景库'),
        // N+X 样本库 (everyone signed in reads the 需求清单; the samples and deliberations are for the city, the districts
        // and the experts, which the page shows by role) and the 工业互联网平台 (the directory for everyone; keys,
        // batches and evaluations for the city, shown on the platform's page by role).
        page('samples', 'samples', () => import('@/views/market/SamplesView.vue'), 'N+X 样本库'),
        page('platforms', 'platforms', () => import('@/views/platforms/PlatformsView.vue'), '工业互联网平台'),
        page('platforms/:id(\\d+)', 'platform', () => import('@/views/platforms/PlatformView.vue'), '平台详情'),
        // 企商互动
        page('needs', 'needs', () => import('@/views/exchange/NeedsView.vue'), '需求对接', EXCHANGE_ROLES),
        page('needs/:id(\\d+)', 'need', () => import('@/views/exchange/NeedView.vue'), '需求详情', EXCHANGE_ROLES),
        page('match-events', 'match-events', () => import('@/views/exchange/MatchEventsView.vue'), '供需对接会', EXCHANGE_ROLES),
        // 链式转型、认定、小微企业园、培训 (everyone signed in reads them)
        page('records', 'records', () => import('@/views/records/RecordsView.vue'), '转型成果台账'),
        page('notifications', 'notifications', () => import('@/views/NotificationsView.vue'), '站内消息'),
        // 信息发布
        page('articles', 'articles', () => import('@/views/publish/ArticlesView.vue'), '信息发布', EDITOR_ROLES),
        page('articles/:id(\\d+)', 'article', () => import('@/views/publish/ArticleView.vue'), '发布内容', EDITOR_ROLES),
        // 系统管理
        page('admin/users', 'admin-users', () => import('@/views/admin/UsersView.vue'), '用户管理', SECURITY_ROLES),
        page('admin/login-log', 'admin-login-log', () => import('@/views/admin/LoginLogView.vue'), '登录日志', AUDIT_ROLES),
        page('admin/audit', 'admin-audit', () => import('@/views/admin/AuditView.vue'), '审计日志', AUDIT_ROLES),
        page('admin/jobs', 'admin-jobs', () => import('@/views/admin/JobsView.vue'), '任务列表', JOB_ROLES),
        page('admin/schedules', 'admin-schedules', () => import('@/views/admin/SchedulesView.vue'), '定时任务', SCHEDULE_ROLES),
        page('admin/system', 'admin-system', () => import('@/views/admin/SystemView.vue'), '系统状态', SYSTEM_ROLES),
        // The features' pages (web/src/features: each its folder and one line of that list).
        ...FEATURES.flatMap((f) => f.routes),
        page('forbidden', 'forbidden', MessageView, '无权访问', undefined, {
          icon: 'warning',
          title: '无权访问',
          subTitle: '您的账号没有访问该页面的权限，如有需要请联系市级管理员。',
          testid: 'forbidden',
        }),
        page(':pathMatch(.*)*', 'not-found', MessageView, '页面不存在', undefined, {
          icon: 'info',
          title: '页面不存在',
          subTitle: '您访问的页面不存在或已被移除。',
          testid: 'not-found',
        }),
      ],
    },
  ],
})

// Only same-site paths may be used as the place to return to after logging in.
export function safeRedirect(value: unknown): string | null {
  const path = sameSitePath(value)
  return path && !path.startsWith('/login') ? path : null
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
  // The city and the districts start from the 数据驾驶舱.
  if (to.name === 'home' && hasAnyRole(auth.user, OFFICIAL_ROLES)) return { name: 'dashboard' }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ${PLATFORM_NAME}` : PLATFORM_NAME
})

export default router

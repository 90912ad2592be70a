// 一对一辅导 (方案三(六)): enterprises ask for an expert's one-to-one coaching, the city assigns one, the expert records
// the sessions and closes it, the enterprise rates it. Its pages, its menu line and its kind of 站内消息.
import { Guide } from '@element-plus/icons-vue'
import { page, type Feature } from '../feature'

// The server narrows what each reads: an enterprise its own requests, a district its district's, an expert those
// assigned to it, the city all.
const COACHING_ROLES = ['city_admin', 'district_officer', 'enterprise', 'expert']

const coaching: Feature = {
  name: 'coaching',
  routes: [
    page('coaching', 'coaching', () => import('./views/CoachingListView.vue'), '一对一辅导', COACHING_ROLES),
    page('coaching/:id(\\d+)', 'coaching-request', () => import('./views/CoachingView.vue'), '辅导详情', COACHING_ROLES),
  ],
  menu: [{ index: '/coaching', testid: 'menu-coaching', icon: Guide, label: '一对一辅导' }],
  notificationKinds: { coaching: '一对一辅导' },
}

export default coaching

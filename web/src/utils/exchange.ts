// 企商互动 as the server's rules state them (exchange/service.cc): who may answer, pick, close; the names and colours
// of the statuses. These only hide what the server would refuse; it still decides, and its message is shown.
import type { CodeName, MatchEvent, Need, NeedDetail, User } from '@/api/types'
import type { TagType } from './projects'

export const NEED_STATUSES: CodeName[] = [
  { code: 'open', name: '征集中' },
  { code: 'matched', name: '已对接' },
  { code: 'closed', name: '已关闭' },
]

export function needStatusTagType(status: string): TagType {
  return status === 'open' ? 'primary' : status === 'matched' ? 'success' : 'info'
}

const PROPOSAL_STATUS_NAMES: Record<string, string> = { submitted: '待选择', accepted: '已选定', declined: '未选中' }

export function proposalStatusName(status: string): string {
  return PROPOSAL_STATUS_NAMES[status] ?? status
}

export function proposalStatusTagType(status: string): TagType {
  return status === 'accepted' ? 'success' : status === 'declined' ? 'info' : 'warning'
}

// The enterprise that posted the need.
export function isNeedOwner(user: User | null, need: Need): boolean {
  return !!user && user.roles.includes('enterprise') && user.enterprise_id === need.enterprise_id
}

// The enterprise that posted (or the city admin) picks one proposal while the need is open.
export function canAcceptProposal(user: User | null, need: Need): boolean {
  return need.status === 'open' && !!user && (isNeedOwner(user, need) || user.roles.includes('city_admin'))
}

// The enterprise that posted, the city admin or the need's district closes it, with a reason, while it is open.
export function canCloseNeed(user: User | null, need: Need): boolean {
  if (need.status !== 'open' || !user) return false
  if (isNeedOwner(user, need) || user.roles.includes('city_admin')) return true
  return user.roles.includes('district_officer') && user.district?.code === need.district_code
}

// A provider's account answers an open need once (the server also checks that the provider is listed).
export function canPropose(user: User | null, need: NeedDetail): boolean {
  if (need.status !== 'open' || !user || !user.roles.includes('provider') || user.provider_id == null) return false
  return !need.proposals.some((p) => p.provider.id === user.provider_id)
}

// Officials (the city, a district) post for an enterprise they name; an enterprise user for its own.
export function canPostNeed(user: User | null): boolean {
  return !!user && (user.roles.includes('enterprise') || user.roles.includes('city_admin') || user.roles.includes('district_officer'))
}

export type EventState = 'open' | 'full' | 'held'

// 已举办 once its day is past (Beijing), else 名额已满 at capacity, else 报名中.
export function eventState(e: MatchEvent, today: string): EventState {
  if (e.held_on < today) return 'held'
  return e.registered >= e.capacity ? 'full' : 'open'
}

export const EVENT_STATE_NAMES: Record<EventState, string> = { open: '报名中', full: '名额已满', held: '已举办' }

export function eventStateTagType(state: EventState): TagType {
  return state === 'open' ? 'success' : state === 'full' ? 'warning' : 'info'
}

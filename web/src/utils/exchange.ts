// 企商互动 as the pages show it: the colours of the statuses (their names are the server's workflow), the moves the server says are open on a need,
// who is offered posting one, and the state of a 供需对接会.
import type { MatchEvent, NeedAction, NeedActionCode, NeedDetail, User } from '@/api/types'
import type { TagType } from './projects'

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

// A move open to the caller on the need, as the server lists it in `actions` (who may answer, pick or close, and
// when, is its rule alone); undefined when it is not open. The server still decides when the move is sent — a page
// left open may be stale — and its message is shown.
export function needAction(need: Pick<NeedDetail, 'actions'>, action: NeedActionCode): NeedAction | undefined {
  return need.actions.find((a) => a.action === action)
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

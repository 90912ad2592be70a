// Status moves as buttons. Which moves are open to the caller is the server's to say: every record's detail lists
// them in `actions` (from its rules, the record's state and the caller's part); the page only decides how a move
// looks, and shows the server's message when it refuses (a guard, a missing field).
import type { RecordAction } from '@/api/types'
import type { TagType } from './projects'

// One move as a button: its action and name, whether it asks for a reason (and a due date), its colour.
export interface Move {
  action: string
  name: string
  // A reason is required (警告, 出库, 退回 …), under this label (default 原因).
  reason?: boolean
  reasonLabel?: string
  // A due date is required (责令限期整改).
  due?: boolean
  tone?: 'danger' | 'success'
}

// Moves that refuse, send back or sanction are shown in red.
const DANGER = new Set(['reject', 'warn', 'order_rectification', 'remove', 'delist', 'withdraw', 'return', 'district_return', 'fail', 'terminate'])
const REASON_LABELS: Record<string, string> = { order_rectification: '整改要求', terminate: '终止原因' }

// The server's `actions` as buttons; `look` may set a move's reason label or colour where a page knows better.
export function toMoves(actions: readonly RecordAction[], look: (a: RecordAction) => Partial<Move> = () => ({})): Move[] {
  return actions.map((a) => ({
    action: a.action,
    name: a.name,
    reason: a.needs_reason,
    reasonLabel: REASON_LABELS[a.action],
    due: a.needs_due,
    tone: DANGER.has(a.action) ? 'danger' : undefined,
    ...look(a),
  }))
}

export const PROVIDER_KINDS = [
  { code: 'integrator', name: '集成服务商' },
  { code: 'specialist', name: '专业服务商' },
]

export function providerStatusTagType(status: string | undefined): TagType {
  switch (status) {
    case 'admitted':
      return 'success'
    case 'applied':
    case 'notice':
      return 'primary'
    case 'warned':
    case 'rectifying':
      return 'warning'
    case 'removed':
    case 'rejected':
      return 'danger'
    default:
      return 'info'
  }
}

export function productStatusTagType(status: string): TagType {
  switch (status) {
    case 'listed':
      return 'success'
    case 'in_review':
      return 'warning'
    case 'rejected':
    case 'delisted':
      return 'danger'
    default:
      return 'info'
  }
}

export function articleStateTagType(state: string): TagType {
  switch (state) {
    case 'published':
      return 'success'
    case 'in_review':
      return 'warning'
    case 'withdrawn':
      return 'danger'
    default:
      return 'info'
  }
}

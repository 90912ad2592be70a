// The status moves of the provider directory, products and articles, as the server's rules state them
// (data/provider-rules.json, catalog/rules.cc, publish/rules.cc). The server sends no list of the moves open to the
// caller for these records (a project does), so the page offers the moves of the record's status that the caller's
// part may take; the server still decides, and its message is shown when it refuses (a guard, a missing field).
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

// Who takes a move: the city admin, or the record's own party (the provider's account for its record and products,
// the author — or the city admin — for an article).
export type MoveParty = 'city_admin' | 'owner'

// A move with the statuses it leaves from and the party that takes it.
export interface RuledMove extends Move {
  from: readonly string[]
  by: MoveParty
}

// The moves from `status` that the caller may take, given which parties the caller is.
export function movesFrom(moves: readonly RuledMove[], status: string, parties: { cityAdmin: boolean; owner: boolean }): RuledMove[] {
  return moves.filter((m) => m.from.includes(status) && (m.by === 'city_admin' ? parties.cityAdmin : parties.owner))
}

// 服务商库（能进能出）: data/provider-rules.json.
export const PROVIDER_MOVES: readonly RuledMove[] = [
  { action: 'apply', name: '提交入库申请', from: ['draft', 'rejected', 'removed'], by: 'owner' },
  { action: 'start_notice', name: '开始公示', from: ['applied'], by: 'city_admin' },
  { action: 'admit', name: '准予入库', from: ['notice'], by: 'city_admin' },
  { action: 'reject', name: '不予入库', from: ['applied', 'notice'], by: 'city_admin', reason: true, tone: 'danger' },
  { action: 'warn', name: '警告', from: ['admitted'], by: 'city_admin', reason: true, tone: 'danger' },
  { action: 'order_rectification', name: '责令限期整改', from: ['admitted', 'warned'], by: 'city_admin', reason: true, reasonLabel: '整改要求', due: true, tone: 'danger' },
  { action: 'rectified', name: '整改完成', from: ['rectifying'], by: 'city_admin' },
  { action: 'remove', name: '出库', from: ['admitted', 'warned', 'rectifying'], by: 'city_admin', reason: true, tone: 'danger' },
]

export const PROVIDER_STATUSES = [
  { code: 'draft', name: '填报中' },
  { code: 'applied', name: '已申请' },
  { code: 'notice', name: '公示中' },
  { code: 'admitted', name: '已入库' },
  { code: 'warned', name: '已警告' },
  { code: 'rectifying', name: '限期整改' },
  { code: 'removed', name: '已出库' },
  { code: 'rejected', name: '未入库' },
]

export const PROVIDER_KINDS = [
  { code: 'integrator', name: '集成服务商' },
  { code: 'specialist', name: '专业服务商' },
]

// The moves that are sanctions, which the provider may appeal.
export const SANCTIONS = new Set(['warn', 'order_rectification', 'remove'])

// In the public 服务商名录 (已入库、已警告、限期整改).
export const LISTED_PROVIDER = new Set(['admitted', 'warned', 'rectifying'])

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

// 小快轻准产品: catalog/rules.cc. The city admin may file for a provider, so it takes the owner's moves too.
export const PRODUCT_MOVES: readonly RuledMove[] = [
  { action: 'submit', name: '提交入库评审', from: ['draft'], by: 'owner' },
  { action: 'list', name: '评审通过上架', from: ['in_review'], by: 'city_admin' },
  { action: 'reject', name: '评审未通过', from: ['in_review'], by: 'city_admin', reason: true, tone: 'danger' },
  { action: 'delist', name: '下架', from: ['listed'], by: 'city_admin', reason: true, tone: 'danger' },
  { action: 'revise', name: '修改后重新申报', from: ['rejected', 'delisted'], by: 'owner' },
]

export const PRODUCT_STATUSES = [
  { code: 'draft', name: '填报中' },
  { code: 'in_review', name: '评审中' },
  { code: 'listed', name: '已上架' },
  { code: 'rejected', name: '未通过' },
  { code: 'delisted', name: '已下架' },
]

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

// 信息发布: publish/rules.cc. The author submits; the city admin publishes, sends back and withdraws.
export const ARTICLE_MOVES: readonly RuledMove[] = [
  { action: 'submit', name: '提交审核', from: ['draft'], by: 'owner' },
  { action: 'publish', name: '审核发布', from: ['in_review'], by: 'city_admin' },
  { action: 'reject', name: '退回修改', from: ['in_review'], by: 'city_admin', reason: true, tone: 'danger' },
  { action: 'withdraw', name: '撤回', from: ['published'], by: 'city_admin', reason: true, tone: 'danger' },
]

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

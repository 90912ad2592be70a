// Words and pure helpers of 一企一策 projects and 专家评审: the plan form (amounts typed in 元, sent as 分), tag
// colours by state, scores and averages shown exactly (the server sends the average × 1000 as an integer).
import type { ExpertDuty, PartyCode, Plan, PlanInput, ScenarioKind } from '@/api/types'
import type { RouteLocationRaw } from 'vue-router'
import { fenToYuan, yuanToFen } from './money'

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export function projectStateTagType(state: string): TagType {
  switch (state) {
    case 'declared':
      return 'info'
    case 'expert_review':
    case 'acceptance_applied':
    case 'district_checked':
    case 'onsite':
      return 'warning'
    case 'approved':
    case 'implementing':
      return 'primary'
    case 'passed':
    case 'subsidized':
      return 'success'
    case 'failed':
      return 'danger'
    // 终止: closed before passing, by the city with a reason; not counted as transformed.
    case 'terminated':
      return 'info'
    default:
      return 'info'
  }
}

// A review round: open 待评审, closed 已结束, cancelled 已撤销（项目终止）.
export function reviewStateTagType(state: string): TagType {
  if (state === 'open') return 'warning'
  if (state === 'cancelled') return 'danger'
  return 'info'
}

export function milestoneTagType(status: string | undefined): TagType {
  switch (status) {
    case 'done':
      return 'success'
    case 'done_late':
      return 'warning'
    case 'overdue':
      return 'danger'
    case 'due_soon':
      return 'warning'
    default:
      return 'info'
  }
}

export function planVersionTagType(state: string): TagType {
  if (state === 'approved') return 'success'
  if (state === 'proposed') return 'warning'
  if (state === 'rejected') return 'danger'
  return 'info'
}

export function reviewMemberTagType(status: string): TagType {
  if (status === 'scored') return 'success'
  if (status === 'assigned') return 'warning'
  return 'info'
}

// ---- the plan form ----

export interface PlanForm {
  scenarios: { name: string; kind: ScenarioKind }[]
  products: { name: string }[]
  budget: { item: string; yuan: string }[]
  milestones: { name: string; due_on: string; deliverable: string }[]
}

export function emptyPlanForm(): PlanForm {
  return {
    scenarios: [{ name: '', kind: 'N' }],
    products: [{ name: '' }],
    budget: [{ item: '', yuan: '' }],
    milestones: [{ name: '', due_on: '', deliverable: '' }],
  }
}

// A plan as the form shows it (an adjustment starts from the plan in force).
export function planToForm(plan: Plan): PlanForm {
  return {
    scenarios: plan.scenarios.map((s) => ({ name: s.name, kind: s.kind })),
    products: plan.products.map((name) => ({ name })),
    budget: plan.budget.map((b) => ({ item: b.item, yuan: fenToYuan(b.amount_fen, { grouping: false }) })),
    milestones: plan.milestones.map((m) => ({ name: m.name, due_on: m.due_on, deliverable: m.deliverable })),
  }
}

export type PlanParse = { plan: PlanInput; budgetTotalFen: number } | { errors: string[] }

// The form → the plan the server takes, or every problem found (rows left wholly blank are dropped).
export function planFromForm(form: PlanForm): PlanParse {
  const errors: string[] = []
  const scenarios = form.scenarios
    .map((s) => ({ name: s.name.trim(), kind: s.kind }))
    .filter((s) => s.name)
  const products = form.products.map((p) => p.name.trim()).filter(Boolean)
  const budget: PlanInput['budget'] = []
  let total = 0
  form.budget.forEach((b, i) => {
    const item = b.item.trim()
    if (!item && !b.yuan.trim()) return
    if (!item) errors.push(`预算第 ${i + 1} 行：请填写预算项目`)
    const amount = yuanToFen(b.yuan)
    if ('error' in amount) errors.push(`预算第 ${i + 1} 行：${amount.error}`)
    else if (amount.fen <= 0) errors.push(`预算第 ${i + 1} 行：金额应大于0`)
    else {
      budget.push({ item, amount_fen: amount.fen })
      total += amount.fen
    }
  })
  const milestones: PlanInput['milestones'] = []
  const names = new Set<string>()
  form.milestones.forEach((m, i) => {
    const name = m.name.trim()
    const deliverable = m.deliverable.trim()
    if (!name && !m.due_on && !deliverable) return
    if (!name) errors.push(`里程碑第 ${i + 1} 行：请填写名称`)
    if (!m.due_on) errors.push(`里程碑第 ${i + 1} 行：请选择到期日`)
    if (!deliverable) errors.push(`里程碑第 ${i + 1} 行：请填写交付物`)
    if (name && names.has(name)) errors.push(`里程碑名称重复：${name}`)
    names.add(name)
    milestones.push({ name, due_on: m.due_on, deliverable })
  })
  if (scenarios.length === 0) errors.push('请至少填写一个改造场景')
  if (milestones.length === 0) errors.push('请至少设置一个里程碑')
  if (errors.length) return { errors }
  return { plan: { scenarios, products, budget, milestones }, budgetTotalFen: total }
}

// The sum of the budget lines typed so far, in 元 ('—' while a line is not a valid amount).
export function budgetTotalYuan(form: PlanForm): string {
  let total = 0n
  for (const b of form.budget) {
    if (!b.yuan.trim()) continue
    const amount = yuanToFen(b.yuan)
    if ('error' in amount) return '—'
    total += BigInt(amount.fen)
  }
  return fenToYuan(total)
}

// ---- money and numbers ----

// 服务商让利 = 目录价 − 合同金额, in 分 (null until both are known).
export function discountFen(cataloguePriceFen: number | null, amountFen: number | null): number | null {
  if (cataloguePriceFen === null || amountFen === null) return null
  return cataloguePriceFen - amountFen
}

// What a review panel reads about its subject: a project's plan, a provider's or a product's record. A provider
// under review is readable by the city admin and itself only (the server answers 404 to the panel), so its link is
// offered with `providers` alone.
export function reviewSubjectLink(r: { subject_type: string; subject_id: number }, { providers = true } = {}): RouteLocationRaw | null {
  switch (r.subject_type) {
    case 'project':
      return { path: `/projects/${r.subject_id}`, query: { tab: 'plan' } }
    case 'provider':
      return providers ? `/providers/${r.subject_id}` : null
    case 'product':
      return `/products/${r.subject_id}`
    default:
      return null
  }
}

// An integer × 1000 as an exact decimal: 80000 → "80", 81333 → "81.333", 80500 → "80.5".
export function milliToDecimal(milli: number | null | undefined): string {
  if (milli === null || milli === undefined) return '—'
  const negative = milli < 0
  const v = Math.abs(Math.trunc(milli))
  const whole = Math.floor(v / 1000)
  const frac = String(v % 1000).padStart(3, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${frac ? '.' + frac : ''}`
}

// An outcome's improvement as the server computes it (positive = better, whichever direction is better).
export function improvementText(percent: string | null | undefined): string {
  if (percent === null || percent === undefined || percent === '') return '—'
  return percent.startsWith('-') ? `${percent}%` : `+${percent}%`
}

// An outcome value as typed: a non-negative decimal with up to three decimals (empty = not given).
export function outcomeValueProblem(text: string): string | null {
  const t = text.trim()
  if (!t) return null
  return /^\d+(\.\d{1,3})?$/.test(t) ? null : '应为数字，最多三位小数'
}

// The sum of a score sheet, counting only the items given.
export function scoreTotal(scores: Record<string, number | null | undefined>): number {
  let total = 0
  for (const v of Object.values(scores)) if (typeof v === 'number' && Number.isFinite(v)) total += v
  return total
}

// Today's date in Beijing (YYYY-MM-DD), the default of date fields.
export function todayInBeijing(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

// ---- who the caller is in a project (the server decides; these only hide what it would refuse) ----

export interface ProjectParties {
  enterprise: boolean
  integrator: boolean
  cityAdmin: boolean
  districtOfficer: boolean
  // 现场验收: passes or fails the project (the party code 'expert').
  acceptanceExpert: boolean
  // 全流程监管: records supervision and approves plan adjustments.
  supervisionExpert: boolean
  // A member of one of the project's review rounds: reads the project it scores.
  reviewer: boolean
}

export function projectParties(
  project: { my_role_codes: PartyCode[]; experts: { user_id: number; duty: ExpertDuty | string }[] },
  userId: number | null | undefined,
): ProjectParties {
  const codes = new Set<string>(project.my_role_codes)
  const duties = new Set(project.experts.filter((e) => e.user_id === userId).map((e) => e.duty))
  return {
    enterprise: codes.has('enterprise'),
    integrator: codes.has('integrator'),
    cityAdmin: codes.has('city_admin'),
    districtOfficer: codes.has('district_officer'),
    acceptanceExpert: codes.has('expert'),
    supervisionExpert: duties.has('supervision'),
    reviewer: duties.has('review'),
  }
}

const DUTY_NAMES: Record<string, string> = { supervision: '全流程监管', acceptance: '现场验收', review: '评审' }

// An expert's duties in the project, in words ("现场验收、全流程监管"); '' for anyone else.
export function expertDutiesText(experts: { user_id: number; duty: string }[], userId: number | null | undefined): string {
  const order = ['acceptance', 'supervision', 'review']
  const duties = [...new Set(experts.filter((e) => e.user_id === userId).map((e) => e.duty))]
  duties.sort((a, b) => order.indexOf(a) - order.indexOf(b))
  return duties.map((d) => DUTY_NAMES[d] ?? d).join('、')
}

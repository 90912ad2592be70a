// Words and pure helpers of 补助核定 and 拨付: scheme names, the facts a computation used (with where each came
// from), fund usage as shares of its budget, and the labels of tranches. Amounts stay
// integer 分; shares are computed on integers.
import type { Fund, PaymentStatus, SubsidyRuleSet } from '@/api/types'
import { fenToYuan } from './money'
import { levelName } from './assessment'

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

// The schemes one may approve: those of the rule set, then 奖励 (its types are the rule set's awards).
export function schemeOptions(rules: SubsidyRuleSet | null): { code: string; name: string; clause: string }[] {
  if (!rules) return []
  return [
    ...rules.schemes.map((s) => ({ code: s.code, name: s.name, clause: s.clause })),
    { code: 'award', name: '奖励与专项支持', clause: rules.awards.map((a) => a.clause).filter((c, i, all) => all.indexOf(c) === i).join('、') },
  ]
}

// What a subsidy is granted to, by scheme: an enterprise, a project, a provider (per year), a loan, a 链式 model (to
// its 链主企业), or either of an enterprise and a provider (awards).
export type SubjectKind = 'enterprise' | 'project' | 'provider' | 'loan' | 'chain' | 'award'

export function subjectKind(scheme: string): SubjectKind {
  switch (scheme) {
    case 'transformation':
      return 'project'
    case 'provider':
      return 'provider'
    case 'loan_interest':
      return 'loan'
    case 'chain':
      return 'chain'
    case 'award':
      return 'award'
    default:
      return 'enterprise'
  }
}

// What the 核定补助 dialog starts from when opened from a record (a project, a loan).
export interface ApprovePreset {
  scheme?: string
  project_id?: number
  loan_id?: number
  chain_model_id?: number
  enterprise_id?: number
  provider_id?: number
}

export function subsidyStatusTagType(status: string): TagType {
  return status === 'approved' ? 'success' : 'info'
}

export function paymentTagType(status: PaymentStatus | string): TagType {
  switch (status) {
    case 'scheduled':
      return 'warning'
    case 'approved':
      return 'primary'
    case 'paid':
      return 'success'
    case 'returned':
      return 'danger'
    default:
      return 'info'
  }
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

// The label of the nth tranche (1-based): 第一期 … 第十期, then 第11期.
export function trancheLabel(n: number): string {
  return n >= 1 && n <= 10 ? `第${CHINESE_ORDINALS[n - 1]}期` : `第${n}期`
}

const LEVEL_SOURCES: Record<string, string> = { onsite: '现场评定', self: '企业自评' }

export interface InputRow {
  key: string
  label: string
  value: string
  source: string
}

type Format = 'id' | 'year' | 'yuan' | 'yes' | 'count' | 'months' | 'text' | 'level'

// Each fact: its words, how its value reads, and where it came from — a fixed source, or the input naming it.
const FACTS: Record<string, { label: string; format: Format; source: string; sourceKey?: string }> = {
  project_id: { label: '项目', format: 'id', source: '补助对象' },
  provider_id: { label: '服务商', format: 'id', source: '补助对象' },
  loan_id: { label: '贷款', format: 'id', source: '补助对象' },
  year: { label: '补助年度', format: 'year', source: '补助对象' },
  cost_fen: { label: '实际发生改造费用', format: 'yuan', source: '平台登记', sourceKey: 'cost_source' },
  level: { label: '数字化水平等级', format: 'level', source: '尚无评测' },
  task_completed: { label: '完成数字化改造任务', format: 'yes', source: '项目验收通过（通过及其后状态）' },
  service_fees_fen: { label: '服务商当年服务费用', format: 'yuan', source: '平台登记', sourceKey: 'fees_source' },
  in_zhengzhou: { label: '在郑州注册', format: 'yes', source: '服务商名录' },
  in_directory: { label: '当年在服务商库中', format: 'yes', source: '服务商库的入库、出库记录' },
  fees_outside_directory_fen: { label: '不在库期间的服务费用（不计）', format: 'yuan', source: '服务商库的入库、出库记录' },
  all_tasks_completed: { label: '承担的改造任务全部完成', format: 'yes', source: '其服务的项目均已验收通过' },
  projects: { label: '承担的项目数', format: 'count', source: '项目库' },
  principal_fen: { label: '贷款本金', format: 'yuan', source: '合作银行登记' },
  loan_date: { label: '贷款日期', format: 'text', source: '合作银行登记' },
  term_months: { label: '贷款期限', format: 'months', source: '合作银行登记' },
  interest_paid_fen: { label: '实际支付利息', format: 'yuan', source: '放贷银行确认' },
  confirmed_months: { label: '银行已确认利息的月份', format: 'months', source: '放贷银行分期确认' },
  approved_before_for_loan_fen: { label: '此前已核定（该笔贷款）', format: 'yuan', source: '平台已核定的补助' },
  chain_model: { label: '“链式”转型模式', format: 'text', source: '补助对象（成果记录）' },
  recognized_by_miit: { label: '获评工信部“链式”典型案例', format: 'yes', source: '成果记录中登记的工信部认定' },
  miit_recognition: { label: '工信部认定', format: 'text', source: '成果记录（日期、决定单位、佐证）' },
  award_type: { label: '奖励类型', format: 'text', source: '市级管理员录入' },
  amount_fen: { label: '奖励金额', format: 'yuan', source: '市级管理员录入' },
}
// Inputs that only say where another one came from, or number what another names (the 链式 model by its name).
const SOURCE_KEYS = new Set(['scheme', 'cost_source', 'level_source', 'fees_source', 'chain_model_id'])

function formatFact(format: Format, v: unknown): string {
  switch (format) {
    case 'id':
      return `#${v}`
    case 'year':
      return `${v}年`
    case 'yuan':
      return typeof v === 'number' ? `${fenToYuan(v)} 元` : '—'
    case 'yes':
      return v === true ? '是' : v === false ? '否' : '—'
    case 'count':
      return `${v} 个`
    case 'months':
      return `${v} 个月`
    case 'level':
      return typeof v === 'number' ? levelName(v) : '—'
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v)
  }
}

// The facts a computation used, in words, each with where it came from (the platform's own records). Caps are
// named from the rule set when it is given. Unknown keys are shown as they are, so nothing is hidden.
export function inputRows(inputs: Record<string, unknown>, caps: { id: string; label: string }[] = []): InputRow[] {
  const capLabel = new Map(caps.map((c) => [c.id, c.label]))
  const rows: InputRow[] = []
  for (const [key, v] of Object.entries(inputs)) {
    if (SOURCE_KEYS.has(key)) continue
    const fact = FACTS[key]
    if (fact) {
      let { label, source } = fact
      if (fact.sourceKey && inputs[fact.sourceKey]) source = String(inputs[fact.sourceKey])
      if (key === 'cost_fen' && inputs.scheme === 'diagnosis') label = '诊断实际发生费用'
      if (key === 'level') source = LEVEL_SOURCES[String(inputs.level_source ?? '')] ?? source
      rows.push({ key, label, value: formatFact(fact.format, v), source })
    } else if (key.startsWith('approved_before_fen.')) {
      const cap = key.slice('approved_before_fen.'.length)
      rows.push({ key, label: `此前已核定（${capLabel.get(cap) ?? cap}）`, value: formatFact('yuan', v), source: '平台已核定的补助' })
    } else {
      rows.push({ key, label: key, value: formatFact('text', v), source: '' })
    }
  }
  return rows
}

// A fund's use as whole percentages of its budget (paid, committed but not yet paid), for a bar; over-committed
// funds fill the bar.
export function fundShares(f: Pick<Fund, 'budget_fen' | 'paid_fen' | 'committed_fen'>): { paid: number; pending: number; used: number } {
  if (f.budget_fen <= 0) return { paid: 0, pending: 0, used: 0 }
  // Per mille on BigInt, so large budgets stay exact; floored to 0.1 %.
  const permille = (fen: number) => {
    const v = Number((BigInt(Math.max(0, fen)) * 1000n) / BigInt(f.budget_fen))
    return Math.min(1000, v)
  }
  const used = permille(f.committed_fen)
  const paid = Math.min(used, permille(f.paid_fen))
  return { paid: paid / 10, pending: (used - paid) / 10, used: used / 10 }
}

// The first year from `from` on that has no fund of this source yet.
export function firstFreeYear(funds: Pick<Fund, 'source' | 'year'>[], source: string, from: number): number {
  const taken = new Set(funds.filter((f) => f.source === source).map((f) => f.year))
  let y = from
  while (taken.has(y)) y++
  return y
}

export const FUND_SOURCES = [
  { code: 'central', name: '中央试点资金' },
  { code: 'city', name: '市级配套资金' },
] as const

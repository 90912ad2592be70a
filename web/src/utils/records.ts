// The records the plan counts beside enterprises (records/service.cc): their kinds in words, the dated decisions
// they rest on, and the tally by industry as table rows.
import type { CodeName, DecisionInput, Industry, RecordsTally } from '@/api/types'
import { todayInBeijing } from './projects'

export const RECOGNITION_KINDS: CodeName[] = [
  { code: 'factory', name: '智能工厂' },
  { code: 'workshop', name: '数字化车间' },
  { code: 'scenario', name: '智能制造场景' },
]

export const RECOGNITION_LEVELS: CodeName[] = [
  { code: 'provincial', name: '省级' },
  { code: 'national', name: '国家级' },
]

export const TRAINING_AUDIENCES: CodeName[] = [
  { code: 'management', name: '管理人员' },
  { code: 'technical', name: '技术人员' },
]

// A chain model is 建设中 until its 建成 is recorded.
export const CHAIN_STATUSES: CodeName[] = [
  { code: 'building', name: '建设中' },
  { code: 'completed', name: '已建成' },
]

// What is wrong with a decision before it is sent, by field (empty when nothing): the day (not after today), the
// body that decided (1–100 characters) and its evidence (1–500), as the server checks them.
export function decisionProblems(d: DecisionInput, today: string = todayInBeijing()): Record<string, string> {
  const out: Record<string, string> = {}
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.on)) out.on = '请选择日期'
  else if (d.on > today) out.on = '日期不能晚于今天'
  const by = d.decided_by.trim()
  if (!by) out.decided_by = '请填写作出决定的单位'
  else if ([...by].length > 100) out.decided_by = '决定单位不能超过100个字符'
  const ev = d.evidence.trim()
  if (!ev) out.evidence = '请填写佐证（文号、纪要或文件名称）'
  else if ([...ev].length > 500) out.evidence = '佐证不能超过500个字符'
  return out
}

// The name of a code among options, or the code itself.
export function nameOf(options: readonly CodeName[], code: string | null | undefined): string {
  if (!code) return '—'
  return options.find((o) => o.code === code)?.name ?? code
}

export interface TallyRow {
  code: string
  name: string
  smart: number
  chains: number
  parks: number
}

// One row per pilot industry (zeros shown, so a change is seen), then any other industry the tally names, then 合计.
export function tallyRows(tally: RecordsTally, industries: readonly Industry[]): TallyRow[] {
  const codes = industries.map((i) => i.code)
  for (const counts of [tally.smart_factories, tally.chain_models, tally.parks])
    for (const code of Object.keys(counts)) if (code !== 'total' && !codes.includes(code)) codes.push(code)
  const names = new Map(industries.map((i) => [i.code, i.name]))
  const rows = codes.map((code) => ({
    code,
    name: names.get(code) ?? code,
    smart: tally.smart_factories[code] ?? 0,
    chains: tally.chain_models[code] ?? 0,
    parks: tally.parks[code] ?? 0,
  }))
  rows.push({
    code: 'total',
    name: '合计',
    smart: tally.smart_factories.total ?? 0,
    chains: tally.chain_models.total ?? 0,
    parks: tally.parks.total ?? 0,
  })
  return rows
}

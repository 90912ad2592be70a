// 监测通报 and 达标预测 as the pages show them: the period a person picks, the forecast's verdicts, the year a forecast
// opens on. The figures themselves are formatted by utils/progress (hundredths, rates) and utils/money (分).
import type { CodeName } from '@/api/types'
import type { ForecastRisk, ForecastRow, ForecastYear, ReportKind } from '@/api/reports'
import type { TagType } from './projects'

export const REPORT_KINDS: { code: ReportKind; name: string }[] = [
  { code: 'month', name: '月度' },
  { code: 'quarter', name: '季度' },
]

export function reportKindName(kind: string): string {
  return REPORT_KINDS.find((k) => k.code === kind)?.name ?? kind
}

export const QUARTERS: { value: number; label: string }[] = [
  { value: 1, label: '第一季度' },
  { value: 2, label: '第二季度' },
  { value: 3, label: '第三季度' },
  { value: 4, label: '第四季度' },
]

// The period code the server takes: "2026-10" for a month (picked as YYYY-MM), "2026-Q3" for a quarter (a year and
// 1–4); '' while the choice is incomplete.
export function periodCode(kind: ReportKind, month: string, year: string, quarter: number | null): string {
  if (kind === 'month') return month || ''
  if (!year || !quarter) return ''
  return `${year}-Q${quarter}`
}

// The last quarter ended before the given day (a quarterly report covers it): its year and number. (The month
// before is utils/platforms' previousMonth.)
export function previousQuarter(today: Date): { year: string; quarter: number } {
  let year = today.getFullYear()
  let quarter = Math.floor(today.getMonth() / 3)
  if (quarter === 0) {
    quarter = 4
    year -= 1
  }
  return { year: String(year), quarter }
}

// A period code as the server labels it: "2026年10月", "2026年第三季度"; the code itself when it is neither.
export function periodLabel(code: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(code)
  if (m) return `${m[1]}年${Number(m[2])}月`
  const q = /^(\d{4})-Q([1-4])$/.exec(code)
  if (q) return `${q[1]}年${QUARTERS[Number(q[2]) - 1]!.label}`
  return code
}

// The city admin's scope filter: the city's own report, or a district's.
export function reportScopeOptions(districts: readonly CodeName[]): CodeName[] {
  return [{ code: 'city', name: '全市' }, ...districts.map((d) => ({ code: d.code, name: d.name }))]
}

// ---- 达标预测 ----

export const RISK_NAMES: Record<ForecastRisk, string> = {
  behind: '落后',
  at_risk: '有风险',
  on_track: '正常',
  unknown: '数据不足',
}

export function riskName(risk: ForecastRisk | null): string {
  return risk ? (RISK_NAMES[risk] ?? risk) : '—'
}

export function riskTagType(risk: ForecastRisk | null): TagType {
  switch (risk) {
    case 'behind':
      return 'danger'
    case 'at_risk':
      return 'warning'
    case 'on_track':
      return 'success'
    default:
      return 'info'
  }
}

// The 10%–90% band as the 通报 prints it ("38–52", "0–0").
export function forecastBand(row: Pick<ForecastRow, 'p10' | 'p90'>): string {
  return `${row.p10}–${row.p90}`
}

// Where the band, the median and the target sit on one scale (0–100 % of the larger of the target and p90), for a
// bar drawn beside the numbers.
export function bandScale(row: Pick<ForecastRow, 'p10' | 'p50' | 'p90' | 'target'>): {
  from: number
  to: number
  median: number
  target: number | null
} {
  const max = Math.max(row.target ?? 0, row.p90, 1)
  const at = (v: number) => Math.round((v / max) * 1000) / 10
  return { from: at(row.p10), to: at(row.p90), median: at(row.p50), target: row.target === null ? null : at(row.target) }
}

// A target year that is over is judged on what happened by its last day, not forecast.
export function yearOver(year: Pick<ForecastYear, 'last_day'>, today: string): boolean {
  return year.last_day < today
}

// The year a forecast opens on: the first not yet over (the one still to play for), else the last.
export function defaultForecastYear(years: readonly Pick<ForecastYear, 'last_day'>[], today: string): number {
  const i = years.findIndex((y) => !yearOver(y, today))
  return i >= 0 ? i : Math.max(0, years.length - 1)
}

// The stages whose observed durations the forecast resamples, in the order of `observed_durations`.
export const FORECAST_STAGES = ['未立项', '申报评审', '立项实施', '验收中']

export function observedText(counts: readonly number[]): string {
  return counts.map((n, i) => `${FORECAST_STAGES[i] ?? `阶段${i + 1}`} ${n} 条`).join('、')
}

// Figures of the 数据驾驶舱: actuals against targets, completion rates, and what a click on a figure lists.
import type { ProgressIndicator } from '@/api/types'
import { fenToWan } from './money'

// A figure as the indicator counts it: a ratio (研发投入强度, in percent) with two decimals, counts and sums whole.
export function formatFigure(value: number | null | undefined, kind: ProgressIndicator['kind'] | string = 'count'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  if (kind === 'ratio') return value.toFixed(2)
  return value.toLocaleString('zh-CN')
}

// A completion rate (actual ÷ target) as a percentage with one decimal.
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  return `${(rate * 100).toFixed(1)}%`
}

// 0–100 for a progress bar (a rate over 100% fills it).
export function ratePercent(rate: number | null | undefined): number {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return 0
  return Math.max(0, Math.min(100, Math.round(rate * 1000) / 10))
}

export function rateColor(rate: number | null | undefined): string {
  const r = rate ?? 0
  if (r >= 1) return '#2f7d32'
  if (r >= 0.6) return '#1d4f91'
  if (r >= 0.3) return '#e6a23c'
  return '#f56c6c'
}

// What a click on a figure lists: the drill-down's query and how the list is titled. For a count, the list's
// total must equal the figure clicked (expected).
export interface Drill {
  title: string
  metric: string
  industry?: string
  district?: string
  batch?: string
  // The year of 研发投入强度 the page shows.
  year?: number | null
  expected?: number | null
  // Names the value column of sum and ratio metrics (新增发明专利, 研发投入…); absent for counts.
  valueLabel?: string
  // The figure counts items (认定, 服务商, 产品 … — indicators 5–10), not enterprises.
  items?: boolean
  // The list as it stood at the end of this day (绩效评价 at a stage's end), YYYY-MM-DD.
  asOf?: string
  // A line above the list (绩效评价: up to which day it lists, or that it shows today's records).
  note?: string
}

export const METRIC_NAMES: Record<string, string> = {
  pilot: '试点企业',
  assessed: '已评测',
  level2: '评测二级及以上',
  accepted: '验收通过（二级及以上）',
  scale_above_accepted: '验收通过的规上企业',
  innovative_accepted: '验收通过的创新型企业',
  scale_above_level2: '规上且二级及以上',
  innovative_level2: '创新型且二级及以上',
  specialized: '专精特新',
  cloud: '上云用云',
  patents: '新增发明专利',
  rd: '研发投入',
}

// A drill-down row's value as the server gives it: "" for counts, the number of new invention patents for
// patents, "R&D/revenue" in 分 for rd — shown in 万元 with the enterprise's own intensity.
export function formatDrillValue(metric: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  const text = String(value)
  const rd = metric === 'rd' ? /^(\d+)\/(\d+)$/.exec(text) : null
  if (!rd) return text
  const [, spending, revenue] = rd as unknown as [string, string, string]
  return `${fenToWan(spending)} / ${fenToWan(revenue)}（${percentOf(BigInt(spending), BigInt(revenue))}）`
}

// a ÷ b as a percentage with two decimals, rounded half up on integers — or, with 'down', cut to the basis point as
// the printed 通报 has it (reports::percent), so a figure on the page reads as in the PDF.
export function percentOf(a: bigint, b: bigint, round: 'half_up' | 'down' = 'half_up'): string {
  if (b === 0n) return '—'
  const rounded = round === 'down' ? (a * 10000n) / b : ((a * 100000n) / b + 5n) / 10n
  return `${rounded / 100n}.${(rounded % 100n).toString().padStart(2, '0')}%`
}

// A figure of the 通报's snapshot, which holds the plan's figures in hundredths (12 enterprises → 1200, 3.25% → 325),
// shown as the dashboard shows the figure itself.
export function formatHundredths(value: number | null | undefined, kind: ProgressIndicator['kind'] | string = 'count'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return formatFigure(value / 100, kind)
}

// actual ÷ target of two snapshot figures (hundredths or counts alike), as the 通报 prints it; "—" without both.
export function snapshotRate(actual: number | null | undefined, target: number | null | undefined): string {
  if (actual === null || actual === undefined || target === null || target === undefined || target <= 0) return '—'
  return percentOf(BigInt(actual), BigInt(target), 'down')
}

// The value column of the metrics that are not counts: 研发投入强度 (a ratio) and 新增发明专利 (a sum).
function valueLabelOf(metric: string, name: string): string | undefined {
  if (metric === 'rd') return '研发投入 / 营业收入（万元）'
  if (metric === 'patents') return name
  return undefined
}

// What the evidence of a 绩效评价 row lists: the 驾驶舱's list of its metric (研发投入 of the stage's year). Where the
// records keep their day (acceptances, recognitions, admissions…) the list is drawn as of the stage's last day and
// must add up to the achieved figure; otherwise it shows today's records, is not compared, and says so.
export function evaluationDrill(
  row: { no: number; name: string; achieved: number | null; evidence: { drill: string; metric: string; as_of: string | null } | null },
  stage: number,
): Drill | null {
  if (!row.evidence) return null
  const { metric, drill, as_of } = row.evidence
  return {
    title: `${row.no}. ${row.name} · ${stage} 年度绩效评价明细`,
    metric,
    year: metric === 'rd' ? stage : undefined,
    expected: as_of ? row.achieved : null,
    valueLabel: valueLabelOf(metric, row.name),
    note: as_of
      ? `列出截至 ${as_of} 计入的记录（无日期的记录按当前状态列出），合计即阶段完成值。`
      : `该指标的记录不保存日期，明细列表显示的是当前状态，不是 ${stage}-12-31 阶段末的状态；见“计数口径与说明”。`,
    ...(as_of ? { asOf: as_of } : {}),
    ...(drill === 'items' ? { items: true } : {}),
  }
}

// What a click on an indicator's actual lists: its metric, in one industry (code and short name) or in total.
// A count lists exactly the enterprises counted; a sum or ratio lists those whose figures went into it.
// An item figure lists its items (indicators 5–10); one a district does not count (actual null) lists nothing.
export function indicatorDrill(ind: ProgressIndicator, industry: { code: string; short_name: string } | null): Drill | null {
  if (!ind.metric) return null
  const figure = industry ? ind.by_industry[industry.code] : ind.total
  const items = ind.drill === 'items'
  if (items && (figure?.actual ?? null) === null) return null
  return {
    title: `${ind.name} · ${industry ? industry.short_name : '合计'}`,
    metric: ind.metric,
    industry: industry?.code,
    expected: ind.kind === 'count' ? (figure?.actual ?? null) : undefined,
    valueLabel: ind.kind === 'count' ? undefined : ind.kind === 'ratio' ? '研发投入 / 营业收入（万元）' : ind.name,
    ...(items ? { items: true } : {}),
  }
}

// What stands for a missing actual: an item figure a district's view does not have is counted for the whole city
// only (服务商、产品、场景), which is not 0.
export function missingActualText(ind: Pick<ProgressIndicator, 'drill' | 'supported'>): string {
  return ind.supported && ind.drill === 'items' ? '—（全市统计）' : '—'
}

// The page an item of the drill-down opens, where it has one.
export function itemPath(metric: string, id: number): string | null {
  switch (metric) {
    case 'providers':
      return `/providers/${id}`
    case 'products':
      return `/products/${id}`
    case 'replicable_scenarios':
      return '/scenarios'
    case 'smart':
    case 'chains':
    case 'parks':
      return '/records'
    default:
      return null
  }
}

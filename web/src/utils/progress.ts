// Figures of the 数据驾驶舱: actuals against targets, completion rates, and what a click on a figure lists.
import type { ProgressDistrict, ProgressIndicator, ProgressResponse } from '@/api/types'
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
  // 研发投入强度: the year of the figures; 新增发明专利: the last year counted (from 2024).
  year?: number | null
  // The year of acceptance (the annex's yearly figures), with asOf that year's last day.
  acceptedIn?: number
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
  cloud_accepted: '上云用云的改造企业',
  non_sme: '非中小企业',
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
// The figures a stage view draws as of its last day: the transformed enterprises (indicators 1–4) — the other
// enterprise metrics are listed as they are now — and every item figure (indicators 5–10).
export const AS_OF_METRICS = ['accepted', 'scale_above_accepted', 'innovative_accepted', 'cloud_accepted']

// The stage the 驾驶舱 shows: its figures' day, the years of 研发投入强度 and 新增发明专利; stage null for today's.
export type StageView = Pick<ProgressResponse, 'year' | 'figures_as_of' | 'rd_year' | 'patents_to'>

export function evaluationDrill(
  row: { no: number; name: string; achieved: number | null; evidence: { drill: string; metric: string; as_of: string | null } | null },
  stage: number,
): Drill | null {
  if (!row.evidence) return null
  const { metric, drill, as_of } = row.evidence
  return {
    title: `${row.no}. ${row.name} · ${stage} 年度绩效评价明细`,
    metric,
    // 研发投入 of the stage's year; 新增发明专利 from 2024 to the stage's year.
    year: metric === 'rd' || metric === 'patents' ? stage : undefined,
    expected: as_of ? row.achieved : null,
    valueLabel: valueLabelOf(metric, row.name),
    note: as_of
      ? `列出截至 ${as_of} 计入的记录（无日期的记录按当前状态列出），合计即阶段完成值。`
      : metric === 'rd'
        ? `列出 ${stage} 年度的研发投入与营业收入（该年度末仍在试点的企业）。`
        : metric === 'patents'
          ? `列出 2024 年至 ${stage} 年各年度新增发明专利（各年度末仍在试点的企业）。`
          : `该指标的记录不保存日期，明细列表显示的是当前状态，不是 ${stage}-12-31 阶段末的状态；见“计数口径与说明”。`,
    ...(as_of ? { asOf: as_of } : {}),
    ...(drill === 'items' ? { items: true } : {}),
  }
}

// What a click on an indicator's actual lists: its metric, in one industry (code and short name) or in total.
// A count lists exactly the enterprises counted; a sum or ratio lists those whose figures went into it.
// An item figure lists its items (indicators 5–10); one a district does not count (actual null) lists nothing.
// In a stage view the transformed enterprises and the items are listed as they stood at the stage's end; 研发投入
// is listed for the year the figure uses, 新增发明专利 up to the year it counts to.
export function indicatorDrill(
  ind: ProgressIndicator,
  industry: { code: string; short_name: string } | null,
  view: StageView | null = null,
): Drill | null {
  if (!ind.metric) return null
  const figure = industry ? ind.by_industry[industry.code] : ind.total
  const items = ind.drill === 'items'
  if (items && (figure?.actual ?? null) === null) return null
  const staged = !!view && view.year !== null && (items || AS_OF_METRICS.includes(ind.metric))
  const year = ind.metric === 'rd' ? view?.rd_year : ind.metric === 'patents' ? view?.patents_to : undefined
  return {
    title: `${ind.name} · ${industry ? industry.short_name : '合计'}${staged ? `（截至 ${view!.figures_as_of}）` : ''}`,
    metric: ind.metric,
    industry: industry?.code,
    expected: ind.kind === 'count' ? (figure?.actual ?? null) : undefined,
    valueLabel: ind.kind === 'count' ? undefined : ind.kind === 'ratio' ? '研发投入 / 营业收入（万元）' : ind.name,
    ...(year ? { year } : {}),
    ...(staged ? { asOf: view!.figures_as_of } : {}),
    ...(items ? { items: true } : {}),
  }
}

// The annex's completed figures of a district, each listing its enterprises: accepted during 2024 (as counted at
// 2024-12-31), during 2025 (at 2025-12-31), all counted at 2025-12-31 (the rate's numerator), and today's.
export type AnnexPart = 'y2024' | 'y2025' | 'total' | 'now'

export function annexDrill(d: ProgressDistrict, part: AnnexPart): Drill {
  const base = { metric: 'accepted', district: d.district.code, expected: d.accepted[part] }
  switch (part) {
    case 'y2024':
      return { ...base, title: `${d.district.name} · 2024年内验收通过（截至 2024-12-31）`, acceptedIn: 2024, asOf: '2024-12-31' }
    case 'y2025':
      return { ...base, title: `${d.district.name} · 2025年内验收通过（截至 2025-12-31）`, acceptedIn: 2025, asOf: '2025-12-31' }
    case 'total':
      return { ...base, title: `${d.district.name} · 截至2025年底验收通过`, asOf: '2025-12-31' }
    default:
      return { ...base, title: `${d.district.name} · 当前验收通过（二级及以上）` }
  }
}

// The line under the indicators when some transformed enterprises on the cloud have no recorded day: they count in
// today's figure only. Null when there are none.
export function cloudUndatedText(undated: number, stage: number | null): string | null {
  if (!undated) return null
  return stage === null
    ? `指标4含 ${undated} 家未登记上云日期的改造企业：它们只计入当前数，不计入阶段数。`
    : `另有 ${undated} 家改造企业已上云但未登记上云日期，只计入当前数，未计入本阶段的指标4。`
}

// The stages the 驾驶舱 offers: today's figures, and the plan's two stages at their end.
export const STAGES: { value: string; label: string }[] = [
  { value: '', label: '当前' },
  { value: '2024', label: '2024 年阶段末' },
  { value: '2025', label: '2025 年阶段末' },
]

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

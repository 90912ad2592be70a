// 监测通报 (reports/api.cc): a period's reports — the city's and each district's — issued by the city admin as a job,
// each frozen on a snapshot (its SM3 and the audit chain head kept with it) from which the PDF and the workbook are
// rendered; a district officer reads its own district's. The 达标预测 of the 数据驾驶舱, computed as the reports
// compute it; the 数据质量 checks; and the 绩效评价 sheets of the 2024 and 2025 stages.
import { http } from './http'
import type { PageQuery } from './index'
import type { CodeName, Job, Page } from './types'

export type ReportKind = 'month' | 'quarter'

// A document of the report: its SM3, its size in bytes and where to download it (through DownloadLink).
export interface ReportFile {
  sm3: string
  size: number
  url: string
}

export interface Report {
  id: number
  kind: ReportKind
  // "2026-10" or "2026-Q3".
  period: string
  // "2026年10月" or "2026年第三季度".
  period_label: string
  // code '' and name 全市 for the city's report.
  scope: CodeName
  snapshot_sm3: string
  // The audit chain's head when the snapshot was taken.
  audit: { seq: number; hash: string }
  pdf: ReportFile
  xlsx: ReportFile
  job_id: number
  issued_by: string
  issued_at: string
}

// ---- the snapshot (figures of indicators in hundredths: 12 enterprises → 1200, 3.25% → 325; money in 分) ----

export interface SnapshotIndicator {
  no: number
  name: string
  unit: string
  kind: 'count' | 'ratio' | 'sum'
  target: number | null
  actual: number | null
  by_industry: { industry: string; target: number | null; actual: number | null }[]
}

export interface SnapshotDistrict {
  code: string
  name: string
  // Enterprises (whole counts): the annex's task, its 2024 part and 2025 part.
  target: number
  y2024: number
  y2025: number
  pilot: number
  assessed: number
  level2: number
  // Accepted and counted at the end of 2025 (the rate and the rank use it). Snapshots issued since the annex's
  // yearly reading add the enterprises accepted during 2024 and during 2025 and today's count; older ones lack them.
  accepted: number
  accepted_2024?: number
  accepted_2025?: number
  accepted_now?: number
  rank: number
}

// 成果记录: per kind of record, how many stand by the period's end and those dated in the period ("名称（日期）").
// Snapshots issued before the section existed have none.
export interface SnapshotRecords {
  first_day: string
  last_day: string
  rows: { kind: string; count: number; added: string[] }[]
}

export type ForecastRisk = 'behind' | 'at_risk' | 'on_track' | 'unknown'

// One district's or industry's forecast for a target year (whole enterprises).
export interface ForecastRow {
  code: string
  name: string
  target: number | null
  accepted: number
  p10: number
  p50: number
  p90: number
  enough_history: boolean
  risk: ForecastRisk | null
}

export interface ForecastYear {
  label: string
  last_day: string
  districts: ForecastRow[]
  // The city only, for the years counted against the whole task.
  industries: ForecastRow[]
}

export interface Forecast {
  years: ForecastYear[]
  // How many finished durations each stage has (未立项, 申报评审, 立项实施, 验收中).
  observed_durations: number[]
  method: string
}

export interface LateMilestone {
  project_id: number
  project: string
  enterprise: string
  district: string
  milestone: string
  due_on: string
  days_late: number
}

export interface Snapshot {
  meta: {
    title: string
    kind: ReportKind
    period: string
    period_label: string
    scope: CodeName
    issuer: string
    // Epoch seconds.
    issued_at: number
    as_of: string
    plan_version: string
    rd_year: number
  }
  industries: { code: string; short_name: string }[]
  indicators: SnapshotIndicator[]
  districts: SnapshotDistrict[]
  funnel: { code: string; name: string; count: number }[]
  forecast: Forecast
  late_milestones: { total: number; items: LateMilestone[] }
  // The city's report only.
  funds?: { year: number; source: string; budget_fen: number; committed_fen: number; paid_fen: number; remaining_fen: number }[]
  providers?: { name: string; stars: number; score_milli: number | null; projects: number; accepted: number }[]
  // Figures (hundredths) that moved since the previous report of the scope and kind; previous is its period label.
  changes: { previous: string | null; items: { item: string; before: number; after: number }[] }
  records?: SnapshotRecords
  audit: { seq: number; hash: string }
}

export interface ReportRenderer {
  font_file: string
  font_sha256: string
  font_package: string
  cairo: string
  pango: string
}

export interface ReportDetail extends Report {
  snapshot: Snapshot
  // The snapshot's SM3 computed again equals the one recorded at issue.
  snapshot_intact: boolean
  renderer: ReportRenderer
}

export interface ForecastResponse {
  as_of: string
  scope: CodeName
  forecast: Forecast
}

// ---- 数据质量 ----

export type QualitySeverity = 'error' | 'warning' | 'info'

export interface QualityCheck {
  code: string
  name: string
  severity: QualitySeverity
  count: number
  // The first ten: an enterprise, a project or a provider (id and name) with a line on it.
  samples: { id: number; name: string; detail: string }[]
  // The page of the front end that lists them all ("/enterprises?stage=registered").
  link: string
  // When it was found; null for the scheduled check of the summaries before its first run.
  checked_at: string | null
}

// ---- 绩效评价 ----

export type EvaluationStage = 2024 | 2025

export interface EvaluationRow {
  no: number
  name: string
  unit: string
  // null where the plan set no target for the stage (2024: all but indicator 1); figures as numbers (3.25 = 3.25%).
  target: number | null
  achieved: number | null
  // "0.90%"; null without both figures.
  rate: string | null
  // How it is counted, and what was counted by current state for want of a date.
  basis: string
  // The 数据驾驶舱 list behind it; as_of (the stage's last day) when the list is drawn as it stood then (items that
  // keep no date, such as 可复制场景, appear as they are now, as the sheet counts them) — null for enterprise figures
  // with no history (上云, 二级 …), listed as they are now.
  evidence: { drill: 'enterprises' | 'items'; metric: string; as_of: string | null } | null
}

export interface EvaluationSheet {
  stage: EvaluationStage
  // "2025-12-31": achievements are counted up to this day.
  last_day: string
  as_of: string
  rows: EvaluationRow[]
  pdf_url: string
  xlsx_url: string
}

export const reportApi = {
  // Newest first. Filters: kind (month | quarter), period, scope (city admin: 'city' or a district code; a district
  // officer always gets its own district's).
  list: (query: PageQuery) => http.get<Page<Report>>('/reports', query),
  get: (id: number) => http.get<ReportDetail>(`/reports/${id}`),
  // city_admin; 202 with the queued job; 422 for a malformed period or one that has not begun.
  issue: (period: string) => http.post<{ job: Job }>('/reports', { period }),
  // The caller's scope: the city, or a district officer's own district.
  forecast: () => http.get<ForecastResponse>('/stats/forecast'),
  // 数据质量: the city admin's for the city, a district officer's for its district.
  // as_of: when the server ran the checks.
  quality: () => http.get<{ as_of: string; checks: QualityCheck[] }>('/data-quality'),
  // 绩效评价 (city_admin).
  evaluation: (stage: EvaluationStage) => http.get<EvaluationSheet>(`/evaluations/${stage}`),
}

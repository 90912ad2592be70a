// 监测通报 (reports/api.cc): a period's reports — the city's and each district's — issued by the city admin as a job,
// each frozen on a snapshot (its SM3 and the audit chain head kept with it) from which the PDF and the workbook are
// rendered; a district officer reads its own district's. The 达标预测 of the 数据驾驶舱, computed as the reports
// compute it; the 数据质量 checks; and the 绩效评价 sheets of the 2024 and 2025 stages.
import { answer, api, asQuery } from './http'
import type { PageQuery } from './index'
import type { components } from './schema'
import type { Item } from './types'
import { undocumented } from './undocumented'

type Schemas = components['schemas']

export type ReportDetail = Schemas['ReportDetail']
export type ReportKind = ReportDetail['kind']
// The snapshot: figures of indicators in hundredths (12 enterprises → 1200, 3.25% → 325); money in 分.
export type Snapshot = Schemas['ReportSnapshot']
export type SnapshotIndicator = Item<Snapshot['indicators']>
export type Forecast = Schemas['Forecast']
export type ForecastYear = Item<Forecast['years']>
// One district's or industry's forecast for a target year (whole enterprises).
export type ForecastRow = Item<ForecastYear['districts']>
export type ForecastRisk = NonNullable<ForecastRow['risk']>
export type ForecastResponse = Schemas['ForecastView']
export type QualityCheck = Item<Schemas['DataQuality']['checks']>
export type EvaluationSheet = Schemas['PerformanceEvaluation']
export type EvaluationStage = EvaluationSheet['stage']
export type EvaluationRow = Item<EvaluationSheet['rows']>

export const reportApi = {
  // Newest first. Filters: kind (month | quarter), period, scope (city admin: 'city' or a district code; a district
  // officer always gets its own district's).
  list: (query: PageQuery) => answer(api.GET('/api/v1/reports', { params: { query: asQuery(query) } })),
  get: (id: number) => answer(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
  // city_admin; 202 with the queued job; 422 for a malformed period or one that has not begun.
  issue: (period: string) => undocumented('POST /api/v1/reports', api.POST('/api/v1/reports', { body: { period } })),
  // The caller's scope: the city, or a district officer's own district.
  forecast: () => answer(api.GET('/api/v1/stats/forecast')),
  // 数据质量: the city admin's for the city, a district officer's for its district. as_of: when the server ran them.
  quality: () => answer(api.GET('/api/v1/data-quality')),
  // 绩效评价 (city_admin).
  evaluation: (stage: EvaluationStage) => answer(api.GET('/api/v1/evaluations/{stage}', { params: { path: { stage: String(stage) } } })),
}

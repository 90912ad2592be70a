// Typed calls, one per endpoint of the contract.
import { http, type Query } from './http'
import type {
  AdminUser,
  Assessment,
  AssessmentAnswers,
  AssessmentComparison,
  AssessmentKind,
  AssessmentModel,
  AuditDetail,
  AuditFacets,
  AuditEntry,
  AuditFilter,
  District,
  DocumentEntityType,
  DocumentVersion,
  DistrictTargetsResponse,
  EnterpriseDetail,
  EnterpriseHistoryEntry,
  EnterpriseInput,
  EnterpriseSummary,
  EnterpriseYear,
  Evaluation,
  Industry,
  Job,
  LoginAttempt,
  LprChange,
  LprRate,
  LoginResponse,
  NewUser,
  Page,
  ProgressEnterprise,
  ProgressResponse,
  ReplacementInput,
  SceneLevels,
  SubsidyQuote,
  SubsidyQuoteInput,
  SubsidyRuleSet,
  SystemStatus,
  TargetsResponse,
  User,
  Withdrawal,
} from './types'

export const authApi = {
  login: (username: string, password: string) =>
    http.post<LoginResponse>('/auth/login', { username, password }, { quiet401: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { quiet401: true }),
  me: () => http.get<{ user: User }>('/auth/me', undefined, { quiet401: true }),
}

export const referenceApi = {
  industries: () => http.get<{ items: Industry[] }>('/industries'),
  districts: () => http.get<{ items: District[] }>('/districts'),
}

export const targetsApi = {
  targets: () => http.get<TargetsResponse>('/targets'),
  districtTargets: () => http.get<DistrictTargetsResponse>('/district-targets'),
}

// Every list takes page and page_size plus its own filters; empty filters are left out of the URL.
export type PageQuery = Query & { page: number; page_size: number }

// The list filters an export takes: industry, district, q, tier, stage, status, level (strings, empty left out).
export type EnterpriseFilter = Record<string, string>

export const enterpriseApi = {
  list: (query: PageQuery) => http.get<Page<EnterpriseSummary>>('/enterprises', query),
  get: (id: number) => http.get<EnterpriseDetail>(`/enterprises/${id}`),
  create: (input: EnterpriseInput) => http.post<EnterpriseDetail>('/enterprises', input),
  update: (id: number, input: EnterpriseInput) => http.patch<EnterpriseDetail>(`/enterprises/${id}`, input),
  years: (id: number) => http.get<{ items: EnterpriseYear[] }>(`/enterprises/${id}/years`),
  setYear: (id: number, { year, ...figures }: EnterpriseYear) =>
    http.put<EnterpriseDetail>(`/enterprises/${id}/years/${year}`, figures),
  history: (id: number) => http.get<{ items: EnterpriseHistoryEntry[] }>(`/enterprises/${id}/history`),
  requestWithdrawal: (id: number, reason: string, replacement: ReplacementInput | null) =>
    http.post<Withdrawal>(`/enterprises/${id}/withdrawals`, replacement ? { reason, replacement } : { reason }),
  // The file's bytes are the request body; 202 with the queued job.
  import: (file: File) => http.upload<{ job: Job }>('/enterprises/imports', file, { name: file.name }),
  export: (filter: EnterpriseFilter) => http.post<{ job: Job }>('/enterprises/exports', filter),
}

export const withdrawalApi = {
  // Filter: status = pending | approved | rejected.
  list: (query: PageQuery) => http.get<Page<Withdrawal>>('/withdrawals', query),
  approve: (id: number, note: string) => http.post<Withdrawal>(`/withdrawals/${id}/approve`, note ? { note } : {}),
  reject: (id: number, note: string) => http.post<Withdrawal>(`/withdrawals/${id}/reject`, { note }),
}

export const statsApi = {
  progress: (year?: number | null) => http.get<ProgressResponse>('/stats/progress', { year }),
  // Filters: metric (required), industry, district, batch.
  progressEnterprises: (query: PageQuery) => http.get<Page<ProgressEnterprise>>('/stats/progress/enterprises', query),
  export: (year?: number | null) => http.post<{ job: Job }>('/stats/progress/exports', year ? { year } : {}),
}

export const userApi = {
  list: (query: PageQuery) => http.get<Page<AdminUser>>('/users', query),
  create: (user: NewUser) => http.post<{ user: AdminUser }>('/users', user),
  lock: (id: number) => http.post<{ user: AdminUser }>(`/users/${id}/lock`),
  unlock: (id: number) => http.post<{ user: AdminUser }>(`/users/${id}/unlock`),
  setPassword: (id: number, password: string) => http.post<void>(`/users/${id}/password`, { password }),
}

export const loginLogApi = {
  // Filters: username, success=true|false, from, to (ISO UTC).
  list: (query: PageQuery) => http.get<Page<LoginAttempt>>('/login-log', query),
}

export const auditApi = {
  // Filters: actor (username), action, entity_type, entity_id, from, to (ISO UTC).
  list: (query: PageQuery) => http.get<Page<AuditEntry>>('/audit', query),
  get: (seq: number) => http.get<AuditDetail>(`/audit/${seq}`),
  facets: () => http.get<AuditFacets>('/audit/facets'),
  // 202 with the queued job; its progress is read with jobApi.get.
  export: (filter: AuditFilter) => http.post<{ job: Job }>('/audit/exports', filter),
}

export const jobApi = {
  // Filters: state, kind.
  list: (query: PageQuery) => http.get<Page<Job>>('/jobs', query),
  // The contract names the job object but not its envelope; accept {job} (as the export's 202) or the bare job.
  get: async (id: number): Promise<Job> => {
    const r = await http.get<Job | { job: Job }>(`/jobs/${id}`)
    return 'job' in r ? r.job : r
  },
}

export const systemApi = {
  status: () => http.get<SystemStatus>('/system/status'),
}

// A model version never changes once published, so each is fetched once per page load (a failure is not kept).
const assessmentModels = new Map<string, Promise<AssessmentModel>>()

function assessmentModel(version: string): Promise<AssessmentModel> {
  let p = assessmentModels.get(version)
  if (!p) {
    p = http.get<AssessmentModel>(`/assessment-models/${encodeURIComponent(version)}`)
    p.catch(() => assessmentModels.delete(version))
    assessmentModels.set(version, p)
  }
  return p
}

export const assessmentApi = {
  // version: a model ("2024") or one of its versions ("2024-public-1"); an assessment names its version.
  model: assessmentModel,
  evaluate: (model: string, answers: AssessmentAnswers, scenes: SceneLevels) =>
    http.post<Evaluation>('/assessments/evaluate', { model, answers, scenes }),
  history: (enterpriseId: number) => http.get<{ items: Assessment[] }>(`/enterprises/${enterpriseId}/assessments`),
  create: (enterpriseId: number, kind: AssessmentKind) =>
    http.post<Assessment>(`/enterprises/${enterpriseId}/assessments`, { kind }),
  get: (id: number) => http.get<Assessment>(`/assessments/${id}`),
  save: (id: number, answers: AssessmentAnswers, scenes: SceneLevels) =>
    http.put<Assessment>(`/assessments/${id}`, { answers, scenes }),
  submit: (id: number) => http.post<Assessment>(`/assessments/${id}/submit`),
  compare: (a: number, b: number) => http.get<AssessmentComparison>('/assessments/compare', { a, b }),
  assignExpert: (enterpriseId: number, expertUserId: number) =>
    http.post<void>(`/enterprises/${enterpriseId}/assessors`, { expert_user_id: expertUserId }),
}

export const documentApi = {
  // Every version of every file attached to the record, by name then newest version first.
  list: (entityType: DocumentEntityType, entityId: number) =>
    http.get<{ items: DocumentVersion[] }>('/documents', { entity_type: entityType, entity_id: entityId }),
  // The file's bytes are the request body; the server recognises the type by the content. 201 with the version.
  upload: (entityType: DocumentEntityType, entityId: number, file: File, note?: string) =>
    http.upload<DocumentVersion>('/documents', file, {
      entity_type: entityType,
      entity_id: entityId,
      name: file.name,
      note: note?.trim() || undefined,
    }),
}

export const subsidyApi = {
  // Every rule set the server knows, with each scheme's rate, conditions and caps (public).
  rules: () => http.get<{ items: SubsidyRuleSet[] }>('/subsidies/rules'),
  // A what-if amount under the newest rule set; nothing is saved (public). Not eligible is a 200 with a reason.
  quote: (input: SubsidyQuoteInput) => http.post<SubsidyQuote>('/subsidies/quote', input),
}

export const lprApi = {
  list: () => http.get<{ items: LprRate[] }>('/lpr'),
  // city_admin: every load, create, update and delete, newest first.
  changes: () => http.get<{ items: LprChange[] }>('/lpr/changes'),
  // Creates or updates the rates announced on that day (YYYY-MM-DD); the reason is required.
  put: (date: string, oneYearBp: number, fiveYearBp: number, reason: string) =>
    http.put<LprRate>(`/lpr/${date}`, { one_year_bp: oneYearBp, five_year_bp: fiveYearBp, reason }),
  remove: (date: string, reason: string) => http.delete<void>(`/lpr/${date}`, { reason }),
}

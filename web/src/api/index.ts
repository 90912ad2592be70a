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
  DistrictTargetsResponse,
  EnterpriseDetail,
  EnterpriseSummary,
  Evaluation,
  Industry,
  Job,
  LoginAttempt,
  LoginResponse,
  NewUser,
  Page,
  SceneLevels,
  SystemStatus,
  TargetsResponse,
  User,
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

export const enterpriseApi = {
  list: (query: PageQuery) => http.get<Page<EnterpriseSummary>>('/enterprises', query),
  get: (id: number) => http.get<EnterpriseDetail>(`/enterprises/${id}`),
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

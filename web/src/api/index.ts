// Typed calls, one per endpoint of the contract.
import { http, type Query } from './http'
import type {
  AdminUser,
  CodeName,
  Assessment,
  ContractInput,
  CostInput,
  CostSharing,
  Fund,
  FundList,
  InterestPreview,
  Loan,
  LoanInput,
  LoanPoolEntry,
  Payment,
  PaymentAction,
  PaymentInput,
  Provider,
  ProviderAppeal,
  ProviderEvaluation,
  ProviderEvaluationDetail,
  ProviderEvent,
  ProviderFlowMonth,
  ProviderObjection,
  ProviderProfileInput,
  ProviderRecord,
  ProviderSelections,
  NewProvider,
  Product,
  ProductCatalog,
  ProductInput,
  RankedProduct,
  Scenario,
  ScenarioInput,
  ScenarioSelection,
  ScenarioSelectionInput,
  Scorecard,
  Article,
  ArticleDetail,
  ArticleEvent,
  ArticleInput,
  PublicArticle,
  PublicArticleDetail,
  PublicEnterprise,
  PublicLookup,
  ProviderNotice,
  PublicProvider,
  OpenDataTable,
  Subsidy,
  SubsidyComputation,
  SubsidyDetail,
  SubsidyRequest,
  Diagnosis,
  DiagnosisInput,
  ExpertProfile,
  ExpertProfileInput,
  NewProject,
  NewReview,
  PlanInput,
  ProjectDetail,
  ProjectReference,
  ProjectSummary,
  ReviewDetail,
  ReviewSummary,
  Rubric,
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
  PendingLogin,
  TotpEnrolment,
  NewUser,
  Page,
  ProgressEnterprise,
  ProgressItemPage,
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
  ChainModel,
  ChainModelInput,
  DecisionInput,
  Lighthouse,
  LighthouseInput,
  Workshop,
  WorkshopInput,
  MatchEvent,
  MatchEventInput,
  MatchRegistration,
  Need,
  NeedDetail,
  NeedInput,
  NeedSuggestions,
  NotificationList,
  Park,
  ParkInput,
  ProposalInput,
  Recognition,
  RecognitionInput,
  RecordsTally,
  Schedule,
  ScheduleInput,
  ScheduleKind,
  Training,
  TrainingInput,
} from './types'

// One value fetched once per page load and shared by every caller; a failure is not kept, and `forget` makes the
// next caller fetch it again.
function cached<T>(fetch: () => Promise<T>): { get: () => Promise<T>; forget: () => void } {
  let p: Promise<T> | null = null
  return {
    get: () => {
      if (!p) {
        const mine = fetch()
        p = mine
        mine.catch(() => {
          if (p === mine) p = null
        })
      }
      return p
    },
    forget: () => {
      p = null
    },
  }
}

export const authApi = {
  // An administrator's account answers with a PendingLogin: the second factor comes next.
  login: (username: string, password: string) =>
    http.post<LoginResponse | PendingLogin>('/auth/login', { username, password }, { quiet401: true }),
  enrol: (pendingToken: string) =>
    http.post<TotpEnrolment>('/auth/login/enrolment', { pending_token: pendingToken }, { quiet401: true }),
  verify: (pendingToken: string, second: { code: string } | { recovery_code: string }) =>
    http.post<LoginResponse>('/auth/login/verify', { pending_token: pendingToken, ...second }, { quiet401: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { quiet401: true }),
  me: () => http.get<{ user: User }>('/auth/me', undefined, { quiet401: true }),
}

export const referenceApi = {
  // Reference data: the same for the whole page load.
  industries: cached(() => http.get<{ items: Industry[] }>('/industries')).get,
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
  // year: a stage (2024, 2025) — the figures as they stood at its end — or absent for today's.
  progress: (year?: number | null) => http.get<ProgressResponse>('/stats/progress', { year }),
  // Filters: metric (required), industry, district, batch; as_of (YYYY-MM-DD: those counted at the end of that day,
  // for the transformed metrics), accepted_in (a year of acceptance), year (研发投入's year; patents up to that year).
  progressEnterprises: (query: PageQuery) => http.get<Page<ProgressEnterprise>>('/stats/progress/enterprises', query),
  // The items behind indicators 5–10. Filters: metric (required), industry, district, as_of.
  progressItems: (query: PageQuery) => http.get<ProgressItemPage>('/stats/progress/items', query),
  export: (year?: number | null) => http.post<{ job: Job }>('/stats/progress/exports', year ? { year } : {}),
}

export const userApi = {
  list: (query: PageQuery) => http.get<Page<AdminUser>>('/users', query),
  create: (user: NewUser) => http.post<{ user: AdminUser }>('/users', user),
  lock: (id: number) => http.post<{ user: AdminUser }>(`/users/${id}/lock`),
  unlock: (id: number) => http.post<{ user: AdminUser }>(`/users/${id}/unlock`),
  setPassword: (id: number, password: string) => http.post<void>(`/users/${id}/password`, { password }),
  resetSecondFactor: (id: number) => http.post<{ user: AdminUser }>(`/users/${id}/second-factor/reset`),
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
  // Filters: state, kind, id (one job).
  list: (query: PageQuery) => http.get<Page<Job>>('/jobs', query),
  // The kinds of job the server runs, in words (the list's filter).
  kinds: () => http.get<{ items: CodeName[] }>('/jobs/kinds'),
  // The contract names the job object but not its envelope; accept {job} (as the export's 202) or the bare job.
  get: async (id: number): Promise<Job> => {
    const r = await http.get<Job | { job: Job }>(`/jobs/${id}`)
    return 'job' in r ? r.job : r
  },
}

// 定时任务 (city_admin): each change is audited; 422 with the server's message for a bad period, day, hour or parameter.
export const scheduleApi = {
  list: () => http.get<{ items: Schedule[]; kinds: ScheduleKind[] }>('/schedules'),
  create: (input: ScheduleInput) => http.post<Schedule>('/schedules', input),
  update: (id: number, input: ScheduleInput) => http.patch<Schedule>(`/schedules/${id}`, input),
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

// The lifecycle, outcome indicators and acceptance materials are data on the server; fetched once per page load.
export const projectApi = {
  reference: cached(() => http.get<ProjectReference>('/project-reference')).get,
  // Filters: state, district, industry, enterprise_id, overdue=1.
  list: (query: PageQuery) => http.get<Page<ProjectSummary>>('/projects', query),
  get: (id: number) => http.get<ProjectDetail>(`/projects/${id}`),
  create: (input: NewProject) => http.post<ProjectDetail>('/projects', input),
  // 409 names the state, the parties allowed, or what is missing.
  transition: (id: number, action: string, extra: { reason?: string; expert_user_id?: number } = {}) =>
    http.post<ProjectDetail>(`/projects/${id}/transitions`, { action, ...extra }),
  proposePlan: (id: number, plan: PlanInput, reason: string) =>
    http.post<{ version: number; state: string }>(`/projects/${id}/plans`, { plan, reason }),
  decidePlan: (id: number, version: number, approve: boolean, note: string) =>
    http.post<{ version: number; state: string }>(`/projects/${id}/plans/${version}/decision`, note ? { approve, note } : { approve }),
  setContract: (id: number, input: ContractInput) => http.put<ProjectDetail>(`/projects/${id}/contract`, input),
  completeMilestone: (id: number, milestoneId: number, doneOn: string, documentId?: number) =>
    http.post<void>(`/projects/${id}/milestones/${milestoneId}/complete`, documentId ? { done_on: doneOn, document_id: documentId } : { done_on: doneOn }),
  addCost: (id: number, input: CostInput) => http.post<{ id: number; amount_fen: number }>(`/projects/${id}/costs`, input),
  // 企业出一点、服务商让一点、政府补一点.
  costSharing: (id: number) => http.get<CostSharing>(`/projects/${id}/cost-sharing`),
  assignExpert: (id: number, userId: number, duty: 'supervision' | 'acceptance') =>
    http.post<void>(`/projects/${id}/experts`, { user_id: userId, duty }),
  addVisit: (id: number, visitedOn: string, findings: string, rectificationDueOn: string | null) =>
    http.post<{ id: number }>(`/projects/${id}/supervision`, rectificationDueOn
      ? { visited_on: visitedOn, findings, rectification_due_on: rectificationDueOn }
      : { visited_on: visitedOn, findings }),
  rectify: (id: number, visitId: number, rectifiedOn: string, note: string) =>
    http.post<void>(`/projects/${id}/supervision/${visitId}/rectification`, { rectified_on: rectifiedOn, note }),
  setOutcomes: (id: number, outcomes: { indicator: string; before: string; after: string }[]) =>
    http.put<ProjectDetail>(`/projects/${id}/outcomes`, { outcomes }),
  addMaterial: (id: number, material: string, documentId: number) =>
    http.post<void>(`/projects/${id}/materials`, { material, document_id: documentId }),
  rate: (id: number, rating: number, comment: string) => http.put<void>(`/projects/${id}/rating`, { rating, comment }),
}

export const diagnosisApi = {
  list: (enterpriseId: number) => http.get<{ items: Diagnosis[] }>(`/enterprises/${enterpriseId}/diagnoses`),
  create: (enterpriseId: number, input: DiagnosisInput) => http.post<Diagnosis>(`/enterprises/${enterpriseId}/diagnoses`, input),
}

export const expertApi = {
  // city_admin: every expert with a profile.
  list: () => http.get<{ items: ExpertProfile[] }>('/experts'),
  // 404 when no profile was filed yet.
  get: (userId: number) => http.get<ExpertProfile>(`/experts/${userId}`),
  save: (userId: number, input: ExpertProfileInput) => http.put<ExpertProfile>(`/experts/${userId}`, input),
}

export const reviewApi = {
  rubrics: () => http.get<{ items: Rubric[] }>('/review-rubrics'),
  // Either expert_user_ids or draw; 409 names the conflict of interest.
  create: (input: NewReview) => http.post<ReviewDetail>('/reviews', input),
  ofSubject: (subjectType: string, subjectId: number) =>
    http.get<{ items: ReviewSummary[] }>('/reviews', { subject_type: subjectType, subject_id: subjectId }),
  mine: () => http.get<{ items: ReviewSummary[] }>('/reviews/mine'),
  get: (id: number) => http.get<ReviewDetail>(`/reviews/${id}`),
  score: (id: number, scores: Record<string, number>, comment: string, submit: boolean) =>
    http.put<ReviewDetail>(`/reviews/${id}/score`, { scores, comment, submit }),
  abstain: (id: number, reason: string) => http.post<void>(`/reviews/${id}/abstain`, { reason }),
  recuse: (id: number, userId: number, reason: string) => http.post<void>(`/reviews/${id}/recuse`, { user_id: userId, reason }),
  reopen: (id: number, userId: number, reason: string) => http.post<void>(`/reviews/${id}/reopen`, { user_id: userId, reason }),
  consensus: (id: number, pass: boolean, opinion: string) => http.post<ReviewDetail>(`/reviews/${id}/consensus`, { pass, opinion }),
}

// The provider directory is public and small; fetched once per page load, and again after a move that may change
// who is listed.
const providerDirectory = cached(() => http.get<{ items: Provider[] }>('/providers').then((r) => r.items))

export const providerApi = {
  list: providerDirectory.get,
  // The city admin sees every status; the others the listed providers. Filters: status, kind, industry.
  directory: (query: Query = {}) => http.get<{ items: ProviderRecord[] }>('/provider-directory', query),
  get: (id: number) => http.get<ProviderRecord>(`/providers/${id}`),
  create: (input: NewProvider) => http.post<ProviderRecord>('/providers', input),
  // 409 while it is under review; once listed only the address and the contact may change.
  update: (id: number, input: Partial<ProviderProfileInput>) => http.patch<ProviderRecord>(`/providers/${id}`, input),
  // 409 names what is missing (the profile, a passed review, the end of the 公示, an unresolved objection).
  transition: async (id: number, action: string, extra: { reason?: string; due_on?: string } = {}) => {
    const r = await http.post<ProviderRecord>(`/providers/${id}/transitions`, { action, ...extra })
    providerDirectory.forget()
    return r
  },
  events: (id: number) => http.get<{ items: ProviderEvent[] }>(`/providers/${id}/events`),
  objections: (id: number) => http.get<{ items: ProviderObjection[] }>(`/providers/${id}/objections`),
  addObjection: (id: number, objector: string, content: string) =>
    http.post<{ id: number }>(`/providers/${id}/objections`, objector ? { objector, content } : { content }),
  resolveObjection: (id: number, objectionId: number, resolution: string) =>
    http.post<void>(`/providers/${id}/objections/${objectionId}/resolution`, { resolution }),
  appeals: (id: number) => http.get<{ items: ProviderAppeal[] }>(`/providers/${id}/appeals`),
  // Against the latest sanction (警告、整改、出库); one appeal per decision.
  appeal: (id: number, reason: string) => http.post<{ id: number; status: string }>(`/providers/${id}/appeals`, { reason }),
  decideAppeal: async (id: number, appealId: number, overturn: boolean, note: string) => {
    const r = await http.post<{ id: number; status: string }>(`/providers/${id}/appeals/${appealId}/decision`, { overturn, note })
    providerDirectory.forget()
    return r
  },
  scorecard: (id: number) => http.get<Scorecard>(`/providers/${id}/scorecard`),
  selections: () => http.get<ProviderSelections>('/provider-selections'),
  select: (input: { industry: string; provider_id: number; selected: boolean; note?: string }) =>
    http.put<void>('/provider-selections', input),
  flows: () => http.get<{ items: ProviderFlowMonth[] }>('/provider-flows'),
  evaluations: () => http.get<{ items: ProviderEvaluation[] }>('/provider-evaluations'),
  evaluation: (id: number) => http.get<ProviderEvaluationDetail>(`/provider-evaluations/${id}`),
  // Freezes every listed provider's scorecard with the committee's opinion; 409 when the period is taken.
  evaluate: (period: string, opinion: string) => http.post<ProviderEvaluationDetail>('/provider-evaluations', { period, opinion }),
}

export const productApi = {
  // Categories, deployments and the 可复制 threshold; data that does not change while the page is open.
  catalog: cached(() => http.get<ProductCatalog>('/product-catalog')).get,
  // Listed products; a provider also its own, the city admin all. Filters: status, category, industry, q.
  list: (query: Query = {}) => http.get<{ items: Product[] }>('/products', query),
  get: (id: number) => http.get<Product>(`/products/${id}`),
  create: (input: ProductInput) => http.post<Product>('/products', input),
  update: (id: number, input: Partial<ProductInput>) => http.patch<Product>(`/products/${id}`, input),
  transition: (id: number, action: string, extra: { reason?: string } = {}) =>
    http.post<Product>(`/products/${id}/transitions`, { action, ...extra }),
  // What awards are judged on: results, spread, value for money.
  ranking: (category?: string) => http.get<{ items: RankedProduct[]; basis: string }>('/product-ranking', { category }),
}

export const scenarioApi = {
  list: (industry?: string) => http.get<{ items: Scenario[] }>('/scenarios', { industry }),
  // 专家委员会评定 of the scenarios' 可复制可推广, newest first as the server lists them.
  selections: (industry?: string) => http.get<{ items: ScenarioSelection[] }>('/scenario-selections', { industry }),
  // city_admin; 422 names what is wrong (a rejection without reason, fewer than three experts …), 409 a scenario
  // already selected.
  select: (input: ScenarioSelectionInput) => http.post<ScenarioSelection>('/scenario-selections', input),
  create: (input: ScenarioInput) => http.post<{ id: number; name: string }>('/scenarios', input),
  link: (id: number, productId: number, linked: boolean) =>
    http.post<void>(`/scenarios/${id}/links`, { product_id: productId, linked }),
}

export const articleApi = {
  // A district officer sees its own and the published ones. Filters: kind, state.
  list: (query: PageQuery) => http.get<Page<Article>>('/articles', query),
  get: (id: number) => http.get<ArticleDetail>(`/articles/${id}`),
  create: (input: ArticleInput) => http.post<ArticleDetail>('/articles', input),
  update: (id: number, input: Partial<ArticleInput>) => http.patch<ArticleDetail>(`/articles/${id}`, input),
  transition: (id: number, action: string, extra: { reason?: string } = {}) =>
    http.post<ArticleDetail>(`/articles/${id}/transitions`, { action, ...extra }),
  history: (id: number) => http.get<{ items: ArticleEvent[] }>(`/articles/${id}/history`),
}

// The portal, without login. The look-ups share one slot per client every 10 s (429 with Retry-After).
export const publicApi = {
  articles: (query: PageQuery) => http.get<Page<PublicArticle>>('/public/articles', query),
  article: (id: number) => http.get<PublicArticleDetail>(`/public/articles/${id}`),
  enterprises: (q: string) => http.get<PublicLookup<PublicEnterprise>>('/public/enterprises', { q }),
  providers: (q: string) => http.get<PublicLookup<PublicProvider>>('/public/providers', { q }),
  products: (q: string) => http.get<PublicLookup<Product>>('/public/products', { q }),
  // 服务商入库公示 and a named objection from the public (the look-ups' per-client limit applies).
  providerNotices: () => http.get<{ items: ProviderNotice[] }>('/public/provider-notices'),
  objectToNotice: (id: number, body: { objector: string; content: string }) =>
    http.post<{ id: number; received_at: string; message: string }>(`/public/provider-notices/${id}/objections`, body),
  openData: () => http.get<{ tables: OpenDataTable[] }>('/public/open-data'),
  openDataCsvUrl: '/api/v1/public/open-data?format=csv',
}

// 补助核定 and its tranches (拨付). The city approves and pays; the others read what concerns them.
export const subsidyCaseApi = {
  // Filters: scheme, enterprise_id, project_id (the server narrows to the caller's scope).
  list: (query: PageQuery) => http.get<Page<Subsidy>>('/subsidies', query),
  get: (id: number) => http.get<SubsidyDetail>(`/subsidies/${id}`),
  // The amount the rules allow from the platform's own facts, nothing saved (ineligible is a 200 with a reason).
  preview: (input: SubsidyRequest) => http.post<SubsidyComputation>('/subsidies/preview', input),
  approve: (input: SubsidyRequest) => http.post<Subsidy>('/subsidies', input),
  cancel: (id: number, reason: string) => http.post<void>(`/subsidies/${id}/cancel`, { reason }),
  // 409 with field amount_fen beyond the approval (unless cut), fund_id beyond the fund's budget (unless overridden).
  schedule: (id: number, input: PaymentInput) => http.post<Payment>(`/subsidies/${id}/payments`, input),
  move: (paymentId: number, action: PaymentAction, reason?: string) =>
    http.post<Payment>(`/payments/${paymentId}/transitions`, reason ? { action, reason } : { action }),
}

export const fundApi = {
  list: () => http.get<FundList>('/funds'),
  create: (input: { source: string; year: number; name?: string; budget_fen: number }) =>
    http.post<Pick<Fund, 'id' | 'name' | 'budget_fen'>>('/funds', input),
  setBudget: (id: number, budgetFen: number, reason: string) =>
    http.put<Pick<Fund, 'id' | 'budget_fen'>>(`/funds/${id}`, { budget_fen: budgetFen, reason }),
}

// 数字贷: the bank records the loan, the enterprise applies, the bank confirms the interest paid period by period
// (previewed, then locked), the city admin may send a confirmed period back, and approves the subsidy.
export const loanApi = {
  list: () => http.get<{ items: Loan[] }>('/loans'),
  create: (input: LoanInput) => http.post<Loan>('/loans', input),
  apply: (id: number) => http.post<Loan>(`/loans/${id}/apply`),
  // The bank: months next_confirmation.first_month..lastMonth. Nothing is written; 422 when the interest is above the
  // plausible maximum or the months are out of range.
  previewInterest: (id: number, lastMonth: number, interestPaidFen: number) =>
    http.post<InterestPreview>(`/loans/${id}/interest-periods/preview`, { last_month: lastMonth, interest_paid_fen: interestPaidFen }),
  // The same body locks it (201 with the loan).
  confirmInterest: (id: number, lastMonth: number, interestPaidFen: number) =>
    http.post<Loan>(`/loans/${id}/interest-periods`, { last_month: lastMonth, interest_paid_fen: interestPaidFen }),
  // The city admin sends a confirmed period back to the bank; 409 while an approval still rests on it.
  reopenPeriod: (id: number, periodId: number, reason: string) =>
    http.post<Loan>(`/loans/${id}/interest-periods/${periodId}/reopen`, { reason }),
  // 制造业中长期贷款项目库 (the city recommends; the city and the banks read).
  pool: () => http.get<{ items: LoanPoolEntry[] }>('/loan-pool'),
  recommend: (input: { enterprise_id: number; project_id?: number; amount_fen: number; note?: string }) =>
    http.post<{ id: number }>('/loan-pool', input),
}

// 企商互动.
export const needApi = {
  // Newest first, a page at a time, each with its enterprise's name. An enterprise sees its own, a district its
  // district's, a provider the open ones and those it answered, the city all. Filters: status, category.
  list: (query: PageQuery) => http.get<Page<Need>>('/needs', query),
  // With the moves open to the caller (`actions`).
  get: (id: number) => http.get<NeedDetail>(`/needs/${id}`),
  suggestions: (id: number) => http.get<NeedSuggestions>(`/needs/${id}/suggestions`),
  create: (input: NeedInput) => http.post<Need>('/needs', input),
  // A listed provider, once per need; 409 when the need is no longer open.
  propose: (id: number, input: ProposalInput) => http.post<{ id: number; status: string }>(`/needs/${id}/proposals`, input),
  // The enterprise that posted (or the city admin) picks one proposal; the need becomes 已对接.
  accept: (id: number, proposalId: number) => http.post<void>(`/needs/${id}/accept`, { proposal_id: proposalId }),
  close: (id: number, reason: string) => http.post<void>(`/needs/${id}/close`, { reason }),
  say: (id: number, body: string) => http.post<{ id: number }>(`/needs/${id}/messages`, { body }),
}

// 供需对接会: the city publishes, enterprises and providers register (409 when full, held or already registered).
export const matchEventApi = {
  list: () => http.get<{ items: MatchEvent[] }>('/match-events'),
  create: (input: MatchEventInput) => http.post<{ id: number }>('/match-events', input),
  register: (id: number) => http.post<void>(`/match-events/${id}/registrations`),
  // city_admin.
  registrations: (id: number) => http.get<{ items: MatchRegistration[] }>(`/match-events/${id}/registrations`),
}

// 站内消息: the caller's own.
export const notificationApi = {
  list: (unreadOnly = false) => http.get<NotificationList>('/notifications', { unread: unreadOnly ? 1 : undefined }),
  read: (id: number) => http.post<void>(`/notifications/${id}/read`),
  readAll: () => http.post<void>('/notifications/read-all'),
}

// The records the plan counts beside enterprises; everyone signed in reads them. The city admin records them; a
// district officer records recognitions, parks and attendance for its own district.
export const recordsApi = {
  chains: (industry?: string) => http.get<{ items: ChainModel[] }>('/chain-models', { industry }),
  addChain: (input: ChainModelInput) => http.post<{ id: number }>('/chain-models', input),
  recognitions: (enterpriseId?: number | null) => http.get<{ items: Recognition[] }>('/recognitions', { enterprise_id: enterpriseId }),
  recognize: (input: RecognitionInput) => http.post<{ id: number }>('/recognitions', input),
  // city_admin: 建成, then (only after it, once) the 工信部 recognition.
  completeChain: (id: number, d: DecisionInput) => http.post<ChainModel>(`/chain-models/${id}/completion`, d),
  recognizeChain: (id: number, d: DecisionInput) => http.post<ChainModel>(`/chain-models/${id}/miit-recognition`, d),
  parks: () => http.get<{ items: Park[] }>('/parks'),
  addPark: (input: ParkInput) => http.post<{ id: number }>('/parks', input),
  // The city admin or the park's district officer, once.
  transformPark: (id: number, d: DecisionInput) => http.post<Park>(`/parks/${id}/transformation`, d),
  lighthouses: (enterpriseId?: number | null) => http.get<{ items: Lighthouse[] }>('/lighthouses', { enterprise_id: enterpriseId }),
  // city_admin; one per enterprise (409 otherwise).
  designate: (input: LighthouseInput) => http.post<Lighthouse>('/lighthouses', input),
  workshops: (enterpriseId?: number | null) => http.get<{ items: Workshop[] }>('/digital-workshops', { enterprise_id: enterpriseId }),
  // city_admin; the lead must be a 小灯塔 designated on or before the day (409 otherwise).
  addWorkshop: (input: WorkshopInput) => http.post<Workshop>('/digital-workshops', input),
  trainings: () => http.get<{ items: Training[] }>('/trainings'),
  addTraining: (input: TrainingInput) => http.post<{ id: number }>('/trainings', input),
  // Sets (or replaces) the people one enterprise sent.
  attend: (id: number, enterpriseId: number, people: number) =>
    http.put<void>(`/trainings/${id}/attendance`, { enterprise_id: enterpriseId, people }),
  tally: () => http.get<RecordsTally>('/records/tally'),
}

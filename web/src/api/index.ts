// The calls of each area, named for the pages. Each forwards to the contract's client (`api`, typed by schema.d.ts):
// the route is the document's path, its parameters, body and answer are the document's types.
import { answer, api, asQuery, quietApi, rawFile, type Query } from './http'
import type {
  AssessmentAnswers,
  AssessmentKind,
  AssessmentModel,
  DecisionInput,
  DocumentEntityType,
  OpenData,
  EnterpriseInput,
  EnterpriseYear,
  PaymentAction,
  ProviderProfileInput,
  ProductInput,
  ArticleInput,
  PlanInput,
  ReplacementInput,
  RequestBody,
  SceneLevels,
} from './types'
import { undocumented } from './undocumented'

// The path parameter of the routes that name one record.
function at(id: number) {
  return { params: { path: { id } } }
}

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
  // An administrator's account answers with a PendingLogin (202): the second factor comes next.
  login: (username: string, password: string) =>
    answer(quietApi.POST('/api/v1/auth/login', { body: { username, password } })),
  enrol: (pendingToken: string) =>
    answer(quietApi.POST('/api/v1/auth/login/enrolment', { body: { pending_token: pendingToken } })),
  verify: (pendingToken: string, second: { code: string } | { recovery_code: string }) =>
    answer(quietApi.POST('/api/v1/auth/login/verify', { body: { pending_token: pendingToken, ...second } })),
  logout: () => answer(quietApi.POST('/api/v1/auth/logout')),
  me: () => answer(quietApi.GET('/api/v1/auth/me')),
}

export const referenceApi = {
  // Reference data: the same for the whole page load.
  industries: cached(() => answer(api.GET('/api/v1/industries'))).get,
  districts: () => answer(api.GET('/api/v1/districts')),
  // Every workflow's states, parties and moves (the server's files): state names for filters, moves' tags.
  workflows: cached(() => answer(api.GET('/api/v1/workflows')).then((r) => r.items)).get,
}

export const targetsApi = {
  targets: () => answer(api.GET('/api/v1/targets')),
  districtTargets: () => answer(api.GET('/api/v1/district-targets')),
}

// Every list takes page and page_size plus its own filters; empty filters are left out of the URL.
export type PageQuery = Query & { page: number; page_size: number }

// The list filters an export takes: industry, district, q, tier, stage, status, level (strings, empty left out).
export type EnterpriseFilter = RequestBody<'/api/v1/enterprises/exports', 'post'>

export const enterpriseApi = {
  list: (query: PageQuery) => answer(api.GET('/api/v1/enterprises', { params: { query: asQuery(query) } })),
  get: (id: number) => answer(api.GET('/api/v1/enterprises/{id}', at(id))),
  create: (input: EnterpriseInput) => answer(api.POST('/api/v1/enterprises', { body: input })),
  update: (id: number, input: EnterpriseInput) => answer(api.PATCH('/api/v1/enterprises/{id}', { ...at(id), body: input })),
  years: (id: number) => answer(api.GET('/api/v1/enterprises/{id}/years', at(id))),
  setYear: (id: number, { year, ...figures }: EnterpriseYear) =>
    answer(api.PUT('/api/v1/enterprises/{id}/years/{year}', { params: { path: { id, year } }, body: figures })),
  history: (id: number) => answer(api.GET('/api/v1/enterprises/{id}/history', at(id))),
  requestWithdrawal: (id: number, reason: string, replacement: ReplacementInput | null) =>
    answer(api.POST('/api/v1/enterprises/{id}/withdrawals', { ...at(id), body: replacement ? { reason, replacement } : { reason } })),
  // The file's bytes are the request body; 202 with the queued job.
  import: (file: File) =>
    undocumented('POST /api/v1/enterprises/imports', api.POST('/api/v1/enterprises/imports', { params: { query: { name: file.name } }, body: file, ...rawFile })),
  export: (filter: EnterpriseFilter) =>
    undocumented('POST /api/v1/enterprises/exports', api.POST('/api/v1/enterprises/exports', { body: filter })),
}

export const withdrawalApi = {
  // Filter: status = pending | approved | rejected.
  list: (query: PageQuery) => answer(api.GET('/api/v1/withdrawals', { params: { query: asQuery(query) } })),
  approve: (id: number, note: string) => answer(api.POST('/api/v1/withdrawals/{id}/approve', { ...at(id), body: note ? { note } : {} })),
  reject: (id: number, note: string) => answer(api.POST('/api/v1/withdrawals/{id}/reject', { ...at(id), body: { note } })),
}

export const statsApi = {
  // year: a stage (2024, 2025) — the figures as they stood at its end — or absent for today's.
  progress: (year?: number | null) =>
    answer(api.GET('/api/v1/stats/progress', { params: { query: { year: year ? String(year) : undefined } } })),
  // Filters: metric (required), industry, district, batch; as_of (YYYY-MM-DD: those counted at the end of that day,
  // for the transformed metrics), accepted_in (a year of acceptance), year (研发投入's year; patents up to that year).
  progressEnterprises: (query: PageQuery) =>
    answer(api.GET('/api/v1/stats/progress/enterprises', { params: { query: asQuery(query) } })),
  // The items behind indicators 5–10. Filters: metric (required), industry, district, as_of.
  progressItems: (query: PageQuery) => answer(api.GET('/api/v1/stats/progress/items', { params: { query: asQuery(query) } })),
  export: (year?: number | null) =>
    undocumented('POST /api/v1/stats/progress/exports', api.POST('/api/v1/stats/progress/exports', { body: year ? { year } : {} })),
}

export const userApi = {
  list: (query: PageQuery) => answer(api.GET('/api/v1/users', { params: { query: asQuery(query) } })),
  create: (user: RequestBody<'/api/v1/users', 'post'>) => answer(api.POST('/api/v1/users', { body: user })),
  lock: (id: number) => answer(api.POST('/api/v1/users/{id}/lock', at(id))),
  unlock: (id: number) => answer(api.POST('/api/v1/users/{id}/unlock', at(id))),
  setPassword: (id: number, password: string) => answer(api.POST('/api/v1/users/{id}/password', { ...at(id), body: { password } })),
  resetSecondFactor: (id: number) => answer(api.POST('/api/v1/users/{id}/second-factor/reset', at(id))),
}

export const loginLogApi = {
  // Filters: username, success=true|false, from, to (ISO UTC).
  list: (query: PageQuery) => answer(api.GET('/api/v1/login-log', { params: { query: asQuery(query) } })),
}

export const auditApi = {
  // Filters: actor (username), action, entity_type, entity_id, from, to (ISO UTC).
  list: (query: PageQuery) => answer(api.GET('/api/v1/audit', { params: { query: asQuery(query) } })),
  get: (seq: number) => answer(api.GET('/api/v1/audit/{id}', at(seq))),
  facets: () => answer(api.GET('/api/v1/audit/facets')),
  // 202 with the queued job; its progress is read with jobApi.get.
  export: (filter: RequestBody<'/api/v1/audit/exports', 'post'>) => answer(api.POST('/api/v1/audit/exports', { body: filter })),
}

export const jobApi = {
  // Filters: state, kind, id (one job).
  list: (query: PageQuery) => answer(api.GET('/api/v1/jobs', { params: { query: asQuery(query) } })),
  // The kinds of job the server runs, in words (the list's filter).
  kinds: () => answer(api.GET('/api/v1/jobs/kinds')),
  get: (id: number) => answer(api.GET('/api/v1/jobs/{id}', at(id))),
}

// 定时任务 (city_admin): each change is audited; 422 with the server's message for a bad period, day, hour or parameter.
export const scheduleApi = {
  list: () => answer(api.GET('/api/v1/schedules')),
  create: (input: RequestBody<'/api/v1/schedules', 'post'>) => answer(api.POST('/api/v1/schedules', { body: input })),
  update: (id: number, input: RequestBody<'/api/v1/schedules/{id}', 'patch'>) =>
    answer(api.PATCH('/api/v1/schedules/{id}', { ...at(id), body: input })),
}

export const systemApi = {
  status: () => answer(api.GET('/api/v1/system/status')),
}

// A model version never changes once published, so each is fetched once per page load (a failure is not kept).
const assessmentModels = new Map<string, Promise<AssessmentModel>>()

function assessmentModel(version: string): Promise<AssessmentModel> {
  let p = assessmentModels.get(version)
  if (!p) {
    p = answer(api.GET('/api/v1/assessment-models/{version}', { params: { path: { version } } }))
    p.catch(() => assessmentModels.delete(version))
    assessmentModels.set(version, p)
  }
  return p
}

export const assessmentApi = {
  // version: a model ("2024") or one of its versions ("2024-public-1"); an assessment names its version.
  model: assessmentModel,
  evaluate: (model: string, answers: AssessmentAnswers, scenes: SceneLevels) =>
    undocumented('POST /api/v1/assessments/evaluate', api.POST('/api/v1/assessments/evaluate', { body: { model, answers, scenes } })),
  history: (enterpriseId: number) => answer(api.GET('/api/v1/enterprises/{id}/assessments', at(enterpriseId))),
  create: (enterpriseId: number, kind: AssessmentKind) =>
    answer(api.POST('/api/v1/enterprises/{id}/assessments', { ...at(enterpriseId), body: { kind } })),
  get: (id: number) => answer(api.GET('/api/v1/assessments/{id}', at(id))),
  save: (id: number, answers: AssessmentAnswers, scenes: SceneLevels) =>
    answer(api.PUT('/api/v1/assessments/{id}', { ...at(id), body: { answers, scenes } })),
  submit: (id: number) => answer(api.POST('/api/v1/assessments/{id}/submit', at(id))),
  compare: (a: number, b: number) => answer(api.GET('/api/v1/assessments/compare', { params: { query: { a, b } } })),
  assignExpert: (enterpriseId: number, expertUserId: number) =>
    answer(api.POST('/api/v1/enterprises/{id}/assessors', { ...at(enterpriseId), body: { expert_user_id: expertUserId } })),
}

export const documentApi = {
  // Every version of every file attached to the record, by name then newest version first.
  list: (entityType: DocumentEntityType, entityId: number) =>
    answer(api.GET('/api/v1/documents', { params: { query: { entity_type: entityType, entity_id: String(entityId) } } })),
  // The file's bytes are the request body; the server recognises the type by the content. 201 with the version.
  upload: (entityType: DocumentEntityType, entityId: number, file: File, note?: string) =>
    answer(
      api.POST('/api/v1/documents', {
        params: { query: { entity_type: entityType, entity_id: String(entityId), name: file.name, note: note?.trim() || undefined } },
        body: file,
        ...rawFile,
      }),
    ),
}

export const subsidyApi = {
  // Every rule set the server knows, with each scheme's rate, conditions and caps (public).
  rules: () => answer(api.GET('/api/v1/subsidies/rules')),
  // A what-if amount under the newest rule set; nothing is saved (public). Not eligible is a 200 with a reason.
  quote: (input: RequestBody<'/api/v1/subsidies/quote', 'post'>) => answer(api.POST('/api/v1/subsidies/quote', { body: input })),
}

export const lprApi = {
  list: () => answer(api.GET('/api/v1/lpr')),
  // city_admin: every load, create, update and delete, newest first.
  changes: () => answer(api.GET('/api/v1/lpr/changes')),
  // Creates or updates the rates announced on that day (YYYY-MM-DD); the reason is required.
  put: (date: string, oneYearBp: number, fiveYearBp: number, reason: string) =>
    answer(api.PUT('/api/v1/lpr/{date}', { params: { path: { date } }, body: { one_year_bp: oneYearBp, five_year_bp: fiveYearBp, reason } })),
  remove: (date: string, reason: string) => answer(api.DELETE('/api/v1/lpr/{date}', { params: { path: { date } }, body: { reason } })),
}

// The lifecycle, outcome indicators and acceptance materials are data on the server; fetched once per page load.
export const projectApi = {
  reference: cached(() => answer(api.GET('/api/v1/project-reference'))).get,
  // Filters: state, district, industry, enterprise_id, overdue=1.
  list: (query: PageQuery) => answer(api.GET('/api/v1/projects', { params: { query: asQuery(query) } })),
  get: (id: number) => answer(api.GET('/api/v1/projects/{id}', at(id))),
  create: (input: RequestBody<'/api/v1/projects', 'post'>) => answer(api.POST('/api/v1/projects', { body: input })),
  // 409 names the state, the parties allowed, or what is missing.
  transition: (id: number, action: string, extra: { reason?: string; expert_user_id?: number } = {}) =>
    answer(api.POST('/api/v1/projects/{id}/transitions', { ...at(id), body: { action, ...extra } })),
  proposePlan: (id: number, plan: PlanInput, reason: string) =>
    undocumented('POST /api/v1/projects/{id}/plans', api.POST('/api/v1/projects/{id}/plans', { ...at(id), body: { plan, reason } })),
  decidePlan: (id: number, version: number, approve: boolean, note: string) =>
    answer(
      api.POST('/api/v1/projects/{id}/plans/{version}/decision', {
        params: { path: { id, version: String(version) } },
        body: note ? { approve, note } : { approve },
      }),
    ),
  setContract: (id: number, input: RequestBody<'/api/v1/projects/{id}/contract', 'put'>) =>
    answer(api.PUT('/api/v1/projects/{id}/contract', { ...at(id), body: input })),
  completeMilestone: (id: number, milestoneId: number, doneOn: string, documentId?: number) =>
    answer(
      api.POST('/api/v1/projects/{id}/milestones/{mid}/complete', {
        params: { path: { id, mid: milestoneId } },
        body: documentId ? { done_on: doneOn, document_id: documentId } : { done_on: doneOn },
      }),
    ),
  addCost: (id: number, input: RequestBody<'/api/v1/projects/{id}/costs', 'post'>) =>
    answer(api.POST('/api/v1/projects/{id}/costs', { ...at(id), body: input })),
  // 企业出一点、服务商让一点、政府补一点.
  costSharing: (id: number) => answer(api.GET('/api/v1/projects/{id}/cost-sharing', at(id))),
  assignExpert: (id: number, userId: number, duty: 'supervision' | 'acceptance') =>
    answer(api.POST('/api/v1/projects/{id}/experts', { ...at(id), body: { user_id: userId, duty } })),
  addVisit: (id: number, visitedOn: string, findings: string, rectificationDueOn: string | null) =>
    answer(
      api.POST('/api/v1/projects/{id}/supervision', {
        ...at(id),
        body: rectificationDueOn
          ? { visited_on: visitedOn, findings, rectification_due_on: rectificationDueOn }
          : { visited_on: visitedOn, findings },
      }),
    ),
  rectify: (id: number, visitId: number, rectifiedOn: string, note: string) =>
    answer(
      api.POST('/api/v1/projects/{id}/supervision/{sid}/rectification', {
        params: { path: { id, sid: visitId } },
        body: { rectified_on: rectifiedOn, note },
      }),
    ),
  setOutcomes: (id: number, outcomes: { indicator: string; before: string; after: string }[]) =>
    answer(api.PUT('/api/v1/projects/{id}/outcomes', { ...at(id), body: { outcomes } })),
  addMaterial: (id: number, material: string, documentId: number) =>
    answer(api.POST('/api/v1/projects/{id}/materials', { ...at(id), body: { material, document_id: documentId } })),
  rate: (id: number, rating: number, comment: string) =>
    answer(api.PUT('/api/v1/projects/{id}/rating', { ...at(id), body: { rating, comment } })),
}

export const diagnosisApi = {
  list: (enterpriseId: number) => answer(api.GET('/api/v1/enterprises/{id}/diagnoses', at(enterpriseId))),
  create: (enterpriseId: number, input: RequestBody<'/api/v1/enterprises/{id}/diagnoses', 'post'>) =>
    answer(api.POST('/api/v1/enterprises/{id}/diagnoses', { ...at(enterpriseId), body: input })),
}

export const expertApi = {
  // city_admin: every expert with a profile.
  list: () => answer(api.GET('/api/v1/experts')),
  // 404 when no profile was filed yet.
  get: (userId: number) => answer(api.GET('/api/v1/experts/{id}', at(userId))),
  save: (userId: number, input: RequestBody<'/api/v1/experts/{id}', 'put'>) =>
    answer(api.PUT('/api/v1/experts/{id}', { ...at(userId), body: input })),
}

export const reviewApi = {
  rubrics: () => answer(api.GET('/api/v1/review-rubrics')),
  // Either expert_user_ids or draw; 409 names the conflict of interest.
  create: (input: RequestBody<'/api/v1/reviews', 'post'>) => answer(api.POST('/api/v1/reviews', { body: input })),
  ofSubject: (subjectType: string, subjectId: number) =>
    answer(api.GET('/api/v1/reviews', { params: { query: { subject_type: subjectType, subject_id: subjectId } } })),
  mine: () => answer(api.GET('/api/v1/reviews/mine')),
  get: (id: number) => answer(api.GET('/api/v1/reviews/{id}', at(id))),
  score: (id: number, scores: Record<string, number>, comment: string, submit: boolean) =>
    answer(api.PUT('/api/v1/reviews/{id}/score', { ...at(id), body: { scores, comment, submit } })),
  abstain: (id: number, reason: string) => answer(api.POST('/api/v1/reviews/{id}/abstain', { ...at(id), body: { reason } })),
  recuse: (id: number, userId: number, reason: string) =>
    answer(api.POST('/api/v1/reviews/{id}/recuse', { ...at(id), body: { user_id: userId, reason } })),
  reopen: (id: number, userId: number, reason: string) =>
    answer(api.POST('/api/v1/reviews/{id}/reopen', { ...at(id), body: { user_id: userId, reason } })),
  consensus: (id: number, pass: boolean, opinion: string) =>
    answer(api.POST('/api/v1/reviews/{id}/consensus', { ...at(id), body: { pass, opinion } })),
}

// The provider directory is public and small; fetched once per page load, and again after a move that may change
// who is listed.
const providerDirectory = cached(() => answer(api.GET('/api/v1/providers')).then((r) => r.items))

export const providerApi = {
  list: providerDirectory.get,
  // The city admin sees every status; the others the listed providers. Filters: status, kind, industry.
  directory: (query: Query = {}) => answer(api.GET('/api/v1/provider-directory', { params: { query: asQuery(query) } })),
  get: (id: number) => answer(api.GET('/api/v1/providers/{id}', at(id))),
  create: (input: RequestBody<'/api/v1/providers', 'post'>) => answer(api.POST('/api/v1/providers', { body: input })),
  // 409 while it is under review; once listed only the address and the contact may change.
  update: (id: number, input: ProviderProfileInput) => answer(api.PATCH('/api/v1/providers/{id}', { ...at(id), body: input })),
  // 409 names what is missing (the profile, a passed review, the end of the 公示, an unresolved objection).
  transition: async (id: number, action: string, extra: { reason?: string; due_on?: string } = {}) => {
    const r = await answer(api.POST('/api/v1/providers/{id}/transitions', { ...at(id), body: { action, ...extra } }))
    providerDirectory.forget()
    return r
  },
  events: (id: number) => answer(api.GET('/api/v1/providers/{id}/events', at(id))),
  objections: (id: number) => answer(api.GET('/api/v1/providers/{id}/objections', at(id))),
  addObjection: (id: number, objector: string, content: string) =>
    answer(api.POST('/api/v1/providers/{id}/objections', { ...at(id), body: objector ? { objector, content } : { content } })),
  resolveObjection: (id: number, objectionId: number, resolution: string) =>
    answer(
      api.POST('/api/v1/providers/{id}/objections/{oid}/resolution', {
        params: { path: { id, oid: String(objectionId) } },
        body: { resolution },
      }),
    ),
  appeals: (id: number) => answer(api.GET('/api/v1/providers/{id}/appeals', at(id))),
  // Against the latest sanction (警告、整改、出库); one appeal per decision.
  appeal: (id: number, reason: string) => answer(api.POST('/api/v1/providers/{id}/appeals', { ...at(id), body: { reason } })),
  decideAppeal: async (id: number, appealId: number, overturn: boolean, note: string) => {
    const r = await answer(
      api.POST('/api/v1/providers/{id}/appeals/{aid}/decision', {
        params: { path: { id, aid: String(appealId) } },
        body: { overturn, note },
      }),
    )
    providerDirectory.forget()
    return r
  },
  scorecard: (id: number) => answer(api.GET('/api/v1/providers/{id}/scorecard', at(id))),
  selections: () => answer(api.GET('/api/v1/provider-selections')),
  select: (input: RequestBody<'/api/v1/provider-selections', 'put'>) => answer(api.PUT('/api/v1/provider-selections', { body: input })),
  flows: () => answer(api.GET('/api/v1/provider-flows')),
  evaluations: () => answer(api.GET('/api/v1/provider-evaluations')),
  evaluation: (id: number) => answer(api.GET('/api/v1/provider-evaluations/{id}', at(id))),
  // Freezes every listed provider's scorecard with the committee's opinion; 409 when the period is taken.
  evaluate: (period: string, opinion: string) => answer(api.POST('/api/v1/provider-evaluations', { body: { period, opinion } })),
}

export const productApi = {
  // Categories, deployments and the 可复制 threshold; data that does not change while the page is open.
  catalog: cached(() => answer(api.GET('/api/v1/product-catalog'))).get,
  // Listed products; a provider also its own, the city admin all. Filters: status, category, industry, q.
  list: (query: Query = {}) => answer(api.GET('/api/v1/products', { params: { query: asQuery(query) } })),
  get: (id: number) => answer(api.GET('/api/v1/products/{id}', at(id))),
  create: (input: ProductInput) => answer(api.POST('/api/v1/products', { body: input })),
  update: (id: number, input: RequestBody<'/api/v1/products/{id}', 'patch'>) =>
    answer(api.PATCH('/api/v1/products/{id}', { ...at(id), body: input })),
  transition: (id: number, action: string, extra: { reason?: string } = {}) =>
    answer(api.POST('/api/v1/products/{id}/transitions', { ...at(id), body: { action, ...extra } })),
  // What awards are judged on: results, spread, value for money.
  ranking: (category?: string) => answer(api.GET('/api/v1/product-ranking', { params: { query: { category } } })),
}

export const scenarioApi = {
  list: (industry?: string) => answer(api.GET('/api/v1/scenarios', { params: { query: { industry } } })),
  // 专家委员会评定 of the scenarios' 可复制可推广, newest first as the server lists them.
  selections: (industry?: string) => answer(api.GET('/api/v1/scenario-selections', { params: { query: { industry } } })),
  // city_admin; 422 names what is wrong (a rejection without reason, fewer than three experts …), 409 a scenario
  // already selected.
  select: (input: RequestBody<'/api/v1/scenario-selections', 'post'>) =>
    answer(api.POST('/api/v1/scenario-selections', { body: input })),
  create: (input: RequestBody<'/api/v1/scenarios', 'post'>) => answer(api.POST('/api/v1/scenarios', { body: input })),
  link: (id: number, productId: number, linked: boolean) =>
    answer(api.POST('/api/v1/scenarios/{id}/links', { ...at(id), body: { product_id: productId, linked } })),
}

export const articleApi = {
  // A district officer sees its own and the published ones. Filters: kind, state.
  list: (query: PageQuery) => answer(api.GET('/api/v1/articles', { params: { query: asQuery(query) } })),
  get: (id: number) => answer(api.GET('/api/v1/articles/{id}', at(id))),
  create: (input: ArticleInput) => answer(api.POST('/api/v1/articles', { body: input })),
  update: (id: number, input: RequestBody<'/api/v1/articles/{id}', 'patch'>) =>
    answer(api.PATCH('/api/v1/articles/{id}', { ...at(id), body: input })),
  transition: (id: number, action: string, extra: { reason?: string } = {}) =>
    answer(api.POST('/api/v1/articles/{id}/transitions', { ...at(id), body: { action, ...extra } })),
  history: (id: number) => answer(api.GET('/api/v1/articles/{id}/history', at(id))),
}

// The portal, without login. The look-ups share one slot per client every 10 s (429 with Retry-After).
export const publicApi = {
  articles: (query: PageQuery) => answer(api.GET('/api/v1/public/articles', { params: { query: asQuery(query) } })),
  article: (id: number) => answer(api.GET('/api/v1/public/articles/{id}', at(id))),
  enterprises: (q: string) => answer(api.GET('/api/v1/public/enterprises', { params: { query: { q } } })),
  providers: (q: string) => answer(api.GET('/api/v1/public/providers', { params: { query: { q } } })),
  products: (q: string) => answer(api.GET('/api/v1/public/products', { params: { query: { q } } })),
  // 服务商入库公示 and a named objection from the public (the look-ups' per-client limit applies).
  providerNotices: () => answer(api.GET('/api/v1/public/provider-notices')),
  objectToNotice: (id: number, body: { objector: string; content: string }) =>
    undocumented('POST /api/v1/public/provider-notices/{id}/objections', api.POST('/api/v1/public/provider-notices/{id}/objections', { ...at(id), body })),
  // The JSON form (the CSV is the same route with format=csv, downloaded as a file).
  openData: () => answer(api.GET('/api/v1/public/open-data')) as Promise<OpenData>,
  openDataCsvUrl: '/api/v1/public/open-data?format=csv',
}

// 补助核定 and its tranches (拨付). The city approves and pays; the others read what concerns them.
export const subsidyCaseApi = {
  // Filters: scheme, enterprise_id, project_id (the server narrows to the caller's scope).
  list: (query: PageQuery) => answer(api.GET('/api/v1/subsidies', { params: { query: asQuery(query) } })),
  get: (id: number) => answer(api.GET('/api/v1/subsidies/{id}', at(id))),
  // The amount the rules allow from the platform's own facts, nothing saved (ineligible is a 200 with a reason).
  preview: (input: RequestBody<'/api/v1/subsidies/preview', 'post'>) => answer(api.POST('/api/v1/subsidies/preview', { body: input })),
  approve: (input: RequestBody<'/api/v1/subsidies', 'post'>) => answer(api.POST('/api/v1/subsidies', { body: input })),
  cancel: (id: number, reason: string) => answer(api.POST('/api/v1/subsidies/{id}/cancel', { ...at(id), body: { reason } })),
  // 409 with field amount_fen beyond the approval (unless cut), fund_id beyond the fund's budget (unless overridden).
  schedule: (id: number, input: RequestBody<'/api/v1/subsidies/{id}/payments', 'post'>) =>
    answer(api.POST('/api/v1/subsidies/{id}/payments', { ...at(id), body: input })),
  move: (paymentId: number, action: PaymentAction, reason?: string) =>
    answer(api.POST('/api/v1/payments/{id}/transitions', { ...at(paymentId), body: reason ? { action, reason } : { action } })),
}

export const fundApi = {
  list: () => answer(api.GET('/api/v1/funds')),
  create: (input: RequestBody<'/api/v1/funds', 'post'>) => undocumented('POST /api/v1/funds', api.POST('/api/v1/funds', { body: input })),
  setBudget: (id: number, budgetFen: number, reason: string) =>
    answer(api.PUT('/api/v1/funds/{id}', { ...at(id), body: { budget_fen: budgetFen, reason } })),
}

// 数字贷: the bank records the loan, the enterprise applies, the bank confirms the interest paid period by period
// (previewed, then locked), the city admin may send a confirmed period back, and approves the subsidy.
export const loanApi = {
  list: () => answer(api.GET('/api/v1/loans')),
  create: (input: RequestBody<'/api/v1/loans', 'post'>) => answer(api.POST('/api/v1/loans', { body: input })),
  apply: (id: number) => answer(api.POST('/api/v1/loans/{id}/apply', at(id))),
  // The bank: months next_confirmation.first_month..lastMonth. Nothing is written; 422 when the interest is above the
  // plausible maximum or the months are out of range.
  previewInterest: (id: number, lastMonth: number, interestPaidFen: number) =>
    answer(
      api.POST('/api/v1/loans/{id}/interest-periods/preview', {
        ...at(id),
        body: { last_month: lastMonth, interest_paid_fen: interestPaidFen },
      }),
    ),
  // The same body locks it (201 with the loan).
  confirmInterest: (id: number, lastMonth: number, interestPaidFen: number) =>
    answer(api.POST('/api/v1/loans/{id}/interest-periods', { ...at(id), body: { last_month: lastMonth, interest_paid_fen: interestPaidFen } })),
  // The city admin sends a confirmed period back to the bank; 409 while an approval still rests on it.
  reopenPeriod: (id: number, periodId: number, reason: string) =>
    answer(
      api.POST('/api/v1/loans/{id}/interest-periods/{period}/reopen', {
        params: { path: { id, period: periodId } },
        body: { reason },
      }),
    ),
  // 制造业中长期贷款项目库 (the city recommends; the city and the banks read).
  pool: () => answer(api.GET('/api/v1/loan-pool')),
  recommend: (input: RequestBody<'/api/v1/loan-pool', 'post'>) => answer(api.POST('/api/v1/loan-pool', { body: input })),
}

// 企商互动.
export const needApi = {
  // Newest first, a page at a time, each with its enterprise's name. An enterprise sees its own, a district its
  // district's, a provider the open ones and those it answered, the city all. Filters: status, category.
  list: (query: PageQuery) => answer(api.GET('/api/v1/needs', { params: { query: asQuery(query) } })),
  // With the moves open to the caller (`actions`).
  get: (id: number) => answer(api.GET('/api/v1/needs/{id}', at(id))),
  suggestions: (id: number) => answer(api.GET('/api/v1/needs/{id}/suggestions', at(id))),
  create: (input: RequestBody<'/api/v1/needs', 'post'>) => answer(api.POST('/api/v1/needs', { body: input })),
  // A listed provider, once per need; 409 when the need is no longer open.
  propose: (id: number, input: RequestBody<'/api/v1/needs/{id}/proposals', 'post'>) =>
    answer(api.POST('/api/v1/needs/{id}/proposals', { ...at(id), body: input })),
  // The enterprise that posted (or the city admin) picks one proposal; the need becomes 已对接.
  accept: (id: number, proposalId: number) =>
    answer(api.POST('/api/v1/needs/{id}/accept', { ...at(id), body: { proposal_id: proposalId } })),
  close: (id: number, reason: string) => answer(api.POST('/api/v1/needs/{id}/close', { ...at(id), body: { reason } })),
  say: (id: number, body: string) => answer(api.POST('/api/v1/needs/{id}/messages', { ...at(id), body: { body } })),
}

// 供需对接会: the city publishes, enterprises and providers register (409 when full, held or already registered).
export const matchEventApi = {
  list: () => answer(api.GET('/api/v1/match-events')),
  create: (input: RequestBody<'/api/v1/match-events', 'post'>) => answer(api.POST('/api/v1/match-events', { body: input })),
  register: (id: number) => answer(api.POST('/api/v1/match-events/{id}/registrations', at(id))),
  // city_admin.
  registrations: (id: number) => answer(api.GET('/api/v1/match-events/{id}/registrations', at(id))),
}

// 站内消息: the caller's own.
export const notificationApi = {
  list: (unreadOnly = false) =>
    answer(api.GET('/api/v1/notifications', { params: { query: { unread: unreadOnly ? '1' : undefined } } })),
  read: (id: number) => answer(api.POST('/api/v1/notifications/{id}/read', at(id))),
  readAll: () => answer(api.POST('/api/v1/notifications/read-all')),
}

// The records the plan counts beside enterprises; everyone signed in reads them. The city admin records them; a
// district officer records recognitions, parks and attendance for its own district.
export const recordsApi = {
  chains: (industry?: string) => answer(api.GET('/api/v1/chain-models', { params: { query: { industry } } })),
  addChain: (input: RequestBody<'/api/v1/chain-models', 'post'>) => answer(api.POST('/api/v1/chain-models', { body: input })),
  recognitions: (enterpriseId?: number | null) =>
    answer(api.GET('/api/v1/recognitions', { params: { query: { enterprise_id: enterpriseId ?? undefined } } })),
  recognize: (input: RequestBody<'/api/v1/recognitions', 'post'>) => answer(api.POST('/api/v1/recognitions', { body: input })),
  // city_admin: 建成, then (only after it, once) the 工信部 recognition.
  completeChain: (id: number, d: DecisionInput) => answer(api.POST('/api/v1/chain-models/{id}/completion', { ...at(id), body: d })),
  recognizeChain: (id: number, d: DecisionInput) =>
    answer(api.POST('/api/v1/chain-models/{id}/miit-recognition', { ...at(id), body: d })),
  parks: () => answer(api.GET('/api/v1/parks')),
  addPark: (input: RequestBody<'/api/v1/parks', 'post'>) => answer(api.POST('/api/v1/parks', { body: input })),
  // The city admin or the park's district officer, once.
  transformPark: (id: number, d: DecisionInput) => answer(api.POST('/api/v1/parks/{id}/transformation', { ...at(id), body: d })),
  lighthouses: (enterpriseId?: number | null) =>
    answer(api.GET('/api/v1/lighthouses', { params: { query: { enterprise_id: enterpriseId ?? undefined } } })),
  // city_admin; one per enterprise (409 otherwise).
  designate: (input: RequestBody<'/api/v1/lighthouses', 'post'>) => answer(api.POST('/api/v1/lighthouses', { body: input })),
  workshops: (enterpriseId?: number | null) =>
    answer(api.GET('/api/v1/digital-workshops', { params: { query: { enterprise_id: enterpriseId ?? undefined } } })),
  // city_admin; the lead must be a 小灯塔 designated on or before the day (409 otherwise).
  addWorkshop: (input: RequestBody<'/api/v1/digital-workshops', 'post'>) =>
    answer(api.POST('/api/v1/digital-workshops', { body: input })),
  trainings: () => answer(api.GET('/api/v1/trainings')),
  addTraining: (input: RequestBody<'/api/v1/trainings', 'post'>) => answer(api.POST('/api/v1/trainings', { body: input })),
  // Sets (or replaces) the people one enterprise sent.
  attend: (id: number, enterpriseId: number, people: number) =>
    answer(api.PUT('/api/v1/trainings/{id}/attendance', { ...at(id), body: { enterprise_id: enterpriseId, people } })),
  tally: () => answer(api.GET('/api/v1/records/tally')),
}

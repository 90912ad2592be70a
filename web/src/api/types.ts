// The API's objects under the names the pages use. Each is the contract's own type — schema.d.ts, generated from
// docs/openapi.json by `npm run gen:api` — picked out of a schema, a route's request body or a list's items; no field
// is written here. A field the pages need and the contract lacks is added to the contract, not here.
import type { components, paths } from './schema'
import type { Undocumented } from './undocumented'

type Schemas = components['schemas']

// One element of a list.
export type Item<List> = List extends readonly (infer T)[] ? T : never

// The JSON body a route takes.
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } }
}
  ? B
  : never

// The query parameters a route takes.
type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never

export type CodeName = Schemas['CodeName']
export type IdName = Schemas['IdName']
export type Workflow = Schemas['Workflow']

// A page of a list: the contract's Page with its rows.
export type Page<T> = Schemas['Page'] & { items: T[] }

// ---- 账号与登录 ----
export type User = Schemas['User']
export type AdminUser = User
export type LoginResponse = Schemas['LoginResult']
export type PendingLogin = Schemas['PendingLogin']
export type TotpEnrolment = Schemas['TotpEnrolment']

// ---- 参考数据与目标 ----
export type Industry = Item<Schemas['IndustryList']['items']>
export type District = Item<Schemas['DistrictList']['items']>
export type TargetsResponse = Schemas['TargetPlan']
export type Indicator = Item<TargetsResponse['indicators']>
export type DistrictTargetsResponse = Schemas['DistrictTargets']
export type DistrictTarget = Item<DistrictTargetsResponse['items']>

// ---- 企业 ----
export type EnterpriseSummary = Schemas['EnterpriseRow']
export type EnterpriseDetail = Schemas['Enterprise']
export type EnterpriseInput = RequestBody<'/api/v1/enterprises', 'post'>
// none 无, innovative 创新型, specialized 专精特新, little_giant 专精特新"小巨人".
export type EnterpriseTier = NonNullable<EnterpriseInput['tier']>
export type EnterpriseYear = Item<Schemas['EnterpriseYears']['items']>
export type FieldChange = Schemas['FieldChange']
export type EnterpriseHistoryEntry = Item<Schemas['EnterpriseHistory']['items']>
export type ReplacementInput = NonNullable<RequestBody<'/api/v1/enterprises/{id}/withdrawals', 'post'>['replacement']>
export type Withdrawal = Schemas['Withdrawal']
// What every enterprise row carries, whichever list it comes from (the register's or a drill-down's).
export type EnterpriseRow = EnterpriseSummary | ProgressEnterprise

// ---- 审计日志 ----
export type AuditActor = Schemas['AuditActor']
export type AuditEntry = Schemas['AuditEntry']
export type AuditDetail = Schemas['AuditEntryDetail']
export type AuditFacets = Schemas['AuditFacets']
export type AuditFilter = RequestBody<'/api/v1/audit/exports', 'post'>

// ---- 后台任务、定时任务、系统状态 ----
export type Job = Schemas['Job']
export type JobState = Job['state']
export type JobResult = NonNullable<Job['result']>
export type JobOutput = NonNullable<Job['output']>
export type Schedule = Schemas['Schedule']
export type ScheduleEvery = Schedule['every']
export type ScheduleKind = Item<Schemas['Schedules']['kinds']>
export type ScheduleInput = RequestBody<'/api/v1/schedules', 'post'>
export type SystemStatus = Schemas['SystemStatus']

// ---- 数字化水平评测 ----
export type AssessmentModel = Schemas['AssessmentModel']
export type AssessmentQuestion = Item<AssessmentModel['questions']>
export type AssessmentOption = Item<AssessmentQuestion['options']>
export type AssessmentScene = Item<AssessmentModel['scenes']>
// Points in the model are exact decimal strings ("1.875"); computed scores arrive as JSON numbers.
export type Points = AssessmentOption['points'] | Schemas['Assessment']['score']
export type Assessment = Schemas['Assessment']
// The score of unsaved answers (the questionnaire's live panel).
export type Evaluation = Undocumented['POST /api/v1/assessments/evaluate']
export type AssessmentKind = Assessment['kind']
export type AssessmentComparison = Schemas['AssessmentComparison']
// Question number (as a string) → chosen letters; scene name → level 0–4.
export type AssessmentAnswers = Assessment['answers']
export type SceneLevels = Assessment['scenes']
export type LevelSource = EnterpriseDetail['level_source']

// ---- 数据驾驶舱 ----
export type ProgressResponse = Schemas['Progress']
export type ProgressFigure = Schemas['ProgressCell']
export type ProgressIndicator = Item<ProgressResponse['indicators']>
export type ProgressDistrict = Item<ProgressResponse['districts']>
type ProgressEnterprise = Item<Schemas['ProgressEnterprisePage']['items']>

// ---- 资料 ----
export type DocumentVersion = Schemas['Document']
export type DocumentEntityType = QueryOf<'/api/v1/documents', 'get'>['entity_type']

// ---- 资金补助规则、测算、LPR ----
export type SubsidyRuleSet = Item<Schemas['SubsidyRuleSets']['items']>
export type SubsidyScheme = Item<SubsidyRuleSet['schemes']>
export type SubsidyQuoteInput = RequestBody<'/api/v1/subsidies/quote', 'post'>
export type SubsidyQuote = Schemas['SubsidyQuote']
// A preview or a recorded quote: the public quote's shape, its inputs naming where each fact came from.
export type SubsidyComputation = SubsidyQuote
export type LprRate = Schemas['LprRate']
export type LprChange = Item<Schemas['LprChanges']['items']>
export type LprAction = LprChange['action']

// ---- 一企一策 projects ----
export type ProjectReference = Schemas['ProjectReference']
export type OutcomeIndicator = Item<ProjectReference['indicators']>
export type Diagnosis = Schemas['Diagnosis']
export type ProjectSummary = Schemas['ProjectSummary']
export type ProjectDetail = Schemas['Project']
export type Plan = Schemas['PlanContent']
export type PlanMilestone = Item<Plan['milestones']>
export type PlanVersion = Item<ProjectDetail['plan_versions']>
export type ScenarioKind = Item<Plan['scenarios']>['kind']
// A plan as sent (the contract leaves the request's plan an open object): the answer's plan without what the server
// adds — the scenarios' kind names, the total, the milestones' ids and progress.
export type PlanInput = Pick<Plan, 'products' | 'budget'> & {
  scenarios: Omit<Item<Plan['scenarios']>, 'kind_name'>[]
  milestones: Pick<PlanMilestone, 'name' | 'due_on' | 'deliverable'>[]
}
export type SupervisionVisit = Item<ProjectDetail['supervision']>
export type PartyCode = Item<ProjectDetail['my_role_codes']>
export type ExpertDuty = Item<ProjectDetail['experts']>['duty']
export type CostSharing = Schemas['CostSharing']
// A status move the server lists as open to the caller on a record (`actions` of a provider, product or article
// detail; a project's add needs_expert): which moves are open is the server's to say.
export type RecordAction = Schemas['Move']

// ---- 专家评审 ----
export type ExpertProfile = Schemas['Expert']
export type ExpertProfileInput = RequestBody<'/api/v1/experts/{id}', 'put'>
export type ReviewSummary = Schemas['ReviewRound']
export type ReviewDetail = Schemas['Review']
export type ReviewMember = Item<ReviewDetail['members']>

// ---- 服务商库（能进能出） ----
export type Provider = Schemas['Provider']
export type ProviderRecord = Schemas['ProviderRecord']
export type ProviderDetail = Schemas['ProviderDetail']
export type ProviderProfileInput = RequestBody<'/api/v1/providers/{id}', 'patch'>
export type ProviderEvent = Item<Schemas['ProviderEvents']['items']>
export type ProviderObjection = Item<Schemas['ProviderObjections']['items']>
export type ProviderAppeal = Item<Schemas['ProviderAppeals']['items']>
export type ProviderSelections = Schemas['ProviderSelections']
export type ProviderFlowMonth = Item<Schemas['ProviderFlows']['items']>
export type Scorecard = Schemas['Scorecard']
// One provider's card, with the rules it was computed by.
export type ProviderScorecard = Schemas['ProviderScorecard']
export type ProviderEvaluation = Schemas['ProviderEvaluationSummary']
export type ProviderEvaluationDetail = Schemas['ProviderEvaluation']

// ---- 小快轻准产品、N+X 场景库 ----
export type ProductCatalog = Schemas['ProductCatalog']
export type Product = Schemas['Product']
export type ProductDetail = Schemas['ProductDetail']
export type ProductInput = RequestBody<'/api/v1/products', 'post'>
export type RankedProduct = Schemas['RankedProduct']
export type Scenario = Item<Schemas['ScenarioList']['items']>
export type ScenarioSelection = Schemas['ScenarioSelection']
export type ScenarioSelectionInput = RequestBody<'/api/v1/scenario-selections', 'post'>

// ---- 信息发布、公开门户 ----
export type Article = Schemas['Article']
export type ArticleKind = Article['kind']
export type ArticleDetail = Schemas['ArticleDetail']
export type ArticleInput = RequestBody<'/api/v1/articles', 'post'>
export type ArticleEvent = Item<Schemas['ArticleHistory']['items']>
export type PublicArticleDetail = Schemas['PublicArticleDetail']
export type PublicEnterprise = Item<Schemas['PublicEnterpriseLookup']['items']>
export type PublicProvider = Item<Schemas['PublicProviderLookup']['items']>
export type PublicProduct = Schemas['PublicProduct']
export type ProviderNotice = Item<Schemas['ProviderNotices']['items']>
export type OpenData = Schemas['OpenData']
export type OpenDataTable = Item<OpenData['tables']>

// ---- 补助核定、拨付、专项资金、数字贷 ----
export type SubsidyRequest = RequestBody<'/api/v1/subsidies', 'post'>
export type Subsidy = Schemas['Subsidy']
export type SubsidyDetail = Schemas['SubsidyDetail']
export type Payment = Schemas['Payment']
export type PaymentStatus = Payment['status']
export type PaymentAction = RequestBody<'/api/v1/payments/{id}/transitions', 'post'>['action']
export type FundList = Schemas['FundList']
export type Fund = Item<FundList['items']>
export type Loan = Schemas['Loan']
export type LoanPeriod = Schemas['InterestPeriod']
export type InterestPreview = Schemas['InterestPreview']
export type LoanPoolEntry = Item<Schemas['LoanPool']['items']>

// ---- 企商互动：需求、响应方案、留言、供需对接会 ----
export type Need = Schemas['Need']
export type NeedDetail = Schemas['NeedDetail']
export type NeedProposal = Item<NeedDetail['proposals']>
export type NeedAction = Item<NeedDetail['actions']>
export type NeedActionCode = NeedAction['action']
export type NeedSuggestions = Schemas['NeedSuggestions']
export type NeedInput = RequestBody<'/api/v1/needs', 'post'>
export type ProposalInput = RequestBody<'/api/v1/needs/{id}/proposals', 'post'>
export type MatchEvent = Item<Schemas['MatchEvents']['items']>
export type MatchEventInput = RequestBody<'/api/v1/match-events', 'post'>
export type MatchRegistration = Item<Schemas['MatchEventRegistrations']['items']>

// ---- 站内消息 ----
type NotificationList = Schemas['Notifications']
export type Notification = Item<NotificationList['items']>

// ---- 链式转型、认定、小微企业园、小灯塔、数字工坊、培训 ----
export type Decision = Schemas['Decision']
export type DecisionInput = RequestBody<'/api/v1/chain-models/{id}/completion', 'post'>
export type ChainModel = Schemas['ChainModel']
export type ChainModelInput = RequestBody<'/api/v1/chain-models', 'post'>
export type Recognition = Item<Schemas['Recognitions']['items']>
// factory | workshop | scenario; provincial | national.
export type RecognitionKind = Recognition['kind']
export type RecognitionLevel = Recognition['level']
export type Park = Schemas['Park']
export type Lighthouse = Schemas['Lighthouse']
export type Workshop = Schemas['DigitalWorkshop']
export type IdentifierNode = Schemas['IdentifierNode']
export type IdentifierNodeInput = RequestBody<'/api/v1/platforms/{id}/identifier-nodes', 'post'>
export type Training = Item<Schemas['Trainings']['items']>
export type TrainingAudience = Training['audience']
export type RecordsTally = Schemas['RecordsTally']

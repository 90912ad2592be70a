// Shapes of the JSON API under /api/v1 (see the contract in docs / the brief). Times are ISO-8601 UTC strings.

export type RoleCode = 'city_admin' | 'district_officer' | 'enterprise' | 'provider' | 'expert' | 'bank'

export interface DistrictRef {
  code: string
  name: string
}

export interface IndustryRef {
  code: string
  name: string
}

export interface User {
  id: number
  username: string
  display_name: string
  roles: string[]
  district: DistrictRef | null
  enterprise_id: number | null
  provider_id: number | null
}

export interface LoginResponse {
  token: string
  csrf_token: string
  user: User
  // After the first code of an enrolment: ten one-time recovery codes, shown once.
  recovery_codes?: string[]
  // After a login by recovery code: how many remain.
  recovery_codes_left?: number
}

// A right password on an administrator's account: the second step is still to come (202).
export interface PendingLogin {
  second_factor: 'totp' | 'enrol'
  pending_token: string
  expires_at: string
}

// A new authenticator secret, shown once.
export interface TotpEnrolment {
  secret: string
  otpauth_uri: string
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface Industry {
  code: string
  name: string
  short_name: string
  key_districts: string[]
}

export interface District {
  code: string
  name: string
  division_code: string
  kind: string
}

export interface TargetGroup {
  no: string
  name: string
}

export interface Indicator {
  no: number
  group: string
  name: string
  unit: string
  kind: 'count' | 'ratio'
  // Numbers per the contract; a decimal string is tolerated and shown as written.
  values: Record<string, number | string>
  total: number | string
}

export interface ConsistencyFinding {
  code: string
  severity: 'warning' | 'info' | string
  message: string
}

export interface TargetsResponse {
  version: string
  industries: { code: string; name: string; short_name: string }[]
  groups: TargetGroup[]
  indicators: Indicator[]
  consistency: ConsistencyFinding[]
}

export interface DistrictTarget {
  district: DistrictRef
  total: number
  y2024: number
  y2025: number
}

export interface DistrictTargetsResponse {
  version: string
  items: DistrictTarget[]
  totals: { total: number; y2024: number; y2025: number }
}

export interface EnterpriseSummary {
  id: number
  name: string
  credit_code: string
  industry: IndustryRef
  district: DistrictRef
  batch: number
  status: string
  status_name: string
  // 当前数字化水平等级 0–4 (0 = 未评定或未达一级) and where it came from: '' none, 'self' 自评, 'onsite' 现场评定.
  level: number
  level_source: LevelSource
  // 企业梯度: none / innovative / specialized / little_giant, with its name (无, 创新型, 专精特新, 专精特新"小巨人").
  tier: EnterpriseTier
  tier_name: string
  // 规上企业, and 上云用云.
  scale_above: boolean
  cloud: boolean
  // 中小企业划型 (工信部联企业〔2011〕300号) from the latest year's figures: true/false, null without figures; the class
  // ('' unknown) and its name (中型企业、小型企业、微型企业、非中小企业、未知（无年度数据）). A non-SME does not count in
  // indicators 1–4.
  is_sme?: boolean | null
  sme_class?: SmeClass
  sme_class_name?: string
}

export type SmeClass = 'medium' | 'small' | 'micro' | 'large' | ''

export type EnterpriseTier = 'none' | 'innovative' | 'specialized' | 'little_giant'

export interface EnterpriseDetail extends EnterpriseSummary {
  address: string | null
  legal_rep: string | null
  contact_name: string | null
  contact_phone: string | null
  created_at: string
  updated_at?: string
  // How 规上 was decided: 'revenue' (latest year's 营业收入) or 'admin' (认定 by the city).
  scale_source?: string
  cloud_stars?: number
  key_cultivation?: boolean
  // The reason a non-conforming credit code was accepted ('' when the code conforms).
  credit_code_override?: string
  withdrawn_at?: string | null
  // The enterprise this one replaced (增补).
  replaces_id?: number | null
  // The year the 划型 was read from, and the sentence that says why (the figures and the clause).
  sme_year?: number | null
  sme_reason?: string
  // The day it went on the cloud (platform push or the officer's record), YYYY-MM-DD; null when unknown.
  cloud_since?: string | null
  // Its 验收通过 day and the level of the on-site grading at acceptance; null before acceptance.
  accepted_on?: string | null
  accepted_level?: number | null
}

// The fields of POST /enterprises and PATCH /enterprises/{id} (partial on PATCH).
export interface EnterpriseInput {
  name?: string
  credit_code?: string
  industry?: string
  district?: string
  batch?: number
  address?: string
  legal_rep?: string
  contact_name?: string
  contact_phone?: string
  tier?: EnterpriseTier
  cloud?: boolean
  cloud_stars?: number
  key_cultivation?: boolean
  scale_above?: boolean
  credit_code_override_reason?: string
}

// One year's figures; money in 分.
export interface EnterpriseYear {
  year: number
  revenue: number
  employees: number
  rd_spending: number
  invention_patents: number
}

export interface FieldChange {
  field: string
  field_name: string
  before: unknown
  after: unknown
}

export interface EnterpriseHistoryEntry {
  seq: number
  at: string
  // The username at the time, or "cli".
  actor: string
  action: string
  action_name: string
  changes: FieldChange[]
}

// The 增补 enterprise proposed with a withdrawal; it takes the withdrawn one's district.
export interface ReplacementInput {
  name: string
  credit_code: string
  industry: string
  address?: string
  legal_rep?: string
  contact_name?: string
  contact_phone?: string
  tier?: EnterpriseTier
}

export type WithdrawalStatus = 'pending' | 'approved' | 'rejected'

export interface Withdrawal {
  id: number
  enterprise: { id: number; name: string }
  district: DistrictRef
  reason: string
  replacement: Partial<ReplacementInput> | null
  status: WithdrawalStatus
  status_name: string
  requested_by: string
  requested_at: string
  decided_at: string | null
  decision_note: string
  replacement_id: number | null
}

export interface AdminUser extends User {
  locked: boolean
  totp_enrolled: boolean
  locked_until: string | null
  last_login_at: string | null
  created_at: string
}

export interface NewUser {
  username: string
  display_name: string
  password: string
  roles: string[]
  district: string | null
  enterprise_id: number | null
  provider_id: number | null
}

export interface LoginAttempt {
  id: number
  username: string
  success: boolean
  reason: string | null
  ip: string
  at: string
}

// ---- 审计日志 ----
export interface AuditActor {
  user_id: number | null
  // The username at the time of the act, or "cli" for the command line.
  name: string
  roles: string[]
}

export interface AuditEntry {
  seq: number
  at: string
  actor: AuditActor
  action: string
  action_name: string
  entity_type: string
  entity_type_name: string
  entity_id: string
  ip: string
  request_id: string
}

export interface AuditChange {
  field: string
  before: unknown
  after: unknown
}

export interface AuditDetail extends AuditEntry {
  prev_hash: string
  hash: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  changes: AuditChange[]
}

export interface CodeName {
  code: string
  name: string
}

export interface AuditFacets {
  actions: CodeName[]
  entity_types: CodeName[]
}

export interface AuditFilter {
  actor?: string
  action?: string
  entity_type?: string
  entity_id?: string
  from?: string
  to?: string
}

// ---- 后台任务 ----
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed'

export interface JobResult {
  file_name: string
  size: number
  download_url: string
}

export interface Job {
  id: number
  kind: string
  kind_name: string
  state: JobState
  state_name: string
  progress: { done: number; total: number }
  owner: { id: number; username: string } | null
  attempts: number
  created_at: string
  started_at: string | null
  finished_at: string | null
  // The contract says only "error|null": a message, or an {code, message} object.
  error: string | { code?: string; message?: string } | null
  result: JobResult | null
  // What a finished job without a file reports (utils/jobs' jobOutput reads the known shapes); absent or null
  // otherwise.
  output?: JobOutput | null
}

// reports.issue: {period, period_label, reports}; reminders.due: {deadlines}; reports.quality: {problems, checks};
// exports: {rows} beside their file; enterprise.import: {file_name, rows, created, updated, unchanged, rejected,
// warned} — warned: imported but a non-SME (not counted in indicators 1–4), listed in the result file.
export interface JobOutput {
  period?: string
  period_label?: string
  reports?: number
  deadlines?: number
  problems?: number
  checks?: { code: string; name: string; severity: string; count: number }[]
  rows?: number
  created?: number
  updated?: number
  unchanged?: number
  rejected?: number
  warned?: number
  [key: string]: unknown
}

// ---- 定时任务 ----
export type ScheduleEvery = 'daily' | 'weekly' | 'monthly'

export interface Schedule {
  id: number
  name: string
  job_kind: string
  kind_name: string
  // reports.issue {period: previous_month | previous_quarter}; reminders.due {days: 1–60}; reports.quality {}.
  params: Record<string, unknown>
  every: ScheduleEvery
  // weekly: 1–7 (Monday = 1); monthly: 1–28; daily: not used.
  day: number
  // 0–23, Beijing time.
  hour: number
  enabled: boolean
  next_run_at: string
  last_run_at: string | null
  last_job: Job | null
  updated_by: string
  updated_at: string
}

// The kinds a schedule may run, with the parameters each starts from.
export interface ScheduleKind {
  code: string
  name: string
  default_params: Record<string, unknown>
}

// POST takes every field (job_kind only there); PATCH any of them but job_kind.
export interface ScheduleInput {
  name?: string
  job_kind?: string
  params?: Record<string, unknown>
  every?: ScheduleEvery
  day?: number
  hour?: number
  enabled?: boolean
}

// ---- 系统状态 ----
export interface SystemStatus {
  version: string
  engine: string
  database: string
  schema_version: number
  node: string
  started_at: string
  uptime_seconds: number
  http: { in_flight: number; requests_total: number }
  store: { connections: number }
  jobs: { queued: number; running: number; succeeded: number; failed: number }
  audit: { entries: number; head_seq: number; head_hash: string }
  login_failures_24h: number
}

// ---- 数字化水平评测 ----
// Points in the model are exact decimal strings ("1.875"); computed scores arrive as JSON numbers.
export type Points = string | number
export type LevelSource = '' | 'self' | 'onsite'

export interface AssessmentDimension {
  code: string
  name: string
  max: Points
}

export interface AssessmentOption {
  letter: string
  text: string
  points: Points
}

export interface AssessmentQuestion {
  no: number
  dimension: string
  topic: string
  title: string
  type: 'single' | 'multi'
  max: Points
  none_option?: string
  options: AssessmentOption[]
  guidance?: string
  definition?: string
  fields?: string[]
  note?: string
}

export interface AssessmentScene {
  name: string
  group: string
  mandatory: boolean
  // Descriptions of levels 1..4.
  levels: string[]
}

export interface AssessmentLevelRule {
  level: number
  name: string
  min_score: Points
  min_scenes: number
  min_mandatory: number
}

// Older versions carried `source` and `scene_notes`, newer ones a `provenance` object: notes on where the texts were
// transcribed from, for the people who keep the model — never shown on the questionnaire.
export interface AssessmentModel {
  model: string
  version: string
  title: string
  source?: string
  dimensions: AssessmentDimension[]
  questions: AssessmentQuestion[]
  scenes: AssessmentScene[]
  scene_notes?: string[]
  levels: AssessmentLevelRule[]
  provenance?: Record<string, unknown>
}

// Question number (as a string) → chosen letters; scene name → level 0–4.
export type AssessmentAnswers = Record<string, string[]>
export type SceneLevels = Record<string, number>

export interface Evaluation {
  score: number
  dimensions: Record<string, number>
  level: number
  explanation: string
  question_points: Record<string, number>
  // Scenes at or above level 1..4, and of them the 约束性 ones.
  scenes_at_level: number[]
  mandatory_at_level: number[]
}

export type AssessmentKind = 'self' | 'onsite'
export type AssessmentStatus = 'draft' | 'submitted'

export interface Assessment {
  id: number
  enterprise_id: number
  model_version: string
  kind: AssessmentKind
  kind_name: string
  status: AssessmentStatus
  status_name: string
  answers: AssessmentAnswers
  scenes: SceneLevels
  score: number
  // Not used by the pages: the live panel takes its dimension scores from evaluate.
  dimensions: Record<string, number>
  level: number
  explanation: string
  created_by: { id: number; name: string }
  created_at: string
  updated_at: string
  submitted_at: string | null
}

export interface AssessmentComparison {
  a: Assessment
  b: Assessment
  // Chosen letters run together ("BC"); '' = not answered.
  questions: { no: number; title: string; dimension: string; a: string; b: string; a_points: number; b_points: number; changed: boolean }[]
  scenes: { name: string; mandatory: boolean; a: number; b: number; changed: boolean }[]
}

// ---- 数据驾驶舱 ----
// One figure against its target: rate = actual / target (null when there is no actual or no target).
export interface ProgressFigure {
  target: number | null
  actual: number | null
  rate: number | null
}

export interface ProgressIndicator {
  no: number
  name: string
  unit: string
  kind: 'count' | 'ratio' | 'sum'
  note: string
  // Which records the figure is drawn from and up to which day, in a sentence.
  basis: string
  supported: boolean
  // The drill-down key (null when not supported).
  metric: string | null
  // What a click on a figure lists: the enterprises counted, or the items (认定, 服务商, 产品 …) for indicators 5–10.
  drill: 'enterprises' | 'items' | null
  by_industry: Record<string, ProgressFigure>
  total: ProgressFigure
}

// A district against the annex, read by year of acceptance: accepted.y2024 the enterprises accepted during 2024 (still
// counted at 2024-12-31), y2025 those accepted during 2025 whatever their batch, total all counted at 2025-12-31 (the
// rate total ÷ target.total and the rank use it), now today's. pilot counts registrations by batch (按批次登记).
export interface ProgressDistrict {
  district: DistrictRef
  target: { total: number; y2024: number; y2025: number }
  accepted: { y2024: number; y2025: number; total: number; now: number }
  pilot: { total: number; batch_2024: number; batch_2025: number }
  assessed: number
  // 评测二级及以上 (any assessment).
  level2: number
  // accepted.total ÷ target.total.
  rate: number
  rank: number
}

export interface ProgressResponse {
  as_of: string
  // The stage (2024, 2025) or null for today's figures.
  year: number | null
  // The day the figures stand at: the stage's last day (or today while it runs), or today.
  figures_as_of: string
  // The year 研发投入强度 uses (the stage's, or the latest with figures); null without figures.
  rd_year: number | null
  // 新增发明专利 counts the years 2024 to this one.
  patents_to: number
  // Transformed enterprises on the cloud with no recorded day: in today's figure only.
  cloud_undated: number
  // 'city' or 'district' (a district officer's figures are their district's).
  scope?: string
  industries: { code: string; short_name: string; name?: string }[]
  indicators: ProgressIndicator[]
  pipeline: { pilot: number; assessed: number; level2: number; accepted: number }
  districts: ProgressDistrict[]
}

// A drill-down row: the enterprise's key facts (not the list's status, 规上 or 上云), and its figure — "" for
// counts, the patents for patents, "R&D/revenue" in 分 for rd.
export type ProgressEnterprise = EnterpriseRow & { value: string }

// An item behind one of indicators 5–10 (a recognition, a provider, a product, a scenario, a chain model, a park).
export interface ProgressItem {
  id: number
  name: string
  // One line on it (the enterprise and level of a recognition, a product's category …).
  detail: string
  industries: string[]
  // '' when the item is not counted by district.
  district: string
  // The day it came to count (recognised, admitted, listed…); null when its record keeps no date.
  on: string | null
}

// `label` says what one item is (认定, 服务商, 解决方案 …).
export type ProgressItemPage = Page<ProgressItem> & { label: string }

// What every enterprise row carries, whichever list it comes from.
export type EnterpriseRow = Pick<EnterpriseSummary, 'id' | 'name' | 'credit_code' | 'industry' | 'district' | 'batch' | 'level' | 'tier'> &
  Partial<EnterpriseSummary>

// ---- 资料 ----

export type DocumentEntityType = 'enterprise' | 'assessment' | 'project' | 'article' | 'product'

// One stored version of an uploaded file. Re-uploading the same name adds a version; nothing is overwritten.
export interface DocumentVersion {
  id: number
  entity_type: DocumentEntityType
  // The server sends the id as a string.
  entity_id: string | number
  name: string
  version: number
  content_type: string
  // The type the server recognised from the content ("PDF 文档").
  type_label: string
  size: number
  sha256: string
  sm3: string
  note: string | null
  // The uploader's display name.
  uploaded_by: string
  uploaded_at: string
  download_url: string
}

// ---- 资金补助: rule sets, what-if quotes, the LPR table ----

export type SubsidyKind = 'share' | 'fixed' | 'loan_interest'

export interface SubsidyCap {
  id: string
  label: string
  amount_fen: number
  // 口径: per enterprise | provider | case, over all_years | year.
  per: string
  period: string
}

export interface SubsidyScheme {
  code: string
  name: string
  clause: string
  kind: SubsidyKind
  // The request field the rate applies to ('' for fixed amounts) and its name.
  base_field: string
  base_label: string
  rate_bp: number
  // 0: no level required; else the lowest 数字化水平 level (the request then carries `level`).
  min_level: number
  max_months: number
  long_loan_months: number
  tranches: boolean
  // Boolean request fields that must be true.
  conditions: { field: string; label: string }[]
  caps: SubsidyCap[]
}

export interface SubsidyRuleSet {
  version: string
  document: string
  effective_from: string
  schemes: SubsidyScheme[]
  awards: { code: string; name: string; clause: string }[]
}

// {scheme, <base_field>: 分, level?, <condition>: bool, loan_date?, term_months?, interest_paid_fen?, paid_before_fen}
export type SubsidyQuoteInput = { scheme: string } & Record<string, string | number | boolean>

export interface SubsidyQuote {
  eligible: boolean
  amount_fen: number
  cap_applied: string | null
  cap_label: string | null
  clause: string
  scheme: string
  scheme_name: string
  rule_version: string
  explanation: string
  proposed_fen: number
  steps: { label: string; fen: number }[]
  inputs: Record<string, unknown>
  // Only when not eligible.
  reason?: string
  // Only for loan interest: the LPR applied.
  lpr?: { announced_on: string; rate_bp: number; months: number }
}

export interface LprRate {
  announced_on: string
  one_year_bp: number
  five_year_bp: number
  one_year: string
  five_year: string
}

export type LprAction = 'load' | 'create' | 'update' | 'delete'

export interface LprChange {
  id: number
  announced_on: string
  action: LprAction
  one_year_bp: number | null
  five_year_bp: number | null
  before_one_year_bp: number | null
  before_five_year_bp: number | null
  reason: string
  actor: string
  changed_at: string
}

// ---- 一企一策 projects ----

export interface ProjectState {
  code: string
  name: string
}

export interface ProjectTransition {
  action: string
  name: string
  from: string[]
  to: string
  // Who may take it, in words (本企业, 集成服务商, 区县专班, 市级管理员, 指派的专家).
  parties: string[]
  guards: string[]
  needs_reason: boolean
}

export interface OutcomeIndicator {
  code: string
  name: string
  unit: string
  category: string
  better: 'higher' | 'lower'
}

export interface ProjectReference {
  lifecycle_version: string
  states: ProjectState[]
  transitions: ProjectTransition[]
  indicators: OutcomeIndicator[]
  materials: CodeName[]
  // A milestone due within this many days is shown as 临期.
  warn_days: number
}

export interface Diagnosis {
  id: number
  enterprise_id: number
  provider_id: number
  diagnosed_on: string
  pain_points: string
  recommended_scenarios: string[]
  cost_fen: number
  report_document_id: number | null
  invoice_document_id: number | null
  created_at: string
}

export interface DiagnosisInput {
  provider_id: number
  diagnosed_on: string
  pain_points: string
  recommended_scenarios: string[]
  cost_fen: number
  report_document_id?: number
  invoice_document_id?: number
}

export type ScenarioKind = 'N' | 'X'

// A plan as sent: scenarios (N 共性 / X 个性), products, budget lines in 分, milestones with their due dates.
export interface PlanInput {
  scenarios: { name: string; kind: ScenarioKind }[]
  products: string[]
  budget: { item: string; amount_fen: number }[]
  milestones: { name: string; due_on: string; deliverable: string }[]
}

export interface PlanMilestone {
  id: number
  name: string
  due_on: string
  deliverable: string
  done_on: string | null
  evidence_document_id: number | null
  // on_track 正常, due_soon 临期, overdue 逾期, done 按期完成, done_late 逾期完成 … (the server names it).
  // Absent while the project is 申报 or 专家评审: deadlines run from 立项.
  status?: string
  status_name?: string
}

export interface Plan {
  scenarios: { name: string; kind: ScenarioKind; kind_name: string }[]
  products: string[]
  budget: { item: string; amount_fen: number }[]
  budget_total_fen: number
  milestones: PlanMilestone[]
}

export interface PlanVersion {
  version: number
  // approved 已生效, proposed 待专家审批, rejected 未同意.
  state: string
  state_name: string
  reason: string
  proposed_by: string
  proposed_at: string
  decided_by: string | null
  decided_at: string | null
  decision_note: string | null
  content: Plan
}

export interface ProjectSummary {
  id: number
  name: string
  enterprise: { id: number; name: string }
  integrator: { id: number; name: string }
  district_code: string
  industry_code: string
  state: string
  state_name: string
  plan_version: number
  contract_amount_fen: number | null
  created_at: string
  updated_at: string
  state_changed_at: string
}

// A status move the server lists as open to the caller on a record (`actions` of a project, provider, product or
// article detail): which moves are open is the server's to say, from its rules, the record's state and the caller.
export interface RecordAction {
  action: string
  name: string
  needs_reason: boolean
  // 责令限期整改 asks for a due date too.
  needs_due?: boolean
}

export interface ProjectAction extends RecordAction {
  needs_expert: boolean
}

export interface ProjectContract {
  amount_fen: number | null
  catalogue_price_fen: number | null
  signed_on: string | null
  start_on: string | null
  end_on: string | null
  document_id: number | null
}

export interface ProjectCost {
  id: number
  item: string
  amount_fen: number
  incurred_on: string
  provider: { id: number; name: string } | null
  invoice_document_id: number
  payment_document_id: number | null
}

export interface SupervisionVisit {
  id: number
  expert: string
  visited_on: string
  findings: string
  rectification_due_on: string | null
  rectified_on: string | null
  rectification_note: string | null
  // A rectification is asked for and not done; past its deadline.
  open: boolean
  overdue: boolean
}

export interface ProjectOutcome {
  indicator: string
  name: string
  unit: string
  category: string
  better: 'higher' | 'lower'
  // Exact decimal strings.
  before: string | null
  after: string | null
  improvement_percent: string | null
}

export interface ProjectMaterial {
  material: string
  name: string
  document_id: number
  added_at: string
}

export interface ProjectEvent {
  action: string
  from: string
  from_name: string
  to: string
  to_name: string
  actor: string
  reason: string
  at: string
}

// The caller's parts in a project; 'expert' is the acceptance expert (现场验收), who takes pass and fail.
export type PartyCode = 'city_admin' | 'district_officer' | 'enterprise' | 'integrator' | 'expert'

// supervision 全流程监管 (approves plan adjustments), acceptance 现场验收, review 评审 (a member of a review round).
export type ExpertDuty = 'supervision' | 'acceptance' | 'review'

export interface ProjectDetail extends ProjectSummary {
  // The caller's parts in the project, in words (本企业, 集成服务商, 区县专班, 市级管理员, 指派的专家) and as codes.
  my_roles: string[]
  my_role_codes: PartyCode[]
  contract: ProjectContract
  // 服务商让利 = 目录价 − 合同金额.
  provider_discount_fen: number | null
  rating: { stars: number | null; comment: string | null }
  plan: Plan
  plan_versions: PlanVersion[]
  providers: { id: number; name: string; role: string; role_name: string }[]
  // Assigned experts and the members of the project's review rounds, one row per duty.
  experts: { user_id: number; name: string; duty: ExpertDuty; duty_name: string }[]
  costs: ProjectCost[]
  cost_total_fen: number
  supervision: SupervisionVisit[]
  outcomes: ProjectOutcome[]
  materials: ProjectMaterial[]
  missing_materials: string[]
  events: ProjectEvent[]
  // The moves the caller may take now.
  actions: ProjectAction[]
  risks: string[]
  at_risk: boolean
}

export interface NewProject {
  enterprise_id: number
  name: string
  integrator_id: number
  plan: PlanInput
}

export interface ContractInput {
  amount_fen: number
  catalogue_price_fen: number
  signed_on: string
  start_on: string
  end_on: string
  document_id: number
}

export interface CostInput {
  item: string
  amount_fen: number
  incurred_on: string
  invoice_document_id: number
  provider_id?: number
  payment_document_id?: number
}

// ---- 专家评审 ----

export interface RubricItem {
  code: string
  name: string
  max: number
}

export interface Rubric {
  subject_type?: string
  name: string
  pass_score: number
  items: RubricItem[]
}

export interface ExpertProfile {
  user_id: number
  name: string
  specialties: string[]
  industries: string[]
  employer_name: string
  employer_credit_code: string
  phone: string
  address: string
  updated_at: string
}

export type ExpertProfileInput = Omit<ExpertProfile, 'user_id' | 'name' | 'updated_at'>

export interface ReviewSummary {
  id: number
  subject_type: string
  subject_type_name: string
  subject_id: number
  // cancelled: the project was terminated while the round was open (已撤销（项目终止）).
  state: 'open' | 'closed' | 'cancelled'
  state_name: string
  lead_user_id: number
  consensus_pass: boolean | null
  consensus_opinion: string | null
  // The average of the valid totals × 1000.
  average_milli: number | null
  created_at: string
  closed_at: string | null
  // The project's name and its enterprise's ("改造项目（某某公司）").
  subject_name: string
}

export interface ReviewMember {
  user_id: number
  name: string
  lead: boolean
  // assigned 待评分, scored 已提交, abstained 主动回避, recused 责令回避.
  status: string
  status_name: string
  status_reason: string | null
  scores: Record<string, number> | null
  total: number | null
  comment: string | null
  locked: boolean
  conflicts: string[]
}

export interface ReviewDraw {
  seed: string
  candidates: { user_id: number; name: string }[]
  excluded: { user_id: number; name: string; reasons: string[] }[]
}

export interface ReviewDetail extends ReviewSummary {
  draw: ReviewDraw | null
  rubric: Rubric
  members: ReviewMember[]
}

export interface NewReview {
  subject_type: string
  subject_id: number
  expert_user_ids?: number[]
  draw?: number
  lead_user_id?: number
}

// ---- 服务商库（能进能出） ----

// A provider as the public 服务商名录 shows it (listed ones: 已入库、已警告、限期整改).
export interface Provider {
  id: number
  name: string
  credit_code: string
  // integrator 集成服务商, specialist 专业服务商.
  kind: string
  kind_name: string
  in_zhengzhou: boolean
  // Industry codes it serves.
  industries?: string[]
  status?: ProviderStatus
  status_name?: string
}

// draft 填报中 → applied 已申请 → notice 公示中 → admitted 已入库 (→ warned 已警告 → rectifying 限期整改) → removed
// 已出库; rejected 未入库. The moves are data/provider-rules.json on the server.
export type ProviderStatus = 'draft' | 'applied' | 'notice' | 'admitted' | 'warned' | 'rectifying' | 'removed' | 'rejected'

// The whole record: the city admin sees it for every provider, a provider for its own; others get the public
// fields only (the profile fields are then absent).
export interface ProviderRecord extends Provider {
  industries: string[]
  status: ProviderStatus
  status_name: string
  qualifications?: string
  cases?: string
  address?: string
  contact_name?: string
  contact_phone?: string
  // 公示期 (days, YYYY-MM-DD) and 整改期限.
  notice_from?: string | null
  notice_to?: string | null
  rectify_due?: string | null
  status_changed_at?: string
  // In a single record's reply (not in lists).
  actions?: RecordAction[]
}

export interface NewProvider {
  name: string
  credit_code: string
  kind: string
  in_zhengzhou: boolean
}

// What the provider fills in before applying (在库后只能改地址和联系人).
export interface ProviderProfileInput {
  in_zhengzhou: boolean
  industries: string[]
  qualifications: string
  cases: string
  address: string
  contact_name: string
  contact_phone: string
}

export interface ProviderEvent {
  id: number
  action: string
  from: string
  to: string
  to_name: string
  reason: string
  due_on: string | null
  actor: string
  at: string
}

export interface ProviderObjection {
  id: number
  objector: string
  content: string
  received_at: string
  resolution: string | null
}

export interface ProviderAppeal {
  id: number
  // The sanction (状态记录) appealed against.
  event_id: number
  reason: string
  status: 'pending' | 'overturned' | 'upheld'
  decision_note: string | null
  created_at: string
}

export interface ProviderSelections {
  integrators_listed: number
  city_minimum: number
  per_industry_target: number
  // Only the industries with a selection.
  by_industry: { industry: string; selected: number; provider_ids: number[]; target: number }[]
}

export interface ProviderFlowMonth {
  month: string
  admitted: number
  removed: number
}

// 服务商评价: scores are exact decimals as strings ("84.297"), null without data.
export interface ScorecardComponent {
  code: string
  name: string
  weight: number
  score: string | null
  explanation: string
}

export interface Scorecard {
  provider: IdName
  projects: number
  components: ScorecardComponent[]
  total: string | null
  // 0 without data, else 1–5.
  stars: number
  rules_version?: string
}

export interface ProviderEvaluation {
  id: number
  period: string
  opinion: string
  snapshot_sm3: string
  rules_version: string
  created_at: string
}

export interface ProviderEvaluationDetail extends ProviderEvaluation {
  scorecards: Scorecard[]
}

export interface IdName {
  id: number
  name: string
}

// ---- 小快轻准产品、N+X 场景库 ----

export interface ProductCatalog {
  version: string
  categories: CodeName[]
  deployments: CodeName[]
}

export type ProductStatus = 'draft' | 'in_review' | 'listed' | 'rejected' | 'delisted'

export interface Usage {
  projects: number
  accepted_enterprises: number
}

export interface Product {
  id: number
  provider: IdName
  name: string
  category: string
  category_name: string
  industries: string[]
  deployment: string
  deployment_name: string
  price_fen: number
  delivery_days: number
  description: string
  status: ProductStatus
  status_name: string
  status_note?: string | null
  usage: Usage
  listed_at: string | null
  // In a single product's reply (not in lists).
  actions?: RecordAction[]
}

export interface ProductInput {
  provider_id?: number
  name: string
  category: string
  deployment: string
  description: string
  industries: string[]
  price_fen: number
  delivery_days: number
}

export interface RankedProduct extends Product {
  rank: number
}

export interface Scenario {
  id: number
  industry: string
  kind: ScenarioKind
  kind_name: string
  name: string
  category: string
  category_name: string
  description: string
  product_ids: number[]
  // Its use (projects whose plans name it, enterprises accepted with it): the evidence the expert committee is shown.
  usage: Usage
  // The day the expert committee judged it 可复制可推广; null while not (yet) judged so.
  replicable_on: string | null
}

export type ScenarioDecisionCode = 'selected' | 'rejected'

// 专家委员会评定: one sitting on one industry's scenarios — its day, experts, minutes, and per scenario the decision
// with the usage it was shown then.
export interface ScenarioSelection {
  id: number
  industry: string
  held_on: string
  experts: string[]
  minutes: string
  recorded_at: string
  items: {
    scenario_id: number
    scenario_name: string
    decision: ScenarioDecisionCode
    decision_name: string
    reason: string
    usage: Usage
  }[]
}

export interface ScenarioSelectionInput {
  industry: string
  held_on: string
  experts: string[]
  minutes: string
  // A rejection needs its reason.
  decisions: { scenario_id: number; decision: ScenarioDecisionCode; reason?: string }[]
}

export interface ScenarioInput {
  industry: string
  kind: ScenarioKind
  name: string
  category: string
  description?: string
}

// ---- 信息发布 ----

export type ArticleKind = 'notice' | 'policy' | 'case'
export type ArticleState = 'draft' | 'in_review' | 'published' | 'withdrawn'

export interface Article {
  id: number
  kind: ArticleKind
  kind_name: string
  title: string
  summary: string
  // 行业代码（典型案例）.
  industry: string | null
  state: ArticleState
  state_name: string
  // The author's display name.
  author: string
  // The reason of the last 退回 or 撤回.
  review_note: string | null
  updated_at: string
  published_at: string | null
}

export interface ArticleDetail extends Article {
  body: string
  actions: RecordAction[]
}

export interface ArticleInput {
  kind: ArticleKind
  title: string
  summary: string
  body: string
  industry?: string
}

export interface ArticleEvent {
  action: string
  from: string
  to: string
  to_name: string
  actor: string
  reason: string
  at: string
}

// ---- 公开门户 ----

export type PublicArticle = Pick<Article, 'id' | 'kind' | 'kind_name' | 'title' | 'summary' | 'industry' | 'published_at'>

export interface PublicAttachment {
  id: number
  name: string
  size: number
  type_label: string
  sha256: string
  download_url: string
}

export interface PublicArticleDetail extends PublicArticle {
  body: string
  attachments: PublicAttachment[]
}

export interface PublicEnterprise {
  name: string
  district: string
  industry: string
  stage: string
  in_pilot: boolean
}

// A provider in its 公示 period, as the public portal shows it.
export interface ProviderNotice {
  id: number
  name: string
  credit_code: string
  kind_name: string
  in_zhengzhou: boolean
  industries: string[]
  qualifications: string
  cases: string
  notice_from: string | null
  notice_to: string | null
}

export interface PublicProvider {
  id: number
  name: string
  kind_name: string
  in_zhengzhou: boolean
}

export interface PublicLookup<T> {
  q: string
  items: T[]
}

// A figure below 3, or one the totals would reveal, is null.
export interface OpenDataTable {
  title: string
  industries: string[]
  rows: { district: string; cells: (number | null)[]; total: number | null }[]
  industry_totals: (number | null)[]
  total: number | null
}

// ---- 补助核定、拨付、专项资金、数字贷 ----

// The schemes of the rule data plus 'award' (奖励: the type and amount are entered by the city).
export type SubsidySchemeCode = 'diagnosis' | 'transformation' | 'provider' | 'chain' | 'loan_interest' | 'award'

// What a subsidy is computed from: the scheme and its subject (the server reads the facts itself).
export interface SubsidyRequest {
  scheme: string
  enterprise_id?: number
  project_id?: number
  provider_id?: number
  year?: number
  loan_id?: number
  // 链式: the model; the subsidy goes to its 链主企业 when the 工信部 recognition is recorded.
  chain_model_id?: number
  award_type?: string
  amount_fen?: number
  // At most the amount the rules allow (default: that amount).
  approved_fen?: number
  note?: string
}

// A preview or a recorded quote: the public quote's shape, its inputs naming where each fact came from
// (cost_source, level_source, fees_source; approved_before_fen.<cap> for each cap's earlier approvals).
export type SubsidyComputation = Omit<SubsidyQuote, 'steps' | 'proposed_fen' | 'cap_label'> & {
  steps?: { label: string; fen: number }[]
  proposed_fen?: number
  cap_label?: string | null
}

export interface Subsidy {
  id: number
  scheme: SubsidySchemeCode
  enterprise_id: number | null
  district_code: string | null
  provider_id: number | null
  project_id: number | null
  loan_id: number | null
  award_type: string | null
  year: number | null
  rule_version: string
  // What the rules allowed, and what the city approved (never more).
  proposed_fen: number
  approved_fen: number
  // approved 已核定, cancelled 已撤销.
  status: string
  status_name: string
  note: string
  quote: SubsidyComputation
  created_at: string
}

export type PaymentStatus = 'scheduled' | 'approved' | 'paid' | 'returned' | 'cancelled'
export type PaymentAction = 'approve' | 'pay' | 'return' | 'cancel'

export interface Payment {
  id: number
  subsidy_id: number
  fund_id: number
  label: string
  budget_year: number
  amount_fen: number
  status: PaymentStatus
  status_name: string
  // Says when the amount was cut to what was left of the approval, and the reason of a return or cancellation.
  note: string
  // Given when the tranche went beyond the fund's budget.
  override_reason: string | null
  scheduled_at: string
  approved_at: string | null
  paid_at: string | null
  closed_at: string | null
}

export interface SubsidyDetail extends Subsidy {
  payments: Payment[]
  // Scheduled, approved and paid tranches; paid ones; what is left of the approval.
  scheduled_total_fen: number
  paid_total_fen: number
  unscheduled_fen: number
}

export interface PaymentInput {
  fund_id: number
  amount_fen: number
  label: string
  note?: string
  // Cut the amount to what is left of the approval instead of refusing.
  cut?: boolean
  // Required to go beyond the fund's budget.
  override_reason?: string
}

export interface Fund {
  id: number
  // central 中央试点资金, city 市级配套资金.
  source: 'central' | 'city'
  source_name: string
  year: number
  name: string
  budget_fen: number
  scheduled_fen: number
  approved_fen: number
  paid_fen: number
  returned_fen: number
  // scheduled + approved + paid; remaining = budget − committed.
  committed_fen: number
  remaining_fen: number
}

export interface FundList {
  items: Fund[]
  total: { budget_fen: number; committed_fen: number; paid_fen: number; remaining_fen: number }
}

export interface CostSharing {
  cost_total_fen: number
  contract_amount_fen: number | null
  catalogue_price_fen: number | null
  provider_discount_fen: number | null
  subsidy_approved_fen: number
  subsidy_paid_fen: number
  // cost_total − subsidy_approved.
  enterprise_share_fen: number
}

// One confirmation of the interest paid over months first_month..last_month of the loan (from_day..to_day):
// confirmed 已确认（锁定）, or reopened by the city admin with a reason (待银行重新确认).
export interface LoanPeriod {
  id: number
  first_month: number
  last_month: number
  from_day: string
  to_day: string
  interest_paid_fen: number
  state: 'confirmed' | 'reopened'
  state_name: string
  confirmed_by_name: string
  confirmed_at: string
  reopened_by_name: string
  reopened_at: string | null
  reopen_reason: string
}

export interface Loan {
  id: number
  enterprise_id: number
  enterprise_name: string
  bank: string
  principal_fen: number
  loan_date: string
  term_months: number
  // granted 已放款 → applied 已申请贴息 (the bank then confirms the interest period by period).
  state: 'granted' | 'applied'
  state_name: string
  // What the loan waits for, in words.
  waiting_for: string
  // The months the subsidy covers (at most 24, or the term), those covered by confirmed periods, and those over.
  subsidised_months: number
  confirmed_months: number
  elapsed_months: number
  confirmed_interest_fen: number
  // Where the bank's next confirmation starts and how far it may reach today; null when nothing is left to confirm.
  next_confirmation: { first_month: number; last_month_max: number } | null
  periods: LoanPeriod[]
  created_at: string
}

// What a confirmation will lock, shown to the bank before it locks it (nothing is written).
export interface InterestPreview {
  first_month: number
  last_month: number
  from_day: string
  to_day: string
  interest_paid_fen: number
  // principal × the ceiling rate × months ÷ 12: above it the server refuses.
  plausible_max_fen: number
  // The same months at the LPR (the subsidy is the lower of the two), and the sentence saying so.
  lpr_interest_fen: number
  lpr_text: string
  lock_text: string
}

export interface LoanInput {
  enterprise_id: number
  principal_fen: number
  loan_date: string
  term_months: number
}

export interface LoanPoolEntry {
  id: number
  enterprise_id: number
  enterprise_name: string
  project_id: number | null
  project_name: string
  amount_fen: number
  note: string
  recommended_by_name: string
  recommended_at: string
}

// ---- 企商互动：需求、响应方案、留言、供需对接会 ----

// open 征集中 → matched 已对接 (a proposal accepted) | closed 已关闭 (with a reason).
export type NeedStatus = 'open' | 'matched' | 'closed'

export interface Need {
  id: number
  enterprise_id: number
  district_code: string
  industry_code: string
  category: string
  category_name: string
  title: string
  description: string
  budget_fen: number | null
  status: NeedStatus
  status_name: string
  created_at: string
  enterprise_name: string
  // Set once the need is closed (not when it is matched).
  closed_at: string | null
  close_reason: string | null
}

// submitted 待选择 → accepted 已选定 | declined 未选中 (another was accepted).
export type ProposalStatus = 'submitted' | 'accepted' | 'declined'

export interface NeedProposal {
  id: number
  provider: IdName
  product_id: number | null
  product_name: string | null
  summary: string
  price_fen: number
  status: ProposalStatus
  created_at: string
}

export interface NeedMessage {
  id: number
  author: string
  body: string
  created_at: string
}

// A move open to the caller on a need now (exchange/service.cc decides): propose 响应需求, accept 选择对接方案,
// close 关闭需求, message 留言.
export type NeedActionCode = 'propose' | 'accept' | 'close' | 'message'

export interface NeedAction {
  action: NeedActionCode
  name: string
}

// The enterprise's side and the officials see every proposal; a provider its own.
export interface NeedDetail extends Need {
  proposals: NeedProposal[]
  messages: NeedMessage[]
  actions: NeedAction[]
}

// Listed products of the need's category serving its industry, and listed providers serving it, by stars.
export interface NeedSuggestions {
  products: Product[]
  providers: Scorecard[]
}

export interface NeedInput {
  // Officials name the enterprise; an enterprise user posts for its own.
  enterprise_id?: number
  category: string
  title: string
  description?: string
  budget_fen?: number
}

export interface ProposalInput {
  product_id?: number
  summary: string
  price_fen: number
}

export interface MatchEvent {
  id: number
  title: string
  held_on: string
  place: string
  industry: string | null
  capacity: number
  registered: number
  // The caller has registered for it.
  registered_by_me: boolean
}

export interface MatchEventInput {
  title: string
  held_on: string
  place?: string
  industry?: string
  capacity: number
}

export interface MatchRegistration {
  name: string
  // 企业 | 服务商
  party: string
}

// ---- 站内消息 ----

export interface Notification {
  id: number
  // proposal | message | review | deadline …
  kind: string
  title: string
  // A path in the front end ("/needs/3"), or empty.
  link: string
  created_at: string
  read: boolean
}

export interface NotificationList {
  // The newest 100 (or the newest 100 unread).
  items: Notification[]
  unread: number
}

// ---- 链式转型、认定、小微企业园、培训 ----

// A dated decision a record rests on: the day, the body that decided, its evidence (文号 or 纪要), and who recorded it
// on the platform and when.
export interface Decision {
  on: string
  decided_by: string
  evidence: string
  recorded_by_name: string
  recorded_at: string
}

// What a caller records: on ≤ today; decided_by 1–100 characters; evidence 1–500.
export interface DecisionInput {
  on: string
  decided_by: string
  evidence: string
}

// building 建设中 until its 建成 is recorded (completed 已建成); the 工信部 recognition only after that.
export type ChainStatus = 'building' | 'completed'

export interface ChainModel {
  id: number
  name: string
  industry: string
  lead_enterprise_id: number | null
  lead_name: string
  provider_id: number | null
  scenarios: string[]
  status: ChainStatus
  status_name: string
  completed: Decision | null
  miit: Decision | null
  // The chain SMEs (enterprise ids), and their names in the same order ('' where the enterprise is gone).
  members: number[]
  member_names: string[]
}

export interface ChainModelInput {
  name: string
  industry: string
  lead_enterprise_id?: number
  lead_name?: string
  provider_id?: number
  scenarios: string[]
  members: number[]
}

export type RecognitionKind = 'factory' | 'workshop' | 'scenario'
export type RecognitionLevel = 'provincial' | 'national'

export interface Recognition {
  id: number
  enterprise_id: number
  enterprise_name: string
  kind: RecognitionKind
  level: RecognitionLevel
  name: string
  recognized_on: string
}

export type RecognitionInput = Omit<Recognition, 'id' | 'enterprise_name'>

export interface Park {
  id: number
  name: string
  district: string
  industry: string
  recognized_on: string
  enterprises: number
  // Its 数字化改造 completed (only such parks count for indicator 10); null while registered only.
  transformed: Decision | null
}

export type ParkInput = Omit<Park, 'id' | 'transformed'>

// 数字化转型“小灯塔”企业 (one designation per enterprise).
export interface Lighthouse {
  id: number
  enterprise_id: number
  enterprise_name: string
  // District code.
  district: string
  designated: Decision
  note: string
}

export type LighthouseInput = DecisionInput & { enterprise_id: number; note?: string }

// 数字工坊: led by a 小灯塔 enterprise designated on or before the day it was established.
export interface Workshop {
  id: number
  name: string
  lead_enterprise_id: number
  lead_name: string
  partners: string
  provider_id: number | null
  provider_name: string
  established: Decision
}

export type WorkshopInput = DecisionInput & { name: string; lead_enterprise_id: number; partners: string; provider_id?: number }

// 工业互联网标识解析二级节点, recorded on its platform.
export interface IdentifierNode {
  id: number
  platform_id: number
  name: string
  prefix: string
  industry: string
  approved_on: string
  decided_by: string
  evidence: string
  platform_name: string
  recorded_by_name: string
  recorded_at: string
}

export interface IdentifierNodeInput {
  name: string
  prefix: string
  industry: string
  on: string
  decided_by: string
  evidence: string
}

export type TrainingAudience = 'management' | 'technical'

export interface Training {
  id: number
  title: string
  audience: TrainingAudience
  audience_name: string
  held_on: string
  place: string
  // Enterprises that attended and the people they sent.
  enterprises: number
  people: number
}

export interface TrainingInput {
  title: string
  audience: TrainingAudience
  held_on: string
  place?: string
}

// Counts by industry code, with their sum under "total".
export type IndustryCounts = Record<string, number> & { total: number }

export interface RecordsTally {
  // Provincial-or-higher smart factories, digital workshops and smart-manufacturing scenarios of enterprises still in
  // the pilot.
  smart_factories: IndustryCounts
  // Built chain models and transformed parks (what indicators 9 and 10 count), by industry.
  chain_models: IndustryCounts
  parks: IndustryCounts
  // All registered, built or not; transformed or not.
  chain_models_registered: number
  parks_registered: number
  // Chain models recognised by the 工信部 as typical cases.
  miit_chain_cases: number
  lighthouses: number
  digital_workshops: number
  training: { sessions: number; enterprises: number; people: number }
}

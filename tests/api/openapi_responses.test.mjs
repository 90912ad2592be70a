// docs/openapi.json describes what the server answers: every GET operation (and the writes whose answer is a record a
// GET describes) documents its 2xx body as a schema under components.schemas, and this file calls each of them on the
// full demo, as a user allowed to read it and with path parameters taken from real records, and checks the body
// against the documented schema. Objects are closed: a field the server sends that the document does not name fails.
//
// Not checked here, because their 2xx body is a file and not JSON (the document describes them as such):
//   GET /metrics                                        text/plain (Prometheus; only for addresses in server.metrics_allow)
//   GET /api/v1/jobs/{id}/download                      .xlsx
//   GET /api/v1/documents/{id}/download                 the uploaded file
//   GET /api/v1/public/articles/{id}/attachments/{doc}  the attached file
//   GET /api/v1/projects/{id}/archive                   .zip (一企一档)
//   GET /api/v1/reports/{id}/pdf, /reports/{id}/xlsx    通报 PDF / .xlsx
//   GET /api/v1/evaluations/{stage}/pdf, …/xlsx         绩效评价表 PDF / .xlsx
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, DEMO_USERS, PASSWORD, ok, openapi, waitFor } from './harness.mjs'

// ---- A small JSON-Schema checker: the subset docs/openapi.json uses. ----
// type (string, integer, number, boolean, object, array, null; a list of types for nullable values), enum, format
// (date-time as the server writes it, date as YYYY-MM-DD), properties, required, additionalProperties, items, $ref to
// #/components/schemas/X, oneOf, allOf with unevaluatedProperties (the paged lists). An object schema that says
// nothing about further properties is closed (every field the server sends must be documented), except as a member of
// an allOf, where the schema that composes it decides. Returns the list of errors, each naming its JSON path.
const FORMATS = { 'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, date: /^\d{4}-\d\d-\d\d$/ }

function validate(doc, schema, value, where = '$', errors = [], member = false) {
  schema = resolve(doc, schema, where, errors)
  if (!schema) return errors
  if (schema.oneOf) {
    const passing = schema.oneOf.filter((s) => validate(doc, s, value, where, []).length === 0)
    if (passing.length !== 1) {
      const why = schema.oneOf.map((s) => validate(doc, s, value, where, [])[0]).filter(Boolean)
      errors.push(`${where}: matches ${passing.length} of oneOf (${why.join('; ')})`)
    }
  }
  for (const s of schema.allOf ?? []) validate(doc, s, value, where, errors, true)
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type]
    if (!types.some((t) => isType(value, t))) {
      errors.push(`${where}: expected ${types.join(' or ')}, got ${describe(value)}`)
      return errors
    }
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    errors.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`)
  }
  if (schema.format && typeof value === 'string' && FORMATS[schema.format] && !FORMATS[schema.format].test(value)) {
    errors.push(`${where}: ${JSON.stringify(value)} is not a ${schema.format}`)
  }
  const objectSchema = schema.properties || schema.allOf || schema.additionalProperties !== undefined ||
    [schema.type].flat().includes('object')
  if (objectSchema && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const props = schema.properties ?? {}
    for (const k of schema.required ?? []) if (!(k in value)) errors.push(`${where}.${k}: required field missing`)
    const evaluated = evaluatedBy(doc, schema)
    for (const [k, v] of Object.entries(value)) {
      if (k in props) validate(doc, props[k], v, `${where}.${k}`, errors)
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        validate(doc, schema.additionalProperties, v, `${where}.${k}`, errors)
      else if (schema.additionalProperties === true || evaluated.has(k) || (member && schema.additionalProperties === undefined)) continue
      else errors.push(`${where}.${k}: field not documented`)
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => validate(doc, schema.items, v, `${where}[${i}]`, errors))
  return errors
}

function resolve(doc, schema, where, errors) {
  while (schema?.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '')
    const target = doc.components?.schemas?.[name]
    if (!target) {
      errors.push(`${where}: unknown $ref ${schema.$ref}`)
      return null
    }
    schema = target
  }
  return schema
}

// The properties an allOf member already describes (what unevaluatedProperties leaves alone).
function evaluatedBy(doc, schema) {
  const out = new Set()
  for (const member of schema.allOf ?? []) {
    const s = resolve(doc, member, '', [])
    if (!s) continue
    for (const k of Object.keys(s.properties ?? {})) out.add(k)
    for (const k of evaluatedBy(doc, s)) out.add(k)
  }
  return out
}

function isType(v, t) {
  switch (t) {
    case 'null': return v === null
    case 'string': return typeof v === 'string'
    case 'boolean': return typeof v === 'boolean'
    case 'integer': return Number.isInteger(v)
    case 'number': return typeof v === 'number' && Number.isFinite(v)
    case 'array': return Array.isArray(v)
    case 'object': return v !== null && typeof v === 'object' && !Array.isArray(v)
    default: throw new Error(`schema uses unknown type ${t}`)
  }
}
const describe = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && !Number.isInteger(v) ? `number ${v}` : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`)

// ---- The operations and how to call them. ----
const doc = openapi()
let server
const tokens = {}
const ids = {}

// The system administrator watches every job (三员分立).
const finished = (id) => waitFor(async () => ['succeeded', 'failed'].includes((await get('xitong', `/api/v1/jobs/${id}`)).state), { what: `job ${id}`, timeout: 30000 })
const as = (user, method, url, body) => server.call(method, url, { token: tokens[user], body })
const get = async (user, url) => ok(await as(user, 'GET', url))

// The writes the setup makes whose answer the document describes: each body is checked like a GET's.
const writeFailures = []
let writesChecked = 0
function documented(route, r, status) {
  const body = ok(r, status)
  const [method, path] = route.split(' ')
  const schema = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json']?.schema
  assert.ok(schema, `${route} ${status}: no schema documented`)
  for (const e of validate(doc, schema, body)) writeFailures.push(`${route}: ${e}`)
  writesChecked++
  return body
}

before(async () => {
  server = await Server.start({ fullDemo: true })
  for (const u of [...DEMO_USERS, 'zhuanjia2', 'fuwushang2']) tokens[u] = await server.login(u)
  documented('POST /api/v1/auth/login', await server.call('POST', '/api/v1/auth/login', { body: { username: 'qiye', password: PASSWORD } }), 200)

  // Jobs: an export (a file) and two report issues (the reports and what the job did), all finished.
  const exp = documented('POST /api/v1/audit/exports', await as('shenji', 'POST', '/api/v1/audit/exports', {}), 202)
  ids.jobs = [exp.job.id]
  for (const period of ['2026-09', '2026-10']) {  // the second report of a scope says what changed since the first
    const rep = ok(await as('admin', 'POST', '/api/v1/reports', { period }), 202)
    ids.jobs.push(rep.job.id)
    await finished(rep.job.id)
  }
  await finished(exp.job.id)
  const reports = (await get('admin', '/api/v1/reports?period=2026-10&page_size=100')).items
  ids.reports = [reports.find((r) => r.scope.code === '').id, reports.find((r) => r.scope.code === '410181').id]

  // Withdrawals in each state: approved with a replacement, rejected, pending.
  const WD = 'POST /api/v1/enterprises/{id}/withdrawals'
  const w1 = documented(WD, await as('gongyi', 'POST', '/api/v1/enterprises/2/withdrawals', {
    reason: '企业经营困难', replacement: { name: '巩义增补铝业有限公司', credit_code: '91410181MA8000002W', industry: 'aluminium' } }), 201)
  ids.replacement = documented('POST /api/v1/withdrawals/{id}/approve', await as('admin', 'POST', `/api/v1/withdrawals/${w1.id}/approve`, { note: '同意' }), 200).replacement_id
  const w2 = documented(WD, await as('xinmi', 'POST', '/api/v1/enterprises/109/withdrawals', { reason: '不再参加' }), 201)
  documented('POST /api/v1/withdrawals/{id}/reject', await as('admin', 'POST', `/api/v1/withdrawals/${w2.id}/reject`, { note: '请继续改造' }), 200)
  documented(WD, await as('gongyi', 'POST', '/api/v1/enterprises/3/withdrawals', { reason: '迁出' }), 201)

  // A periodic provider evaluation (frozen scorecards), a platform key for the platform interface and a revoked one.
  ids.evaluation = documented('POST /api/v1/provider-evaluations', await as('admin', 'POST', '/api/v1/provider-evaluations', { period: '2026年第三季度', opinion: '总体良好' }), 201).id
  const KEYS = 'POST /api/v1/platforms/{id}/keys'
  ids.platformKey = documented(KEYS, await as('admin', 'POST', '/api/v1/platforms/1/keys', { label: '只读', scopes: ['cloud:read'] }), 201).key
  const spare = documented(KEYS, await as('admin', 'POST', '/api/v1/platforms/1/keys', { label: '作废', scopes: ['cloud:push'] }), 201)
  // Before it is revoked, it pushes a 上云 batch: first answered 201, the same batch again 200 with the same answer.
  const PUSH = 'POST /api/v1/platform-api/cloud-batches'
  const code = (await get('admin', '/api/v1/enterprises/1')).credit_code
  const batch = { batch_id: 'schema-1', items: [{ credit_code: code, service: '设备上云', since: '2026-01-05' }, { credit_code: '91410100MA00000013', service: '设备上云', since: '2026-01-05' }] }
  const push = () => server.call('POST', '/api/v1/platform-api/cloud-batches', { body: batch, headers: { authorization: `Bearer ${spare.key}` } })
  documented(PUSH, await push(), 201)
  documented(PUSH, await push(), 200)
  ok(await as('admin', 'POST', `/api/v1/platforms/1/keys/${spare.id}/revoke`), 204)

  // Records whose optional parts the demo leaves empty: objections (one resolved), a rectification order and its
  // appeal, an award to a provider (then cancelled), an LPR row changed twice, a pool entry with its project, a
  // district's sub-sector, a need with a message and a closed one, a sample short of two criteria, a second version
  // of a 需求清单, a review drawn at random with an expert who stood down, a rejected and a published article with an
  // attachment.
  const o1 = ok(await as('admin', 'POST', '/api/v1/providers/3/objections', { objector: '某公司', content: '案例材料存疑' }), 201)
  ok(await as('admin', 'POST', '/api/v1/providers/3/objections', { content: '资质证书过期' }), 201)
  ok(await as('admin', 'POST', `/api/v1/providers/3/objections/${o1.id}/resolution`, { resolution: '经核查案例属实' }), 204)
  documented('POST /api/v1/providers/{id}/transitions', await as('admin', 'POST', '/api/v1/providers/2/transitions',
    { action: 'order_rectification', reason: '服务投诉', due_on: '2026-12-31' }), 200)
  ok(await as('fuwushang2', 'POST', '/api/v1/providers/2/appeals', { reason: '投诉已处理' }), 201)
  const rules = (await server.call('GET', '/api/v1/subsidies/rules')).json.items[0]
  const award = documented('POST /api/v1/subsidies', await as('admin', 'POST', '/api/v1/subsidies',
    { scheme: 'award', award_type: rules.awards[0].code, provider_id: 1, amount_fen: 5000000, year: 2025 }), 201)
  ok(await as('admin', 'POST', `/api/v1/subsidies/${award.id}/cancel`, { reason: '重复录入' }), 204)
  for (const [one, five] of [[300, 350], [295, 345]])
    documented('PUT /api/v1/lpr/{date}', await as('admin', 'PUT', '/api/v1/lpr/2026-10-20', { one_year_bp: one, five_year_bp: five, reason: '按公布值录入' }), 200)
  const project = (await get('admin', '/api/v1/projects?page_size=1')).items[0]
  ok(await as('admin', 'POST', '/api/v1/loan-pool', { enterprise_id: project.enterprise.id, project_id: project.id, amount_fen: 100000000, note: '扩产' }), 201)
  ok(await as('gongyi', 'POST', '/api/v1/industries', { code: 'gongyi_abrasives', name: '巩义磨料磨具', parent: 'refractories' }), 201)
  const needs = (await get('qiye', '/api/v1/needs')).items
  ok(await as('qiye', 'POST', `/api/v1/needs/${needs[needs.length - 1].id}/messages`, { body: '请尽快联系' }), 201)
  const closing = documented('POST /api/v1/needs', await as('qiye', 'POST', '/api/v1/needs', { category: 'scheduling', title: '排产优化', budget_fen: 1000000 }), 201)
  ok(await as('qiye', 'POST', `/api/v1/needs/${closing.id}/close`, { reason: '已自行解决' }), 204)
  const sampled = new Set((await get('admin', '/api/v1/samples')).items.map((s) => s.enterprise.id))
  const candidate = (await get('gongyi', '/api/v1/enterprises?industry=refractories&page_size=100')).items.find((e) => !sampled.has(e.id))
  const met = (m) => ({ met: m, evidence: m ? '走访核实' : '' })
  documented('POST /api/v1/samples', await as('gongyi', 'POST', '/api/v1/samples', { industry: 'refractories', enterprise_id: candidate.id, note: '候选',
    criteria: { willing: met(true), stable: met(false), managed: met(true), ready: met(true), replicable: met(false) } }), 201)
  const lists = (await get('admin', '/api/v1/demand-lists?industry=aluminium')).items
  const latest = lists[0].items.map(({ kind, name, category, description, samples }) => ({ kind, name, category, description, samples }))
  documented('POST /api/v1/demand-lists', await as('admin', 'POST', '/api/v1/demand-lists', { industry: 'aluminium', note: '第二版',
    items: [...latest.slice(1).map((i, n) => (n === 0 ? { ...i, description: `${i.description}（修订）` } : i)), { kind: 'N', name: '能耗管理', category: lists[0].items[0].category }] }), 201)
  const declared = (await get('admin', '/api/v1/projects?state=declared')).items[0]
  ids.drawnReview = documented('POST /api/v1/reviews', await as('admin', 'POST', '/api/v1/reviews', { subject_type: 'project', subject_id: declared.id, draw: 2 }), 201).id
  ok(await as('zhuanjia', 'POST', `/api/v1/reviews/${ids.drawnReview}/abstain`, { reason: '曾为该企业提供咨询' }), 204)
  const ART = 'POST /api/v1/articles/{id}/transitions'
  const rejected = documented('POST /api/v1/articles', await as('admin', 'POST', '/api/v1/articles', { kind: 'notice', title: '退回的通知', body: '正文' }), 201)
  documented(ART, await as('admin', 'POST', `/api/v1/articles/${rejected.id}/transitions`, { action: 'submit' }), 200)
  documented(ART, await as('admin', 'POST', `/api/v1/articles/${rejected.id}/transitions`, { action: 'reject', reason: '请补充附件' }), 200)
  const notice = documented('POST /api/v1/articles', await as('admin', 'POST', '/api/v1/articles', { kind: 'notice', title: '供需对接会报名通知', summary: '报名', body: '正文', industry: 'aluminium' }), 201)
  documented('PATCH /api/v1/articles/{id}', await as('admin', 'PATCH', `/api/v1/articles/${notice.id}`, { summary: '报名须知' }), 200)
  documented('POST /api/v1/documents', await server.call('POST', `/api/v1/documents?entity_type=article&entity_id=${notice.id}&name=${encodeURIComponent('报名表.pdf')}`,
    { token: tokens.admin, body: '%PDF-1.4 attachment', headers: { 'content-type': 'application/pdf' } }), 201)
  documented(ART, await as('admin', 'POST', `/api/v1/articles/${notice.id}/transitions`, { action: 'submit' }), 200)
  documented(ART, await as('admin', 'POST', `/api/v1/articles/${notice.id}/transitions`, { action: 'publish' }), 200)

  // Other cheap writes that answer with a documented record.
  documented('PATCH /api/v1/enterprises/{id}', await as('gongyi', 'PATCH', '/api/v1/enterprises/4', { address: '巩义市新华路8号' }), 200)
  documented('PUT /api/v1/enterprises/{id}/years/{year}', await as('gongyi', 'PUT', '/api/v1/enterprises/4/years/2025',
    { revenue: 2500000000, employees: 120, rd_spending: 90000000, invention_patents: 2 }), 200)
  const draft = documented('POST /api/v1/enterprises/{id}/assessments', await as('admin', 'POST', '/api/v1/enterprises/4/assessments', { kind: 'self' }), 201)
  documented('PUT /api/v1/assessments/{id}', await as('admin', 'PUT', `/api/v1/assessments/${draft.id}`, { answers: { 1: ['B'] }, scenes: { 产品设计: 2 } }), 200)
  const user = documented('POST /api/v1/users', await as('anquan', 'POST', '/api/v1/users',
    { username: 'zhengzhou_audit', display_name: '审计员', password: 'Walk#2024pilot', roles: ['district_officer'], district: '410181' }), 201).user
  documented('POST /api/v1/users/{id}/lock', await as('anquan', 'POST', `/api/v1/users/${user.id}/lock`), 200)
  documented('POST /api/v1/users/{id}/unlock', await as('anquan', 'POST', `/api/v1/users/${user.id}/unlock`), 200)
  documented('POST /api/v1/users/{id}/second-factor/reset', await as('anquan', 'POST', `/api/v1/users/${user.id}/second-factor/reset`), 200)
  const schedule = documented('POST /api/v1/schedules', await as('admin', 'POST', '/api/v1/schedules', { name: '每日提醒（测试）', job_kind: 'reminders.due', every: 'daily', hour: 8 }), 201)
  documented('PATCH /api/v1/schedules/{id}', await as('admin', 'PATCH', `/api/v1/schedules/${schedule.id}`, { enabled: false }), 200)
  ids.zhuanjia = (await get('zhuanjia', '/api/v1/auth/me')).user.id
  documented('PUT /api/v1/experts/{id}', await as('zhuanjia', 'PUT', `/api/v1/experts/${ids.zhuanjia}`, { employer_name: '郑州大学', specialties: ['智能制造'] }), 200)
  documented('PATCH /api/v1/platforms/{id}', await as('admin', 'PATCH', '/api/v1/platforms/1', { status: 'active' }), 200)
  const product = documented('POST /api/v1/products', await as('fuwushang', 'POST', '/api/v1/products',
    { name: '能耗监测终端', category: 'scheduling', deployment: 'saas', price_fen: 1200000, delivery_days: 30, industries: ['aluminium'] }), 201)
  documented('PATCH /api/v1/products/{id}', await as('fuwushang', 'PATCH', `/api/v1/products/${product.id}`, { description: '按月订阅' }), 200)
  documented('POST /api/v1/products/{id}/transitions', await as('fuwushang', 'POST', `/api/v1/products/${product.id}/transitions`, { action: 'submit' }), 200)
  documented('POST /api/v1/loans', await as('yinhang', 'POST', '/api/v1/loans', { enterprise_id: 1, principal_fen: 100000000, loan_date: '2025-08-15', term_months: 12 }), 201)
  documented('POST /api/v1/subsidies/preview', await as('admin', 'POST', '/api/v1/subsidies/preview', { scheme: 'diagnosis', enterprise_id: 108 }), 200)  // not eligible yet: the answer says why
  const diagnosis = rules.schemes.find((x) => x.code === 'diagnosis')
  const quote = { scheme: 'diagnosis', [diagnosis.base_field]: 4000000 }
  for (const c of diagnosis.conditions) quote[c.field] = true
  documented('POST /api/v1/subsidies/quote', await server.call('POST', '/api/v1/subsidies/quote', { body: quote }), 200)
  quote[diagnosis.conditions[0]?.field ?? 'unused'] = false
  if (diagnosis.conditions.length) documented('POST /api/v1/subsidies/quote', await server.call('POST', '/api/v1/subsidies/quote', { body: quote }), 200)

  // Records dated by a decision, next to the demo's (a 链式 model still building, a park not yet transformed): a model
  // built and recognised by 工信部 (and the chain subsidy it opens), a park transformed by its district, a 小灯塔 with
  // a 数字工坊 that names no provider, an 标识解析 node, an expert committee's selection of scenarios.
  const on = (day, decided_by, evidence) => ({ on: day, decided_by, evidence })
  const chain = ok(await as('admin', 'POST', '/api/v1/chain-models', { name: '铝加工“链主+配套”能耗协同', industry: 'aluminium', lead_enterprise_id: 5, members: [8, 11] }), 201)
  documented('POST /api/v1/chain-models/{id}/completion', await as('admin', 'POST', `/api/v1/chain-models/${chain.id}/completion`,
    on('2026-05-20', '郑州市工业和信息化局', '郑工信〔2026〕41号 建成验收意见')), 200)
  documented('POST /api/v1/chain-models/{id}/miit-recognition', await as('admin', 'POST', `/api/v1/chain-models/${chain.id}/miit-recognition`,
    on('2026-08-28', '工业和信息化部', '工信厅企业函〔2026〕201号')), 200)
  const building = (await get('admin', '/api/v1/chain-models')).items.find((m) => m.status === 'building')
  documented('POST /api/v1/subsidies/preview', await as('admin', 'POST', '/api/v1/subsidies/preview', { scheme: 'chain', chain_model_id: building.id }), 200)
  documented('POST /api/v1/subsidies', await as('admin', 'POST', '/api/v1/subsidies', { scheme: 'chain', chain_model_id: chain.id }), 201)
  const park = ok(await as('gongyi', 'POST', '/api/v1/parks', { name: '巩义市耐材配套小微企业园', district: '410181', industry: 'refractories', recognized_on: '2025-06-01', enterprises: 15 }), 201)
  documented('POST /api/v1/parks/{id}/transformation', await as('gongyi', 'POST', `/api/v1/parks/${park.id}/transformation`,
    on('2026-09-30', '巩义市人民政府', '巩义市小微企业园数字化改造验收报告')), 200)
  documented('POST /api/v1/lighthouses', await as('admin', 'POST', '/api/v1/lighthouses',
    { enterprise_id: 4, ...on('2026-03-01', '郑州市工业和信息化局', '郑工信〔2026〕12号 第二批“小灯塔”企业名单'), note: '第二批' }), 201)
  documented('POST /api/v1/digital-workshops', await as('admin', 'POST', '/api/v1/digital-workshops',
    { name: '耐材配套数字工坊', lead_enterprise_id: 4, partners: '中国联通郑州分公司', ...on('2026-04-01', '郑州市工业和信息化局', '数字工坊建设备案') }), 201)
  documented('POST /api/v1/platforms/{id}/identifier-nodes', await as('admin', 'POST', '/api/v1/platforms/1/identifier-nodes',
    { name: '工业互联网标识解析二级节点（耐火材料配套）', prefix: '88.166.42', industry: 'refractories', ...on('2026-05-10', '中国信息通信研究院', '标识解析二级节点接入批复') }), 201)
  const open = (await get('admin', '/api/v1/scenarios?industry=aluminium')).items.filter((x) => x.replicable_on === null)
  documented('POST /api/v1/scenario-selections', await as('admin', 'POST', '/api/v1/scenario-selections', {
    industry: 'aluminium', held_on: '2026-06-20', experts: ['李振华', '周敏', '王建国'], minutes: '专家委员会审阅各场景的应用与验收情况。',
    decisions: [{ scenario_id: open[0].id, decision: 'selected' }, { scenario_id: open[open.length - 1].id, decision: 'rejected', reason: '应用企业尚少' }] }), 201)

  // A 数字贷 loan of enterprise 108 through its states: applied for, six months confirmed after a preview, reopened by
  // the city admin and confirmed again (one period reopened, one confirmed).
  const loan = documented('POST /api/v1/loans', await as('yinhang', 'POST', '/api/v1/loans', { enterprise_id: 108, principal_fen: 200000000, loan_date: '2025-09-10', term_months: 12 }), 201)
  documented('POST /api/v1/loans/{id}/apply', await as('qiye', 'POST', `/api/v1/loans/${loan.id}/apply`), 200)
  const months = { last_month: 6, interest_paid_fen: 3000000 }
  documented('POST /api/v1/loans/{id}/interest-periods/preview', await as('yinhang', 'POST', `/api/v1/loans/${loan.id}/interest-periods/preview`, months), 200)
  const confirmed = documented('POST /api/v1/loans/{id}/interest-periods', await as('yinhang', 'POST', `/api/v1/loans/${loan.id}/interest-periods`, months), 201)
  documented('POST /api/v1/loans/{id}/interest-periods/{period}/reopen', await as('admin', 'POST',
    `/api/v1/loans/${loan.id}/interest-periods/${confirmed.periods[0].id}/reopen`, { reason: '银行填报的利息含罚息，退回重新确认' }), 200)
  documented('POST /api/v1/loans/{id}/interest-periods', await as('yinhang', 'POST', `/api/v1/loans/${loan.id}/interest-periods`, { ...months, interest_paid_fen: 2800000 }), 201)

  // A project terminated while its review was open: the round is cancelled.
  const other = (await get('admin', '/api/v1/projects?state=declared')).items.find((x) => x.id !== declared.id)
  ids.cancelledReview = ok(await as('admin', 'POST', '/api/v1/reviews', { subject_type: 'project', subject_id: other.id, draw: 2 }), 201).id
  documented('POST /api/v1/projects/{id}/transitions', await as('admin', 'POST', `/api/v1/projects/${other.id}/transitions`,
    { action: 'terminate', reason: '企业经营调整，放弃改造' }), 200)

  // 一对一辅导 requests in each state: one rated after a session, one declined, one withdrawn, one waiting.
  const COACH = 'POST /api/v1/coaching/{id}/transitions'
  const ask = async (topic) => documented('POST /api/v1/coaching', await as('qiye', 'POST', '/api/v1/coaching', { topic, needs: '希望专家上门诊断', mode: 'onsite' }), 201).id
  const coached = await ask('diagnosis')
  const heldOn = new Date(Date.parse((await get('admin', '/api/v1/health')).time) + 8 * 3_600_000).toISOString().slice(0, 10)  // Beijing's day
  documented(COACH, await as('admin', 'POST', `/api/v1/coaching/${coached}/transitions`, { action: 'assign', expert_user_id: ids.zhuanjia }), 200)
  documented(COACH, await as('zhuanjia', 'POST', `/api/v1/coaching/${coached}/transitions`, { action: 'record_session',
    session: { held_on: heldOn, minutes: 60, mode: 'online', content: '诊断数据采集现状', advice: '先做设备联网' } }), 200)
  documented(COACH, await as('zhuanjia', 'POST', `/api/v1/coaching/${coached}/transitions`, { action: 'close', summary: '已完成诊断' }), 200)
  documented(COACH, await as('qiye', 'POST', `/api/v1/coaching/${coached}/transitions`, { action: 'rate', rating: 4, comment: '有帮助' }), 200)
  documented(COACH, await as('admin', 'POST', `/api/v1/coaching/${await ask('other')}/transitions`, { action: 'decline', reason: '请补充需求' }), 200)
  documented(COACH, await as('qiye', 'POST', `/api/v1/coaching/${await ask('supply_chain')}/transitions`, { action: 'withdraw' }), 200)
  await ask('data_governance')

  // Ids of the demo's records, read through the lists.
  ids.projects = (await get('admin', '/api/v1/projects?page_size=100')).items.map((p) => p.id)
  ids.subsidies = (await get('admin', '/api/v1/subsidies?page_size=100')).items.map((s) => s.id)
  ids.providers = (await get('admin', '/api/v1/provider-directory')).items.map((p) => p.id)
  ids.products = (await get('admin', '/api/v1/products')).items.map((p) => p.id)
  ids.needs = (await get('admin', '/api/v1/needs')).items.map((n) => n.id)
  ids.providerNeeds = (await get('fuwushang', '/api/v1/needs')).items.map((n) => n.id)
  ids.articles = (await get('admin', '/api/v1/articles?page_size=100')).items.map((a) => a.id)
  ids.published = (await server.call('GET', '/api/v1/public/articles?page_size=100')).json.items.map((a) => a.id)
  ids.events = (await get('admin', '/api/v1/match-events')).items.map((e) => e.id)
  ids.platforms = (await get('admin', '/api/v1/platforms')).items.map((p) => p.id)
  ids.lists = (await get('admin', '/api/v1/demand-lists')).items.map((l) => l.id)
  ids.reviews = (await get('zhuanjia', '/api/v1/reviews/mine')).items.map((r) => r.id)
  ids.experts = (await get('admin', '/api/v1/experts')).items.map((e) => e.user_id)
  ids.audit = (await get('shenji', '/api/v1/audit?page_size=100')).items.map((e) => e.seq)
  ids.assessments = (await get('admin', '/api/v1/enterprises/1/assessments')).items.map((a) => a.id)
  ids.coaching = (await get('admin', '/api/v1/coaching?page_size=100')).items.map((c) => c.id)
  const progress = await get('admin', '/api/v1/stats/progress')
  ids.metrics = progress.indicators.filter((i) => i.supported).map((i) => ({ metric: i.metric, drill: i.drill }))
})

after(async () => {
  await server?.stop()
})

const each = (list, f) => (list ?? []).map(f)
// The first, a middle and the last of a list.
const pick = (list) => [...new Set([list[0], list[Math.floor(list.length / 2)], list[list.length - 1]])].filter((x) => x !== undefined)

// For each GET path: the calls that exercise it ({ user, url }; user 'anon' for no session, key for a platform key,
// tick to move the test clock on first). The city admin reads most; other roles where their view differs.
function callsFor(path) {
  const A = (url, user = 'admin') => ({ user, url })
  switch (path) {
    case '/api/v1/auth/me': return DEMO_USERS.map((u) => A(path, u))
    // 三员分立: accounts are the security administrator's, the trails the auditor's, the jobs the system administrator's.
    case '/api/v1/users': return [A('/api/v1/users?page_size=100', 'anquan')]
    case '/api/v1/login-log': return [A('/api/v1/login-log?page_size=100', 'shenji')]
    case '/api/v1/audit/facets': return [A(path, 'shenji')]
    case '/api/v1/system/status': return [A(path, 'xitong')]
    case '/api/v1/enterprises':
      return [A('/api/v1/enterprises?page_size=100'), A('/api/v1/enterprises?status=withdrawn'), A('/api/v1/enterprises?sme=large'),
        A('/api/v1/enterprises?sme=unknown'), A('/api/v1/enterprises', 'qiye')]
    case '/api/v1/enterprises/{id}':
      return [A('/api/v1/enterprises/1'), A('/api/v1/enterprises/2'), A(`/api/v1/enterprises/${ids.replacement}`), A('/api/v1/enterprises/108', 'qiye'), A('/api/v1/enterprises/1', 'gongyi')]
    case '/api/v1/audit': return [A('/api/v1/audit?page_size=100', 'shenji'), A('/api/v1/audit?entity_type=enterprise&page_size=100', 'shenji')]
    case '/api/v1/audit/{id}': return each(pick(ids.audit), (s) => A(`/api/v1/audit/${s}`, 'shenji'))
    case '/api/v1/jobs': return [A('/api/v1/jobs', 'xitong'), A(`/api/v1/jobs?id=${ids.jobs[0]}`, 'xitong'), A('/api/v1/jobs')]
    case '/api/v1/jobs/{id}': return each(ids.jobs, (id) => A(`/api/v1/jobs/${id}`, 'xitong'))
    case '/api/v1/assessment-models/{version}': return ['2024', '2024-public-1', '2024-served-1'].map((v) => A(`/api/v1/assessment-models/${v}`))
    case '/api/v1/enterprises/{id}/assessments': return [A('/api/v1/enterprises/1/assessments'), A('/api/v1/enterprises/108/assessments', 'qiye')]
    case '/api/v1/assessments/compare': return ids.assessments.length >= 2 ? [A(`/api/v1/assessments/compare?a=${ids.assessments[0]}&b=${ids.assessments[1]}`)] : []
    case '/api/v1/assessments/{id}': return each(ids.assessments, (id) => A(`/api/v1/assessments/${id}`))
    case '/api/v1/enterprises/{id}/history': return [A('/api/v1/enterprises/1/history'), A('/api/v1/enterprises/2/history')]
    case '/api/v1/enterprises/{id}/years': return [A('/api/v1/enterprises/1/years'), A('/api/v1/enterprises/108/years')]
    case '/api/v1/withdrawals': return [A('/api/v1/withdrawals')]
    case '/api/v1/stats/progress': return [A(path), A(path, 'gongyi'), A('/api/v1/stats/progress?year=2024'), A('/api/v1/stats/progress?year=2025', 'gongyi')]
    case '/api/v1/stats/progress/enterprises':
      return [A('/api/v1/stats/progress/enterprises?page_size=100'), A('/api/v1/stats/progress/enterprises?metric=accepted&as_of=2025-12-31&page_size=100'),
        A('/api/v1/stats/progress/enterprises?metric=accepted&accepted_in=2025&as_of=2025-12-31&district=410181'),
        A('/api/v1/stats/progress/enterprises?metric=cloud_accepted&as_of=2026-06-30'), A('/api/v1/stats/progress/enterprises?metric=non_sme'),
        A('/api/v1/stats/progress/enterprises?metric=patents&page_size=100'),
        ...ids.metrics.filter((m) => m.drill === 'enterprises').map((m) => A(`/api/v1/stats/progress/enterprises?metric=${m.metric}&year=2025&page_size=100`))]
    case '/api/v1/stats/progress/items':
      return ids.metrics.filter((m) => m.drill === 'items').flatMap((m) => [
        A(`/api/v1/stats/progress/items?metric=${m.metric}&page_size=100`), A(`/api/v1/stats/progress/items?metric=${m.metric}&as_of=2025-12-31&page_size=100`)])
    case '/api/v1/documents': return pick(ids.projects).map((id) => A(`/api/v1/documents?entity_type=project&entity_id=${id}`))
    case '/api/v1/enterprises/{id}/diagnoses': return [A('/api/v1/enterprises/1/diagnoses'), A('/api/v1/enterprises/108/diagnoses')]
    case '/api/v1/projects': return [A('/api/v1/projects?page_size=100'), A('/api/v1/projects', 'qiye')]
    case '/api/v1/projects/{id}': return [...each(ids.projects, (id) => A(`/api/v1/projects/${id}`)), A(`/api/v1/projects/${ids.projects[0]}`, 'fuwushang')]
    case '/api/v1/projects/{id}/cost-sharing': return each(ids.projects, (id) => A(`/api/v1/projects/${id}/cost-sharing`))
    case '/api/v1/experts/{id}': return each(ids.experts, (id) => A(`/api/v1/experts/${id}`))
    case '/api/v1/reviews': return each(pick(ids.projects), (id) => A(`/api/v1/reviews?subject_type=project&subject_id=${id}`))
    case '/api/v1/reviews/mine': return [A(path, 'zhuanjia'), A(path, 'zhuanjia2')]
    case '/api/v1/reviews/{id}':
      return [...each([...new Set([...ids.reviews, ids.drawnReview, ids.cancelledReview])], (id) => A(`/api/v1/reviews/${id}`)), A(`/api/v1/reviews/${ids.reviews[0]}`, 'zhuanjia')]
    case '/api/v1/subsidies': return [A('/api/v1/subsidies?page_size=100')]
    case '/api/v1/subsidies/{id}': return each(ids.subsidies, (id) => A(`/api/v1/subsidies/${id}`))
    case '/api/v1/loans': return [A(path), A(path, 'yinhang'), A(path, 'qiye')]
    case '/api/v1/lighthouses': return [A(path), A('/api/v1/lighthouses?enterprise_id=4', 'qiye')]
    case '/api/v1/digital-workshops': return [A(path), A('/api/v1/digital-workshops?enterprise_id=4', 'gongyi')]
    case '/api/v1/scenario-selections': return [A(path), A('/api/v1/scenario-selections?industry=aluminium', 'zhuanjia')]
    case '/api/v1/loan-pool': return [A(path), A(path, 'yinhang')]
    case '/api/v1/providers': return [A(path, 'anon')]
    case '/api/v1/projects/summary': return [A(path), A(path, 'gongyi')]
    case '/api/v1/articles': return [A('/api/v1/articles?page_size=100')]
    case '/api/v1/articles/{id}': return each(ids.articles, (id) => A(`/api/v1/articles/${id}`))
    case '/api/v1/articles/{id}/history': return each(ids.articles, (id) => A(`/api/v1/articles/${id}/history`))
    case '/api/v1/public/articles': return [A('/api/v1/public/articles?page_size=100', 'anon')]
    case '/api/v1/public/articles/{id}': return each(ids.published, (id) => A(`/api/v1/public/articles/${id}`, 'anon'))
    // The public look-ups share one slot per client every 10 seconds: the clock moves on before each.
    case '/api/v1/public/enterprises': return [{ user: 'anon', url: '/api/v1/public/enterprises?q=巩义恒泰', tick: 10 }, { user: 'anon', url: '/api/v1/public/enterprises?q=91410181MA00000018', tick: 10 }]
    case '/api/v1/public/providers': return [{ user: 'anon', url: '/api/v1/public/providers?q=科技', tick: 10 }]
    case '/api/v1/public/products': return [{ user: 'anon', url: '/api/v1/public/products?q=排产', tick: 10 }]
    case '/api/v1/public/open-data': return [A(path, 'anon')]
    case '/api/v1/provider-directory': return [A(path), A(path, 'qiye')]
    case '/api/v1/providers/{id}': return [...each(ids.providers, (id) => A(`/api/v1/providers/${id}`)), A('/api/v1/providers/1', 'fuwushang'), A('/api/v1/providers/1', 'qiye')]
    case '/api/v1/providers/{id}/events': return each(ids.providers, (id) => A(`/api/v1/providers/${id}/events`))
    case '/api/v1/providers/{id}/objections': return each(ids.providers, (id) => A(`/api/v1/providers/${id}/objections`))
    case '/api/v1/providers/{id}/appeals': return each(ids.providers, (id) => A(`/api/v1/providers/${id}/appeals`))
    case '/api/v1/providers/{id}/scorecard': return each(ids.providers, (id) => A(`/api/v1/providers/${id}/scorecard`))
    case '/api/v1/provider-evaluations/{id}': return [A(`/api/v1/provider-evaluations/${ids.evaluation}`)]
    case '/api/v1/products': return [A(path), A(path, 'fuwushang'), A(path, 'qiye')]
    case '/api/v1/products/{id}': return each(ids.products, (id) => A(`/api/v1/products/${id}`))
    case '/api/v1/needs': return [A(path), A(path, 'qiye'), A(path, 'fuwushang')]
    case '/api/v1/needs/{id}': return [...each(ids.needs, (id) => A(`/api/v1/needs/${id}`)), ...each(ids.providerNeeds, (id) => A(`/api/v1/needs/${id}`, 'fuwushang'))]
    case '/api/v1/needs/{id}/suggestions': return each(ids.needs, (id) => A(`/api/v1/needs/${id}/suggestions`))
    case '/api/v1/match-events': return [A(path), A(path, 'qiye')]
    case '/api/v1/match-events/{id}/registrations': return each(ids.events, (id) => A(`/api/v1/match-events/${id}/registrations`))
    case '/api/v1/notifications': return ['admin', 'qiye', 'fuwushang', 'zhuanjia', 'gongyi'].map((u) => A(path, u))
    case '/api/v1/platforms/{id}': return each(ids.platforms, (id) => A(`/api/v1/platforms/${id}`))
    case '/api/v1/platforms/{id}/keys': return each(ids.platforms, (id) => A(`/api/v1/platforms/${id}/keys`))
    case '/api/v1/platforms/{id}/batches': return each(ids.platforms, (id) => A(`/api/v1/platforms/${id}/batches`))
    case '/api/v1/platforms/{id}/users': return each(ids.platforms, (id) => A(`/api/v1/platforms/${id}/users?page_size=100`))
    case '/api/v1/platform-api/cloud-users': return [{ key: ids.platformKey, url: '/api/v1/platform-api/cloud-users?page_size=100' }]
    case '/api/v1/demand-lists/{id}': return each(ids.lists, (id) => A(`/api/v1/demand-lists/${id}`))
    case '/api/v1/public/provider-notices': return [A(path, 'anon')]
    case '/api/v1/reports': return [A('/api/v1/reports?page_size=100'), A('/api/v1/reports', 'gongyi')]
    case '/api/v1/reports/{id}': return each(ids.reports, (id) => A(`/api/v1/reports/${id}`))
    case '/api/v1/stats/forecast': return [A(path), A(path, 'gongyi')]
    case '/api/v1/data-quality': return [A(path), A(path, 'xinmi')]
    case '/api/v1/coaching': return [A('/api/v1/coaching?page_size=100'), A(path, 'qiye'), A(path, 'xinmi'), A(path, 'zhuanjia')]
    case '/api/v1/coaching/{id}': return [...each(ids.coaching, (id) => A(`/api/v1/coaching/${id}`)), A(`/api/v1/coaching/${ids.coaching[0]}`, 'qiye')]
    case '/api/v1/coaching-reference': return [A(path, 'anon')]
    case '/api/v1/evaluations/{stage}': return [A('/api/v1/evaluations/2024'), A('/api/v1/evaluations/2025')]
    default:
      if (path.includes('{')) throw new Error(`no calls for ${path}: add them to callsFor`)
      return [A(path)]
  }
}

function successSchema(op) {
  for (const [status, r] of Object.entries(op.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue
    return { status: Number(status), content: r.content ?? {} }
  }
  return null
}

test('每个 GET 接口的成功应答与 openapi.json 中的结构一致', async () => {
  const failures = []
  let checked = 0
  let files = 0
  for (const [path, ops] of Object.entries(doc.paths)) {
    const op = ops.get
    if (!op) continue
    const success = successSchema(op)
    assert.ok(success, `GET ${path}: no 2xx response documented`)
    const json = success.content['application/json']
    if (!json) {
      // A file (see the list at the top): documented with its media type, not a JSON schema.
      assert.ok(Object.keys(success.content).length > 0, `GET ${path}: the 2xx response documents neither a JSON schema nor a file type`)
      files++
      continue
    }
    assert.ok(json.schema?.$ref?.startsWith('#/components/schemas/'), `GET ${path}: the JSON answer should refer to a schema in components.schemas`)
    const calls = callsFor(path)
    assert.ok(calls.length > 0, `GET ${path}: nothing to call`)
    for (const c of calls) {
      if (c.tick) await server.advanceClock(c.tick)
      const who = c.key ? 'platform key' : c.user
      const r = await server.call('GET', c.url, { token: tokens[c.user], headers: c.key ? { authorization: `Bearer ${c.key}` } : {} })
      if (r.status !== success.status) {
        failures.push(`GET ${c.url} as ${who}: status ${r.status} ${r.text.slice(0, 200)}`)
        continue
      }
      assert.match(r.headers.get('content-type') ?? '', /^application\/json/, `GET ${c.url}`)
      for (const e of validate(doc, json.schema, r.json)) failures.push(`GET ${path}: ${e}  [${c.url} as ${who}]`)
      checked++
    }
  }
  assert.deepEqual(failures, [], `\n${failures.slice(0, 60).join('\n')}${failures.length > 60 ? `\n… and ${failures.length - 60} more` : ''}`)
  assert.equal(files, 9, 'file downloads: update the list at the top of this file')
  assert.ok(checked > 200, `only ${checked} bodies checked`)
})

test('写操作的成功应答与文档一致（准备数据时的各次写入）', () => {
  assert.deepEqual(writeFailures, [], `\n${writeFailures.join('\n')}`)
  assert.ok(writesChecked >= 30, `only ${writesChecked} writes checked`)
})

test('错误应答与文档中的错误体一致', async () => {
  const schema = doc.components.responses.Error.content['application/json'].schema
  const cases = [
    ['GET', '/api/v1/auth/me', undefined, 401],
    ['GET', '/api/v1/users', 'qiye', 403],
    ['GET', '/api/v1/projects/999999', 'admin', 404],
    ['GET', '/api/v1/enterprises?tier=giant', 'admin', 422],
    ['POST', '/api/v1/auth/login', undefined, 400, '{'],
  ]
  for (const [method, url, user, status, body] of cases) {
    const r = await server.call(method, url, { token: user && tokens[user], body })
    assert.equal(r.status, status, `${method} ${url}: ${r.text}`)
    assert.deepEqual(validate(doc, schema, r.json), [], `${method} ${url}`)
  }
})

test('结构检查能发现错误：类型不符、缺少字段、未记载的字段、枚举之外的值', async () => {
  // The real document and a real answer, spoiled: each change is reported at its JSON path.
  const jobs = (await as('admin', 'GET', '/api/v1/jobs')).json
  const schema = doc.paths['/api/v1/jobs'].get.responses['200'].content['application/json'].schema
  assert.deepEqual(validate(doc, schema, jobs), [])
  const spoiled = structuredClone(jobs)
  spoiled.items[0].kind_name = 7
  spoiled.items[0].colour = 'red'
  spoiled.items[0].state = 'lost'
  spoiled.items[0].finished_at = '2026年11月27日'
  spoiled.items[0].owner = { id: '1', username: 'admin' }
  delete spoiled.items[0].progress
  spoiled.cursor = 'next'
  delete spoiled.total
  assert.deepEqual(validate(doc, schema, spoiled).map((e) => `GET /api/v1/jobs: ${e}`), [
    'GET /api/v1/jobs: $.total: required field missing',
    'GET /api/v1/jobs: $.items[0].progress: required field missing',
    'GET /api/v1/jobs: $.items[0].kind_name: expected string, got number 7',
    'GET /api/v1/jobs: $.items[0].state: "lost" is not one of ["queued","running","succeeded","failed"]',
    'GET /api/v1/jobs: $.items[0].owner.id: expected integer, got string "1"',
    'GET /api/v1/jobs: $.items[0].finished_at: "2026年11月27日" is not a date-time',
    'GET /api/v1/jobs: $.items[0].colour: field not documented',
    'GET /api/v1/jobs: $.cursor: field not documented',
  ])

  // The keywords on their own.
  const d = {
    components: {
      schemas: {
        Job: { type: 'object', additionalProperties: false, required: ['id', 'kind_name'], properties: {
          id: { type: 'integer' }, kind_name: { type: 'string' }, finished_at: { type: ['string', 'null'] },
          state: { type: 'string', enum: ['queued', 'succeeded'] } } },
        Page: { type: 'object', required: ['total'], properties: { total: { type: 'integer' } } },
        JobPage: { allOf: [{ $ref: '#/components/schemas/Page' }], type: 'object', required: ['items'], unevaluatedProperties: false,
          properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Job' } } } },
        Counts: { type: 'object', additionalProperties: { type: 'integer' } },
        Loose: { type: 'object' },
      },
    },
  }
  const page = { $ref: '#/components/schemas/JobPage' }
  assert.deepEqual(validate(d, page, { total: 1, items: [{ id: 1, kind_name: '导出', finished_at: null, state: 'queued' }] }), [])
  assert.deepEqual(validate(d, page, { total: 1.5, more: true, items: [{ id: 1.5, kind_name: 7, finished_at: 3, state: 'lost', extra: true }, { kind_name: 'x' }] }), [
    '$.total: expected integer, got number 1.5',
    '$.more: field not documented',
    '$.items[0].id: expected integer, got number 1.5',
    '$.items[0].kind_name: expected string, got number 7',
    '$.items[0].finished_at: expected string or null, got number 3',
    '$.items[0].state: "lost" is not one of ["queued","succeeded"]',
    '$.items[0].extra: field not documented',
    '$.items[1].id: required field missing',
  ])
  assert.deepEqual(validate(d, { $ref: '#/components/schemas/Job' }, []), ['$: expected object, got array'])
  assert.deepEqual(validate(d, { $ref: '#/components/schemas/Counts' }, { a: 1, b: 'x' }), ['$.b: expected integer, got string "x"'])
  assert.deepEqual(validate(d, { $ref: '#/components/schemas/Loose' }, { a: 1 }), ['$.a: field not documented'])
  assert.deepEqual(validate(d, { $ref: '#/components/schemas/Nope' }, {}), ['$: unknown $ref #/components/schemas/Nope'])
})

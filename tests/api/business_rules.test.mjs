// Business rules a probe slipped past (issue 13, finding 9): a project names as its specialist only a provider in the
// directory now; a provider whose proposal was turned down leaves the need's thread; fields a route would ignore are
// refused, naming them; names that read otherwise than they are (NUL, direction overrides, nothing visible) are
// refused in every request body, enterprise name and uploaded file name.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, XINMI_ENTERPRISE, ok, sql } from './harness.mjs'

let server, t
const PROVIDER_PASSWORD = 'Gq7#vT2m!pL9wz'
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'anquan', 'gongyi', 'xinmi', 'qiye', 'fuwushang']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })

// A provider created by the city, put in `status` directly (as the directory's own moves would over weeks), with an
// account when `username` is given.
async function provider(name, creditCode, kind, status, username) {
  const p = await ok(await call('admin', 'POST', '/api/v1/providers', { name, credit_code: creditCode, kind, in_zhengzhou: true }), 201)
  sql(server.db, `UPDATE providers SET status = '${status}' WHERE id = ${p.id}`)
  if (username) {
    await ok(await call('anquan', 'POST', '/api/v1/users', { username, display_name: name, password: PROVIDER_PASSWORD, roles: ['provider'], provider_id: p.id }), 201)
    t[username] = await server.login(username, PROVIDER_PASSWORD)
  }
  return p
}

const PLAN = {
  scenarios: [{ name: '计划排程', kind: 'N' }],
  products: [],
  budget: [{ item: '软件', amount_fen: 60000000 }],
  milestones: [{ name: '系统上线', due_on: '2027-01-31', deliverable: '上线报告' }],
}

test('专业服务商须在服务商库中：公示期、已出库的服务商不能列入项目，也就读不到项目和档案', async () => {
  const integratorId = (await ok(await call('fuwushang', 'GET', '/api/v1/auth/me'))).user.provider_id
  const noticed = await provider('公示期专业服务有限公司', '91410100MA9000001M', 'specialist', 'notice', 'gongshi')
  const removed = await provider('已出库专业服务有限公司', '91410100MA9000002Q', 'specialist', 'removed')
  const admitted = await provider('在库专业服务有限公司', '91410100MA9000003U', 'specialist', 'admitted')
  const declare = (specialists) => call('qiye', 'POST', '/api/v1/projects', {
    enterprise_id: XINMI_ENTERPRISE, name: '窑炉数字化改造', integrator_id: integratorId, specialist_ids: specialists, plan: PLAN })

  for (const p of [noticed, removed]) {
    const r = await declare([p.id])
    assert.equal(r.status, 422, r.text)
    assert.equal(r.json.error.field, 'specialist_ids')
    assert.match(r.json.error.message, new RegExp(`${p.name}.*不在服务商库中`))
  }
  assert.equal((await ok(await call('admin', 'GET', '/api/v1/projects'))).total, 0)  // nothing half-written
  // The provider in 公示 was never named, so it reads neither the project nor its archive.
  const created = await ok(await declare([admitted.id]), 201)
  assert.equal((await call('gongshi', 'GET', `/api/v1/projects/${created.id}`)).status, 403)
  assert.equal((await call('gongshi', 'GET', `/api/v1/documents?entity_type=project&entity_id=${created.id}`)).status, 403)
})

test('响应方案未被选中的服务商不能再在该需求下留言', async () => {
  await provider('落选集成服务有限公司', '91410100MA9000004Y', 'integrator', 'admitted', 'luoxuan')
  const need = await ok(await call('qiye', 'POST', '/api/v1/needs', { category: 'scheduling', title: '排产优化' }), 201)
  const chosen = await ok(await call('fuwushang', 'POST', `/api/v1/needs/${need.id}/proposals`, { summary: '方案甲', price_fen: 100000 }), 201)
  await ok(await call('luoxuan', 'POST', `/api/v1/needs/${need.id}/proposals`, { summary: '方案乙', price_fen: 90000 }), 201)
  await ok(await call('luoxuan', 'POST', `/api/v1/needs/${need.id}/messages`, { body: '可再议价' }), 201)  // still open
  await ok(await call('qiye', 'POST', `/api/v1/needs/${need.id}/accept`, { proposal_id: chosen.id }), 204)

  const refused = await call('luoxuan', 'POST', `/api/v1/needs/${need.id}/messages`, { body: '请再考虑我们的方案' })
  assert.equal(refused.status, 403, refused.text)
  assert.match(refused.json.error.message, /未被选中/)
  const seen = await ok(await call('luoxuan', 'GET', `/api/v1/needs/${need.id}`))
  assert.ok(!seen.actions.some((a) => a.action === 'message'))
  assert.deepEqual(seen.messages.map((m) => m.body), ['可再议价'])
  // The chosen provider and the enterprise carry on.
  await ok(await call('fuwushang', 'POST', `/api/v1/needs/${need.id}/messages`, { body: '下周进场' }), 201)
  await ok(await call('qiye', 'POST', `/api/v1/needs/${need.id}/messages`, { body: '好的' }), 201)
})

test('路由会忽略的字段被拒绝并指明：增补企业的区县与批次', async () => {
  const district = await call('gongyi', 'POST', '/api/v1/enterprises/3/withdrawals', {
    reason: '企业迁出', replacement: { name: '巩义增补耐材有限公司', credit_code: '91410181MA80000030', industry: 'refractories', district: '410102' } })
  assert.equal(district.status, 422, district.text)
  assert.equal(district.json.error.field, 'replacement.district')
  assert.match(district.json.error.message, /replacement\.district/)
  assert.equal((await call('gongyi', 'POST', '/api/v1/enterprises/3/withdrawals', {
    reason: '企业迁出', replacement: { name: '巩义增补耐材有限公司', credit_code: '91410181MA80000030', industry: 'refractories', batch: 2025 } })).json.error.field,
  'replacement.batch')
})

test('服务商为他人申报产品：provider_id 被拒绝，而不是悄悄换成本服务商', async () => {
  const other = await provider('他人产品服务有限公司', '91410100MA90000052', 'specialist', 'admitted')
  const product = { name: '智能排产SaaS', category: 'scheduling', deployment: 'saas', price_fen: 100, delivery_days: 30 }
  const foreign = await call('fuwushang', 'POST', '/api/v1/products', { ...product, provider_id: other.id })
  assert.equal(foreign.status, 422, foreign.text)
  assert.equal(foreign.json.error.field, 'provider_id')
  // The route ignored it before: the product was declared as fuwushang's own.
  assert.equal((await ok(await call('admin', 'GET', '/api/v1/products'))).items.filter((x) => x.name === product.name).length, 0)
})

test('方案条目中的多余字段被拒绝并指明', async () => {
  const integratorId = (await ok(await call('fuwushang', 'GET', '/api/v1/auth/me'))).user.provider_id
  const extra = await call('qiye', 'POST', '/api/v1/projects', { enterprise_id: XINMI_ENTERPRISE, name: '改造', integrator_id: integratorId,
    plan: { ...PLAN, milestones: [{ ...PLAN.milestones[0], owner: '张三' }] } })
  assert.equal(extra.status, 422, extra.text)
  assert.equal(extra.json.error.field, 'plan.milestones.owner')
})

test('名称中的 NUL、方向控制字符、只有不可见字符：请求体中的名称和文字一律拒绝', async () => {
  const base = { credit_code: '91410181MA80000043', industry: 'refractories', district: '410181' }
  for (const [name, why] of [['巩义\u0000耐材有限公司', /控制字符/], ['invoice\u202efdp.exe有限公司', /方向/], ['\u200b\u200b\u2060', /不可见/], ['   ', /不可见/]]) {
    const r = await call('gongyi', 'POST', '/api/v1/enterprises', { ...base, name })
    assert.equal(r.status, 422, `${JSON.stringify(name)}: ${r.text}`)
    assert.equal(r.json.error.field, 'name')
    assert.match(r.json.error.message, why)
  }
  // Any field of any body: a need's title, a project's name.
  assert.equal((await call('qiye', 'POST', '/api/v1/needs', { category: 'scheduling', title: '排产\u2066优化\u2069' })).status, 422)
  assert.equal((await call('qiye', 'POST', '/api/v1/needs', { category: 'scheduling', title: '排产优化', description: '第一行\n第二行\t缩进' })).status, 201)
  // A name with a zero-width joiner inside (an emoji sequence) is still a name.
  await ok(await call('gongyi', 'POST', '/api/v1/enterprises', { ...base, name: '巩义👩‍💻软件有限公司' }), 201)
})

test('上传文件名中的方向控制字符、NUL、只有不可见字符被拒绝（不做清洗）', async () => {
  // Refused, not cleaned, so the uploader sees what is wrong.
  const upload = (name) => server.call('POST', `/api/v1/documents?entity_type=enterprise&entity_id=1&name=${encodeURIComponent(name)}`, {
    token: t.gongyi, body: '%PDF-1.4 x', headers: { 'content-type': 'application/pdf' } })
  for (const name of ['invoice\u202efdp.exe', 'a\u0000.pdf', '\u200b']) {
    const r = await upload(name)
    assert.equal(r.status, 422, `${JSON.stringify(name)}: ${r.text}`)
    assert.equal(r.json.error.field, 'name')
  }
  assert.equal((await ok(await upload('合同.pdf'), 201)).name, '合同.pdf')
})

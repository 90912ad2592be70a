// 小快轻准 products: a listed provider files one, an expert review passes it, the city lists it; it is found by the
// public look-up; plans that use it count; the N+X library links scenarios to products, shows their use as evidence,
// and counts a scenario as 可复制可推广 only once the expert committee selected it on a recorded day (indicator 8).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'qiye', 'fuwushang', 'zhuanjia', 'gongyi']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })

test('产品：申报 → 专家评审 → 上架；公开查询可见；场景库关联与使用统计', async () => {
  const catalog = await ok(await server.call('GET', '/api/v1/product-catalog'))
  assert.equal(catalog.categories.length, 7)
  assert.equal((await call('qiye', 'POST', '/api/v1/products', { name: 'x', category: 'scheduling', deployment: 'saas', price_fen: 1, delivery_days: 1 })).status, 403)
  assert.equal((await call('fuwushang', 'POST', '/api/v1/products', { name: 'x', category: 'astrology', deployment: 'saas', price_fen: 1, delivery_days: 1 })).status, 422)
  const p = await ok(await call('fuwushang', 'POST', '/api/v1/products', { name: '智能排产SaaS', category: 'scheduling', deployment: 'saas',
    industries: ['refractories'], price_fen: 3800000, delivery_days: 30, description: '按订单与设备能力自动排产' }), 201)
  assert.equal(p.status, 'draft')
  assert.equal((await call('qiye', 'GET', `/api/v1/products/${p.id}`)).status, 403)  // not listed yet
  // 产品资料 go with the draft the experts review: the provider adds them; nobody else sees them before listing.
  const doc = (who, id = p.id) => server.call('POST', `/api/v1/documents?entity_type=product&entity_id=${id}&name=${encodeURIComponent('产品白皮书.pdf')}`,
    { token: t[who], body: '%PDF-1.4 产品白皮书', headers: { 'content-type': 'application/pdf' } })
  const docs = (who) => call(who, 'GET', `/api/v1/documents?entity_type=product&entity_id=${p.id}`)
  await ok(await doc('fuwushang'), 201)
  assert.equal((await doc('qiye')).status, 403)
  assert.equal((await docs('qiye')).status, 403)
  assert.equal((await doc('fuwushang', 999999)).status, 404)
  await ok(await call('fuwushang', 'POST', `/api/v1/products/${p.id}/transitions`, { action: 'submit' }))
  const frozen = await doc('fuwushang')
  assert.equal(frozen.status, 409)
  assert.match(frozen.json.error.message, /评审中」的产品不能增加资料/)
  assert.equal((await ok(await docs('zhuanjia'))).items.length, 1)  // the experts read what they review
  assert.equal((await call('fuwushang', 'PATCH', `/api/v1/products/${p.id}`, { price_fen: 1 })).status, 409)
  const early = await call('admin', 'POST', `/api/v1/products/${p.id}/transitions`, { action: 'list' })
  assert.equal(early.status, 409)
  assert.match(early.json.error.message, /评审/)
  assert.equal((await call('fuwushang', 'POST', `/api/v1/products/${p.id}/transitions`, { action: 'list' })).status, 403)
  const zhuanjia = (await ok(await call('zhuanjia', 'GET', '/api/v1/auth/me'))).user.id
  await ok(await call('zhuanjia', 'PUT', `/api/v1/experts/${zhuanjia}`, { employer_name: '郑州大学' }))
  const round = await ok(await call('admin', 'POST', '/api/v1/reviews', { subject_type: 'product', subject_id: p.id, expert_user_ids: [zhuanjia] }), 201)
  assert.match(round.subject_name, /智能排产SaaS/)
  await ok(await call('zhuanjia', 'PUT', `/api/v1/reviews/${round.id}/score`, { scores: { fit: 26, maturity: 20, value: 20, replicability: 16 }, comment: '适合耐材行业', submit: true }))
  await ok(await call('zhuanjia', 'POST', `/api/v1/reviews/${round.id}/consensus`, { pass: true, opinion: '同意上架' }))
  const listed = await ok(await call('admin', 'POST', `/api/v1/products/${p.id}/transitions`, { action: 'list' }))
  assert.equal(listed.status, 'listed')
  assert.equal((await ok(await call('qiye', 'GET', `/api/v1/products/${p.id}`))).name, '智能排产SaaS')
  assert.deepEqual((await ok(await docs('qiye'))).items.map((d) => d.name), ['产品白皮书.pdf'])  // listed: everyone reads them

  const found = await server.call('GET', `/api/v1/public/products?q=${encodeURIComponent('排产')}`)
  assert.equal(found.status, 200, found.text)
  assert.equal(found.json.items[0].name, '智能排产SaaS')
  assert.equal(found.json.items[0].provider.name, '郑州数智工业互联网科技有限公司')

  // A plan that names the product counts as its use; the N+X library links the scenario to it.
  const plan = { scenarios: [{ name: '智能排产', kind: 'N' }], products: ['智能排产SaaS'], budget: [{ item: '软件', amount_fen: 100 }],
    milestones: [{ name: '上线', due_on: '2027-06-30', deliverable: '报告' }] }
  await ok(await call('qiye', 'POST', '/api/v1/projects', { enterprise_id: 108, name: '排产改造', integrator_id: 1, plan }), 201)
  assert.equal((await ok(await call('qiye', 'GET', `/api/v1/products/${p.id}`))).usage.projects, 1)
  const sc = await ok(await call('admin', 'POST', '/api/v1/scenarios', { industry: 'refractories', kind: 'N', name: '智能排产', category: 'scheduling' }), 201)
  assert.equal((await call('admin', 'POST', '/api/v1/scenarios', { industry: 'refractories', kind: 'N', name: '智能排产', category: 'scheduling' })).status, 409)
  assert.equal((await call('admin', 'POST', '/api/v1/scenarios', { industry: 'refractories', kind: 'Z', name: 'x', category: 'scheduling' })).status, 422)
  await ok(await call('admin', 'POST', `/api/v1/scenarios/${sc.id}/links`, { product_id: p.id, linked: true }), 204)
  // Once the industry has a library, plans choose their scenarios from it (with its N / X kind).
  const unknown = await call('qiye', 'POST', '/api/v1/projects', { enterprise_id: 108, name: '二期', integrator_id: 1,
    plan: { ...plan, scenarios: [{ name: '自创场景', kind: 'N' }] } })
  assert.equal(unknown.status, 422)
  assert.match(unknown.json.error.message, /场景库/)
  const wrongKind = await call('qiye', 'POST', '/api/v1/projects', { enterprise_id: 108, name: '二期', integrator_id: 1,
    plan: { ...plan, scenarios: [{ name: '智能排产', kind: 'X' }] } })
  assert.equal(wrongKind.status, 422)
  await ok(await call('qiye', 'POST', '/api/v1/projects', { enterprise_id: 108, name: '二期', integrator_id: 1, plan }), 201)
  const lib = await ok(await call('qiye', 'GET', '/api/v1/scenarios?industry=refractories'))
  const row = lib.items.find((s) => s.id === sc.id)
  assert.deepEqual(row.product_ids, [p.id])
  assert.equal(row.usage.projects, 2)  // enterprise 108 is in refractories: both its plans name it
  assert.equal(row.replicable_on, null)  // used, but not selected by the expert committee
  const ranking = await ok(await call('admin', 'GET', '/api/v1/product-ranking?category=scheduling'))
  assert.equal(ranking.items[0].id, p.id)
  await ok(await call('admin', 'POST', `/api/v1/products/${p.id}/transitions`, { action: 'delist', reason: '停止服务' }))
  assert.equal((await call('qiye', 'GET', `/api/v1/products/${p.id}`)).status, 403)
})

const indicator8 = async (q = '') => {
  const p = await ok(await call('admin', 'GET', `/api/v1/stats/progress${q}`))
  return p.indicators.find((i) => i.no === 8).total.actual
}

test('可复制可推广场景：5家企业使用但未经专家委员会评定不计；评定（纪要、≥3位专家、应用情况为依据）后按审议日计入指标8', async () => {
  const sc = await ok(await call('admin', 'POST', '/api/v1/scenarios', { industry: 'aluminium', kind: 'N', name: '熔铸能耗监测', category: 'management' }), 201)
  const other = await ok(await call('admin', 'POST', '/api/v1/scenarios', { industry: 'aluminium', kind: 'N', name: '挤压模具管理', category: 'maintenance' }), 201)
  // Five aluminium enterprises of 巩义 plan with it: used by 5 enterprises, still not 可复制可推广.
  const aluminium = (await ok(await call('admin', 'GET', '/api/v1/enterprises?industry=aluminium&district=410181&page_size=5'))).items
  assert.equal(aluminium.length, 5)
  const plan = { scenarios: [{ name: '熔铸能耗监测', kind: 'N' }], products: [], budget: [{ item: '软件', amount_fen: 100 }],
    milestones: [{ name: '上线', due_on: '2027-06-30', deliverable: '报告' }] }
  for (const e of aluminium)
    await ok(await call('admin', 'POST', '/api/v1/projects', { enterprise_id: e.id, name: '能耗监测改造', integrator_id: 1, plan }), 201)
  const lib = await ok(await call('admin', 'GET', '/api/v1/scenarios?industry=aluminium'))
  assert.equal(lib.items.find((s) => s.id === sc.id).usage.projects, 5)
  const before = await indicator8()

  // The committee's record: a day, at least three experts, minutes; a rejection says why.
  const base = { industry: 'aluminium', held_on: '2025-06-18', experts: ['李振华', '周敏', '王建国'], minutes: '审阅应用情况后评定。',
    decisions: [{ scenario_id: sc.id, decision: 'selected' }, { scenario_id: other.id, decision: 'rejected', reason: '应用尚少' }] }
  assert.equal((await call('gongyi', 'POST', '/api/v1/scenario-selections', base)).status, 403)
  for (const [bad, field] of [[{ experts: ['李振华', '周敏'] }, 'experts'], [{ minutes: '' }, 'minutes'], [{ held_on: '2099-01-01' }, 'held_on'],
    [{ held_on: '2025-02-30' }, 'held_on'], [{ decisions: [{ scenario_id: other.id, decision: 'rejected' }] }, 'decisions'],
    [{ decisions: [{ scenario_id: sc.id, decision: 'maybe' }] }, 'decisions'], [{ industry: 'refractories' }, 'decisions'], [{ decisions: [] }, 'decisions']]) {
    const r = await call('admin', 'POST', '/api/v1/scenario-selections', { ...base, ...bad })
    assert.equal(r.status, 422, JSON.stringify(bad))
    assert.equal(r.json.error.field, field)
    assert.match(r.json.error.message, /[\u4e00-\u9fff]/)
  }
  assert.equal(await indicator8(), before, 'refused records leave nothing behind')
  const sel = await ok(await call('admin', 'POST', '/api/v1/scenario-selections', base), 201)
  assert.equal(sel.held_on, '2025-06-18')
  const chosen = sel.items.find((i) => i.scenario_id === sc.id)
  assert.deepEqual(chosen.usage, { projects: 5, accepted_enterprises: 0 })  // the evidence the experts were shown
  assert.equal(chosen.decision_name, '评定为可复制可推广')
  assert.equal(sel.items.find((i) => i.scenario_id === other.id).reason, '应用尚少')
  const again = await call('admin', 'POST', '/api/v1/scenario-selections', { ...base, decisions: [{ scenario_id: sc.id, decision: 'selected' }] })
  assert.equal(again.status, 409)
  assert.match(again.json.error.message, /2025-06-18/)

  const after = await ok(await call('admin', 'GET', '/api/v1/scenarios?industry=aluminium'))
  assert.equal(after.items.find((s) => s.id === sc.id).replicable_on, '2025-06-18')
  assert.equal(after.items.find((s) => s.id === other.id).replicable_on, null)
  assert.equal(await indicator8(), before + 1)
  assert.equal(await indicator8('?year=2025'), before + 1)  // counted by the meeting's day …
  assert.equal(await indicator8('?year=2024'), 0)          // … not in a stage that ended before it
  const items = await ok(await call('admin', 'GET', '/api/v1/stats/progress/items?metric=replicable_scenarios&industry=aluminium'))
  assert.deepEqual(items.items.map((i) => [i.id, i.on]), [[sc.id, '2025-06-18']])
  const listed = await ok(await call('admin', 'GET', '/api/v1/scenario-selections?industry=aluminium'))
  assert.equal(listed.items.length, 1)
  assert.deepEqual(listed.items[0].experts, ['李振华', '周敏', '王建国'])
})

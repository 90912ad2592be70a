// 小快轻准 products: a listed provider files one, an expert review passes it, the city lists it; it is found by the
// public look-up; plans that use it count; the N+X library links scenarios to products and tells which replicate.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'qiye', 'fuwushang', 'zhuanjia']) t[u] = await server.login(u)
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
  assert.equal(row.replicable, false)  // no enterprise accepted with it yet (3 needed)
  const ranking = await ok(await call('admin', 'GET', '/api/v1/product-ranking?category=scheduling'))
  assert.equal(ranking.items[0].id, p.id)
  await ok(await call('admin', 'POST', `/api/v1/products/${p.id}/transitions`, { action: 'delist', reason: '停止服务' }))
  assert.equal((await call('qiye', 'GET', `/api/v1/products/${p.id}`)).status, 403)
})

// Information publishing and the public portal: the draft → review → published workflow with attachments seen
// without login; public look-ups held to one query per client per 10 seconds across all of them (the seed's first
// line); open data with small cells and what would reveal them suppressed.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server } from './harness.mjs'

let server, admin, gongyi, qiye
before(async () => {
  server = await Server.start()
  admin = await server.login('admin')
  gongyi = await server.login('gongyi')
  qiye = await server.login('qiye')
})
after(async () => {
  await server.stop()
})
const call = (token, method, path, body) => server.call(method, path, { token, body })

test('发布流程：草稿 → 审核 → 发布，附件与正文在公开门户可见；非法流转与越权被拒', async () => {
  const draft = await call(admin, 'POST', '/api/v1/articles', { kind: 'notice', title: '关于开展第二批试点企业申报的通知', summary: '申报时间与材料', body: '各区县（市）…' })
  assert.equal(draft.status, 201, draft.text)
  const id = draft.json.id
  assert.equal((await call(admin, 'POST', '/api/v1/articles', { kind: 'rumour', title: 'x' })).status, 422)
  assert.equal((await call(admin, 'POST', '/api/v1/articles', { kind: 'notice' })).status, 422)
  assert.equal((await call(qiye, 'POST', '/api/v1/articles', { kind: 'notice', title: 'x' })).status, 403)
  assert.equal((await call(gongyi, 'PATCH', `/api/v1/articles/${id}`, { title: '改' })).status, 403)
  const up = await server.call('POST', `/api/v1/documents?entity_type=article&entity_id=${id}&name=${encodeURIComponent('申报表.pdf')}`, {
    token: admin, body: '%PDF-1.4 申报表', headers: { 'content-type': 'application/pdf' } })
  assert.equal(up.status, 201, up.text)
  // Not public before it is published.
  assert.equal((await server.call('GET', `/api/v1/public/articles/${id}`)).status, 404)
  assert.equal((await server.call('GET', `/api/v1/public/articles/${id}/attachments/${up.json.id}`)).status, 404)
  assert.equal((await call(admin, 'POST', `/api/v1/articles/${id}/transitions`, { action: 'publish' })).status, 409)  // not submitted
  assert.equal((await call(admin, 'POST', `/api/v1/articles/${id}/transitions`, { action: 'submit' })).status, 200)
  assert.equal((await call(admin, 'PATCH', `/api/v1/articles/${id}`, { title: '改' })).status, 409)  // under review
  assert.equal((await call(gongyi, 'POST', `/api/v1/articles/${id}/transitions`, { action: 'publish' })).status, 403)
  assert.equal((await call(admin, 'POST', `/api/v1/articles/${id}/transitions`, { action: 'reject' })).status, 422)  // needs a reason
  const published = await call(admin, 'POST', `/api/v1/articles/${id}/transitions`, { action: 'publish' })
  assert.equal(published.json.state, 'published')

  const list = await server.call('GET', '/api/v1/public/articles?kind=notice')
  assert.equal(list.status, 200)
  assert.equal(list.json.items[0].title, '关于开展第二批试点企业申报的通知')
  assert.equal(list.json.items[0].author, undefined)  // no accounts on the portal
  const one = await server.call('GET', `/api/v1/public/articles/${id}`)
  assert.equal(one.json.body, '各区县（市）…')
  assert.equal(one.json.attachments.length, 1)
  const file = await fetch(server.base + one.json.attachments[0].download_url)
  assert.equal(file.status, 200)
  assert.match(await file.text(), /%PDF-1.4/)
  assert.equal((await server.call('GET', `/api/v1/public/articles?kind=gossip`)).status, 422)

  // A district drafts its own; only the city publishes; a withdrawn notice leaves the portal.
  const own = await call(gongyi, 'POST', '/api/v1/articles', { kind: 'case', title: '巩义耐材企业数字化改造案例', body: '…', industry: 'refractories' })
  assert.equal(own.status, 201)
  assert.equal((await call(gongyi, 'POST', `/api/v1/articles/${own.json.id}/transitions`, { action: 'submit' })).status, 200)
  assert.equal((await call(gongyi, 'GET', '/api/v1/articles')).json.total, 2)  // its own and the published one
  assert.equal((await call(admin, 'POST', `/api/v1/articles/${id}/transitions`, { action: 'withdraw', reason: '内容更新' })).status, 200)
  assert.equal((await server.call('GET', `/api/v1/public/articles/${id}`)).status, 404)
  const history = await call(admin, 'GET', `/api/v1/articles/${id}/history`)
  assert.deepEqual(history.json.items.map((e) => e.to), ['draft', 'in_review', 'published', 'withdrawn'])
})

test('公开查询：每个客户端每 10 秒 1 次（跨企业与服务商查询），超出 429 + Retry-After + 中文说明', async () => {
  assert.equal((await server.call('GET', '/api/v1/public/enterprises?q=巩')).status, 422)  // too short: not counted
  const first = await server.call('GET', `/api/v1/public/enterprises?q=${encodeURIComponent('巩义')}`)
  assert.equal(first.status, 200, first.text)
  assert.ok(first.json.items.length > 0)
  const e = first.json.items[0]
  assert.deepEqual(Object.keys(e).sort(), ['district', 'in_pilot', 'industry', 'name', 'stage'])  // nothing personal
  assert.equal(e.stage, '已入库')
  const second = await server.call('GET', `/api/v1/public/providers?q=${encodeURIComponent('数智')}`)
  assert.equal(second.status, 429)
  assert.ok(Number(second.headers.get('retry-after')) >= 1 && Number(second.headers.get('retry-after')) <= 10)
  assert.match(second.json.error.message, /10 秒/)
  await server.advanceClock(10)
  const third = await server.call('GET', `/api/v1/public/providers?q=${encodeURIComponent('数智')}`)
  assert.equal(third.status, 200, third.text)
  assert.equal(third.json.items[0].name, '郑州数智工业互联网科技有限公司')
  assert.equal((await server.call('GET', `/api/v1/public/enterprises?q=${encodeURIComponent('巩义')}`)).status, 429)
  // An exact credit code finds the enterprise.
  await server.advanceClock(10)
  const code = (await call(admin, 'GET', '/api/v1/enterprises/1')).json.credit_code
  const byCode = await server.call('GET', `/api/v1/public/enterprises?q=${code}`)
  assert.equal(byCode.status, 200)
  assert.equal(byCode.json.items.length, 1)
})

test('开放数据：少于 3 家的数字隐去，且不能由合计推算；CSV 与 JSON 一致', async () => {
  const r = await server.call('GET', '/api/v1/public/open-data')
  assert.equal(r.status, 200)
  for (const t of r.json.tables) {
    const grid = t.rows.map((row) => [...row.cells, row.total])
    grid.push([...t.industry_totals, t.total])
    for (const row of grid) for (const v of row) assert.ok(v === null || v === 0 || v >= 3, `${t.title}: ${v}`)
    // Every line (a district with its total, an industry with its total) hides no figure or at least two.
    for (const row of grid) assert.notEqual(row.filter((v) => v === null).length, 1, `${t.title}: a row hides one figure`)
    for (let c = 0; c < grid[0].length; c++)
      assert.notEqual(grid.filter((row) => row[c] === null).length, 1, `${t.title}: a column hides one figure`)
  }
  const pilot = r.json.tables[0]
  assert.equal(pilot.total, 440)
  const csv = await server.call('GET', '/api/v1/public/open-data?format=csv')
  assert.equal(csv.status, 200)
  assert.match(csv.headers.get('content-type'), /text\/csv/)
  assert.match(csv.text, /试点企业数/)
  assert.match(csv.text, /合计,.*440/)
  assert.equal((await server.call('GET', '/api/v1/public/open-data?format=xml')).status, 422)
})

test('记录详情列出调用者此刻可执行的操作（与服务端的规则一致）', async () => {
  const actions = (r) => r.json.actions.map((a) => a.action)
  // An article: its author (a district editor) may submit; the city reviews; others may not see it at all.
  const a = await call(gongyi, 'POST', '/api/v1/articles', { kind: 'notice', title: '巩义市试点企业培训通知', body: '…' })
  assert.equal(a.status, 201, a.text)
  assert.deepEqual(actions(a), ['submit'])
  assert.deepEqual(actions(await call(admin, 'GET', `/api/v1/articles/${a.json.id}`)), ['submit'])
  const sent = await call(gongyi, 'POST', `/api/v1/articles/${a.json.id}/transitions`, { action: 'submit' })
  assert.deepEqual(actions(sent), [])
  const review = await call(admin, 'GET', `/api/v1/articles/${a.json.id}`)
  assert.deepEqual(review.json.actions.map((x) => [x.action, x.needs_reason]), [['publish', false], ['reject', true]])
  // A provider: the city may sanction the admitted demo provider; the provider itself has nothing to do.
  const fuwushang = await server.login('fuwushang')
  const asAdmin = await call(admin, 'GET', '/api/v1/providers/1')
  assert.deepEqual(actions(asAdmin), ['warn', 'order_rectification', 'remove'])
  assert.equal(asAdmin.json.actions.find((x) => x.action === 'order_rectification').needs_due, true)
  assert.deepEqual(actions(await call(fuwushang, 'GET', '/api/v1/providers/1')), [])
  assert.deepEqual(actions(await call(qiye, 'GET', '/api/v1/providers/1')), [])
  // A product: its provider submits the draft; the city may too; nobody else.
  const prod = await call(fuwushang, 'POST', '/api/v1/products', { name: '能耗看板', category: 'management', industries: ['aluminium'],
    deployment: 'saas', price_fen: 100000, delivery_days: 10, description: '…' })
  assert.equal(prod.status, 201, prod.text)
  assert.deepEqual(actions(prod), ['submit'])
  assert.deepEqual(actions(await call(admin, 'GET', `/api/v1/products/${prod.json.id}`)), ['submit'])
  const inReview = await call(fuwushang, 'POST', `/api/v1/products/${prod.json.id}/transitions`, { action: 'submit' })
  assert.deepEqual(actions(inReview), [])
  assert.deepEqual(actions(await call(admin, 'GET', `/api/v1/products/${prod.json.id}`)), ['list', 'reject'])
})

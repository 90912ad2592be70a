// 企商互动: an enterprise posts a need, matching listed products and providers are suggested, a provider answers,
// the thread notifies the other side, the enterprise picks the proposal; matchmaking events with registration;
// review assignments arrive as notifications.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'gongyi', 'xinmi', 'qiye', 'fuwushang', 'zhuanjia', 'yinhang']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })

test('需求 → 推荐 → 响应 → 留言与站内消息 → 对接；对接会报名', async () => {
  assert.equal((await call('qiye', 'POST', '/api/v1/needs', { category: 'astrology', title: 'x' })).status, 422)
  assert.equal((await call('gongyi', 'POST', '/api/v1/needs', { enterprise_id: 108, category: 'scheduling', title: 'x' })).status, 403)
  const need = await ok(await call('qiye', 'POST', '/api/v1/needs', { category: 'scheduling', title: '耐材窑炉排产优化', description: '订单多、换产频繁', budget_fen: 50000000 }), 201)
  assert.equal(need.status, 'open')
  assert.equal((await ok(await call('xinmi', 'GET', '/api/v1/needs'))).items.length, 1)
  assert.equal((await ok(await call('gongyi', 'GET', '/api/v1/needs'))).items.length, 0)
  const forProvider = await ok(await call('fuwushang', 'GET', '/api/v1/needs'))
  assert.equal(forProvider.total, 1)
  assert.ok(forProvider.items[0].enterprise_name.length > 0)
  const actions = async (who) => (await ok(await call(who, 'GET', `/api/v1/needs/${need.id}`))).actions.map((a) => a.action)
  assert.deepEqual(await actions('fuwushang'), ['propose', 'message'])
  assert.deepEqual(await actions('qiye'), ['close', 'message'])  // nothing to accept yet
  assert.equal((await call('yinhang', 'GET', `/api/v1/needs/${need.id}`)).status, 403)
  const suggestions = await ok(await call('qiye', 'GET', `/api/v1/needs/${need.id}/suggestions`))
  assert.ok(Array.isArray(suggestions.products))

  const proposal = await ok(await call('fuwushang', 'POST', `/api/v1/needs/${need.id}/proposals`, { summary: '智能排产 SaaS + 驻场实施', price_fen: 45000000 }), 201)
  assert.equal((await call('fuwushang', 'POST', `/api/v1/needs/${need.id}/proposals`, { summary: '再报', price_fen: 1 })).status, 409)
  assert.deepEqual(await actions('fuwushang'), ['message'])
  assert.deepEqual(await actions('qiye'), ['accept', 'close', 'message'])
  assert.deepEqual(await actions('xinmi'), ['close', 'message'])
  assert.equal((await call('qiye', 'POST', `/api/v1/needs/${need.id}/proposals`, { summary: 'x', price_fen: 1 })).status, 403)
  // The enterprise hears of the answer, and of the provider's message; the provider hears of the reply.
  const inbox = await ok(await call('qiye', 'GET', '/api/v1/notifications?unread=1'))
  assert.equal(inbox.unread, 1)
  assert.match(inbox.items[0].title, /响应了您的需求/)
  await ok(await call('fuwushang', 'POST', `/api/v1/needs/${need.id}/messages`, { body: '可安排现场调研' }), 201)
  await ok(await call('qiye', 'POST', `/api/v1/needs/${need.id}/messages`, { body: '下周二可以' }), 201)
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/notifications'))).unread, 2)
  assert.equal((await ok(await call('fuwushang', 'GET', '/api/v1/notifications'))).unread, 1)
  await ok(await call('qiye', 'POST', `/api/v1/notifications/${inbox.items[0].id}/read`), 204)
  assert.equal((await call('fuwushang', 'POST', `/api/v1/notifications/${inbox.items[0].id}/read`)).status, 404)  // not its own
  await ok(await call('qiye', 'POST', '/api/v1/notifications/read-all'), 204)
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/notifications'))).unread, 0)
  const thread = await ok(await call('xinmi', 'GET', `/api/v1/needs/${need.id}`))
  assert.deepEqual(thread.messages.map((m) => m.body), ['可安排现场调研', '下周二可以'])
  assert.equal(thread.proposals[0].provider.name, '郑州数智工业互联网科技有限公司')

  assert.equal((await call('fuwushang', 'POST', `/api/v1/needs/${need.id}/accept`, { proposal_id: proposal.id })).status, 403)
  await ok(await call('qiye', 'POST', `/api/v1/needs/${need.id}/accept`, { proposal_id: proposal.id }), 204)
  assert.equal((await ok(await call('qiye', 'GET', `/api/v1/needs/${need.id}`))).status, 'matched')
  assert.equal((await call('fuwushang', 'POST', `/api/v1/needs/${need.id}/proposals`, { summary: 'x', price_fen: 1 })).status, 409)
  assert.match((await ok(await call('fuwushang', 'GET', '/api/v1/notifications'))).items[0].title, /已被选中/)
  assert.deepEqual(await actions('qiye'), ['message'])
  // The provider still finds the need it answered once it is matched; paging holds.
  assert.ok((await ok(await call('fuwushang', 'GET', '/api/v1/needs'))).items.some((x) => x.id === need.id))
  const other = await ok(await call('qiye', 'POST', '/api/v1/needs', { category: 'quality', title: '质量追溯' }), 201)
  assert.equal((await call('qiye', 'POST', `/api/v1/needs/${other.id}/close`, { reason: ' ' })).status, 422)
  await ok(await call('qiye', 'POST', `/api/v1/needs/${other.id}/close`, { reason: '已自行解决' }), 204)
  const closed = await ok(await call('qiye', 'GET', `/api/v1/needs/${other.id}`))
  assert.equal(closed.close_reason, '已自行解决')
  assert.ok(closed.closed_at)
  assert.equal((await call('fuwushang', 'GET', `/api/v1/needs/${other.id}`)).status, 403)  // closed before it answered
  const page = await ok(await call('qiye', 'GET', '/api/v1/needs?page_size=1'))
  assert.deepEqual([page.total, page.items.length, page.items[0].id], [2, 1, other.id])

  // 供需对接会: the city publishes, enterprises and providers register, capacity holds.
  assert.equal((await call('qiye', 'POST', '/api/v1/match-events', { title: 'x', held_on: '2030-01-01', capacity: 1 })).status, 403)
  const ev = await ok(await call('admin', 'POST', '/api/v1/match-events', { title: '耐材行业供需对接会', held_on: '2030-03-15', place: '新密市', industry: 'refractories', capacity: 2 }), 201)
  await ok(await call('qiye', 'POST', `/api/v1/match-events/${ev.id}/registrations`), 204)
  assert.equal((await call('qiye', 'POST', `/api/v1/match-events/${ev.id}/registrations`)).status, 409)
  assert.equal((await call('zhuanjia', 'POST', `/api/v1/match-events/${ev.id}/registrations`)).status, 403)
  await ok(await call('fuwushang', 'POST', `/api/v1/match-events/${ev.id}/registrations`), 204)
  const list = await ok(await call('admin', 'GET', `/api/v1/match-events/${ev.id}/registrations`))
  assert.deepEqual(list.items.map((x) => x.party), ['企业', '服务商'])
  const events = await ok(await call('qiye', 'GET', '/api/v1/match-events'))
  assert.deepEqual([events.items[0].registered, events.items[0].registered_by_me], [2, true])
  assert.equal((await ok(await call('xinmi', 'GET', '/api/v1/match-events'))).items[0].registered_by_me, false)

  // A review assignment arrives as a notification.
  const zhuanjia = (await ok(await call('zhuanjia', 'GET', '/api/v1/auth/me'))).user.id
  await ok(await call('zhuanjia', 'PUT', `/api/v1/experts/${zhuanjia}`, { employer_name: '郑州大学' }))
  await ok(await call('admin', 'POST', '/api/v1/reviews', { subject_type: 'provider', subject_id: 1, expert_user_ids: [zhuanjia] }), 201)
  assert.match((await ok(await call('zhuanjia', 'GET', '/api/v1/notifications'))).items[0].title, /评审/)
})

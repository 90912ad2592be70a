// The provider directory, 能进能出: a provider applies with a complete profile, passes an expert review, is publicly
// noticed for 7 days with an objection handled, and is admitted; later it is warned, ordered to rectify by a date and
// removed, appeals once and the removal is overturned; integrators are selected per industry; flows by month.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'gongyi', 'qiye', 'fuwushang', 'zhuanjia', 'anquan', 'shenji']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })
const move = (who, id, action, extra = {}) => call(who, 'POST', `/api/v1/providers/${id}/transitions`, { action, ...extra })

test('服务商入库：申请 → 专家评审 → 公示（异议处理）→ 入库；警告 → 限期整改 → 出库 → 申诉撤销；公开遴选', async () => {
  assert.equal((await call('gongyi', 'POST', '/api/v1/providers', { name: 'x', credit_code: '91410100MA9999999Q', kind: 'integrator', in_zhengzhou: true })).status, 403)
  assert.equal((await call('admin', 'POST', '/api/v1/providers', { name: '坏码', credit_code: '91410100MA9999999X', kind: 'integrator', in_zhengzhou: true })).status, 422)
  const p = await ok(await call('admin', 'POST', '/api/v1/providers', { name: '河南智造云科技有限公司', credit_code: '91410100MA9999999Q', kind: 'integrator', in_zhengzhou: true }), 201)
  assert.equal(p.status, 'draft')
  assert.equal((await call('admin', 'POST', '/api/v1/providers', { name: '重复', credit_code: '91410100MA9999999Q', kind: 'integrator', in_zhengzhou: true })).status, 409)
  const user = await ok(await call('anquan', 'POST', '/api/v1/users', { username: 'zhizaoyun', display_name: '智造云', password: 'Prov#2024pilot', roles: ['provider'], provider_id: p.id }), 201)
  assert.ok(user.user.id)
  t.zhizaoyun = await server.login('zhizaoyun', 'Prov#2024pilot')
  // Not listed yet: the public directory does not show it, another provider cannot read it.
  assert.ok(!(await ok(await server.call('GET', '/api/v1/providers'))).items.some((x) => x.id === p.id))
  assert.equal((await call('fuwushang', 'GET', `/api/v1/providers/${p.id}`)).status, 403)

  const incomplete = await move('zhizaoyun', p.id, 'apply')
  assert.equal(incomplete.status, 409)
  assert.match(incomplete.json.error.message, /资质/)
  await ok(await call('zhizaoyun', 'PATCH', `/api/v1/providers/${p.id}`, { qualifications: 'CMMI3，工业互联网平台解决方案供应商', cases: '耐材企业排产优化 12 家',
    industries: ['refractories', 'aluminium'], address: '郑州市高新区', contact_name: '陈工', contact_phone: '13800001111' }))
  assert.equal((await call('fuwushang', 'PATCH', `/api/v1/providers/${p.id}`, { cases: 'x' })).status, 403)
  assert.equal((await ok(await move('zhizaoyun', p.id, 'apply'))).status, 'applied')
  assert.equal((await call('zhizaoyun', 'PATCH', `/api/v1/providers/${p.id}`, { cases: '改' })).status, 409)  // frozen in review
  const noReview = await move('admin', p.id, 'start_notice')
  assert.equal(noReview.status, 409)
  assert.match(noReview.json.error.message, /评审/)
  assert.equal((await move('zhizaoyun', p.id, 'start_notice')).status, 403)  // the city's move

  // Expert review of the admission, then 公示 for 7 days.
  const zhuanjia = (await ok(await call('zhuanjia', 'GET', '/api/v1/auth/me'))).user.id
  await ok(await call('zhuanjia', 'PUT', `/api/v1/experts/${zhuanjia}`, { employer_name: '郑州大学' }))
  const round = await ok(await call('admin', 'POST', '/api/v1/reviews', { subject_type: 'provider', subject_id: p.id, expert_user_ids: [zhuanjia] }), 201)
  await ok(await call('zhuanjia', 'PUT', `/api/v1/reviews/${round.id}/score`, { scores: { qualification: 25, cases: 24, service: 16, price: 15 }, comment: '能力较强', submit: true }))
  await ok(await call('zhuanjia', 'POST', `/api/v1/reviews/${round.id}/consensus`, { pass: true, opinion: '同意入库' }))
  const noticed = await ok(await move('admin', p.id, 'start_notice'))
  assert.equal(noticed.status, 'notice')
  assert.ok(noticed.notice_to > noticed.notice_from)
  const tooEarly = await move('admin', p.id, 'admit')
  assert.equal(tooEarly.status, 409)
  assert.match(tooEarly.json.error.message, /公示期/)
  // District officers find providers in 公示 and read their application; experts read it to score.
  assert.ok((await ok(await call('gongyi', 'GET', '/api/v1/provider-directory?status=notice'))).items.some((x) => x.id === p.id))
  assert.equal((await call('gongyi', 'GET', `/api/v1/providers/${p.id}`)).status, 200)
  assert.equal((await call('zhuanjia', 'GET', `/api/v1/providers/${p.id}`)).status, 200)
  assert.equal((await call('qiye', 'GET', `/api/v1/providers/${p.id}`)).status, 403)
  const objection = await ok(await call('gongyi', 'POST', `/api/v1/providers/${p.id}/objections`, { objector: '某企业', content: '案例数量存疑' }), 201)
  assert.equal((await call('qiye', 'POST', `/api/v1/providers/${p.id}/objections`, { content: 'x' })).status, 403)
  // The public sees the 公示 on the portal and may object, named, without logging in (one per client per 10 s).
  const notices = await ok(await server.call('GET', '/api/v1/public/provider-notices'))
  const mine = notices.items.find((x) => x.id === p.id)
  assert.equal(mine.notice_to, noticed.notice_to)
  assert.ok(mine.qualifications.length > 0 && !('contact_phone' in mine))
  const pub = (body) => server.call('POST', `/api/v1/public/provider-notices/${p.id}/objections`, { body })
  // A refused form does not use up the client's query slot.
  assert.equal((await pub({ objector: '张', content: '该公司去年项目未按期交付，请核查' })).status, 422)
  assert.equal((await pub({ objector: '张先生', content: '不好' })).status, 422)
  assert.equal((await pub({ objector: '张先生', content: '该公司去年项目未按期交付', phone: '1' })).status, 422)
  const fromPublic = await ok(await pub({ objector: '张先生', content: '该公司去年项目未按期交付，请核查' }), 201)
  assert.match(fromPublic.message, /异议已收到/)
  assert.equal((await pub({ objector: '张先生', content: '该公司去年项目未按期交付，请再核查' })).status, 429)
  await server.advanceClock(11)
  assert.equal((await server.call('POST', '/api/v1/public/provider-notices/1/objections', { body: { objector: '李女士', content: '已入库的服务商不在公示期内' } })).status, 409)
  const recorded = await ok(await call('admin', 'GET', `/api/v1/providers/${p.id}/objections`))
  assert.ok(recorded.items.some((o) => o.objector === '张先生（公众）'))
  await server.advanceClock(8 * 86400)
  for (const u of Object.keys(t)) t[u] = await server.login(u, u === 'zhizaoyun' ? 'Prov#2024pilot' : undefined)
  const unresolved = await move('admin', p.id, 'admit')
  assert.equal(unresolved.status, 409)
  assert.match(unresolved.json.error.message, /异议/)
  await ok(await call('admin', 'POST', `/api/v1/providers/${p.id}/objections/${objection.id}/resolution`, { resolution: '经核实案例属实' }), 204)
  assert.equal((await move('admin', p.id, 'admit')).status, 409)  // the public's objection is still open
  await ok(await call('admin', 'POST', `/api/v1/providers/${p.id}/objections/${fromPublic.id}/resolution`, { resolution: '经核实已按期交付' }), 204)
  assert.equal((await ok(await move('admin', p.id, 'admit'))).status, 'admitted')
  assert.ok(!(await ok(await server.call('GET', '/api/v1/public/provider-notices'))).items.some((x) => x.id === p.id))
  assert.ok((await ok(await server.call('GET', '/api/v1/providers?kind=integrator&industry=refractories'))).items.some((x) => x.id === p.id))
  assert.equal((await ok(await call('qiye', 'GET', `/api/v1/providers/${p.id}`))).contact_phone, undefined)  // public fields only

  // Selection per industry: an admitted integrator serving the industry.
  assert.equal((await call('admin', 'PUT', '/api/v1/provider-selections', { industry: 'auto_parts', provider_id: p.id, selected: true })).status, 409)
  await ok(await call('admin', 'PUT', '/api/v1/provider-selections', { industry: 'refractories', provider_id: p.id, selected: true, note: '2024年公开遴选' }), 204)
  const sel = await ok(await call('qiye', 'GET', '/api/v1/provider-selections'))
  assert.equal(sel.city_minimum, 10)
  assert.equal(sel.integrators_listed, 2)  // the demo integrator and this one
  assert.deepEqual(sel.by_industry.find((x) => x.industry === 'refractories').provider_ids, [p.id])

  // Sanctions: reasons required, a deadline for rectification; removal takes it out of the directory.
  assert.equal((await move('admin', p.id, 'warn')).status, 422)
  await ok(await move('admin', p.id, 'warn', { reason: '两个项目里程碑逾期超过 60 天' }))
  assert.equal((await move('admin', p.id, 'order_rectification', { reason: '整改' })).status, 422)  // no due date
  const rect = await ok(await move('admin', p.id, 'order_rectification', { reason: '限期整改项目进度', due_on: '2027-12-31' }))
  assert.equal(rect.rectify_due, '2027-12-31')
  await ok(await move('admin', p.id, 'remove', { reason: '整改不到位，验收通过率低于 50%' }))
  assert.ok(!(await ok(await server.call('GET', '/api/v1/providers'))).items.some((x) => x.id === p.id))
  assert.equal((await call('fuwushang', 'POST', `/api/v1/providers/${p.id}/appeals`, { reason: 'x' })).status, 403)
  const appeal = await ok(await call('zhizaoyun', 'POST', `/api/v1/providers/${p.id}/appeals`, { reason: '逾期系企业停产所致，附说明' }), 201)
  assert.equal((await call('zhizaoyun', 'POST', `/api/v1/providers/${p.id}/appeals`, { reason: '再诉' })).status, 409)
  const decided = await ok(await call('admin', 'POST', `/api/v1/providers/${p.id}/appeals/${appeal.id}/decision`, { overturn: true, note: '情况属实，撤销出库决定' }))
  assert.equal(decided.status, 'overturned')
  const back = await ok(await call('admin', 'GET', `/api/v1/providers/${p.id}`))
  assert.equal(back.status, 'rectifying')
  assert.equal(back.rectify_due, null)  // removal cleared it; the overturn does not bring a past deadline back
  const events = await ok(await call('qiye', 'GET', `/api/v1/providers/${p.id}/events`))
  assert.deepEqual(events.items.map((e) => e.to), ['draft', 'applied', 'notice', 'admitted', 'warned', 'rectifying', 'removed', 'rectifying'])
  const flows = await ok(await call('admin', 'GET', '/api/v1/provider-flows'))
  assert.equal(flows.items.reduce((s, m) => s + m.admitted, 0), 2)  // admitted, and back in after the appeal
  assert.equal(flows.items.reduce((s, m) => s + m.removed, 0), 1)
  const audit = await ok(await call('shenji', 'GET', `/api/v1/audit?entity_type=provider&entity_id=${p.id}`))
  assert.ok(audit.items.some((e) => e.action === 'provider.remove'))
})

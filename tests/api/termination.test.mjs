// 终止 and the provider subsidy of 三(三), on the full demo: a project the city ends with a written reason is counted
// nowhere as transformed, leaves the provider's fee base, closes its open reviews and stops being late; a provider is
// paid only for a year it was in the directory (纳入试点), and only for fees on the days it was listed.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, cli, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start({ fullDemo: true })
  t = {}
  for (const u of ['admin', 'xinmi', 'gongyi', 'fuwushang', 'zhuanjia', 'shenji']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })
const beijingToday = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10)
const move = (who, id, action, extra = {}) => call(who, 'POST', `/api/v1/projects/${id}/transitions`, { action, ...extra })
const providerQuote = async (provider, year) =>
  ok(await call('admin', 'POST', '/api/v1/subsidies/preview', { scheme: 'provider', provider_id: provider, year }))
const thisYear = Number(beijingToday().slice(0, 4))

test('终止项目：市级管理员书面说明理由，验收通过前的任何状态；不计为改造完成，费用移出服务商补助基数，评审撤销，不再逾期', async () => {
  const late = await ok(await call('admin', 'GET', '/api/v1/projects?overdue=1&page_size=50'))
  assert.ok(late.total > 0, 'the demo has projects behind their milestones')
  const target = late.items.find((p) => p.state === 'implementing')
  const id = target.id
  const detail = await ok(await call('admin', 'GET', `/api/v1/projects/${id}`))
  const terminate = detail.actions.find((a) => a.action === 'terminate')
  assert.deepEqual([terminate.name, terminate.needs_reason], ['终止项目', true])
  const provider = target.integrator.id
  const fees = detail.costs.filter((c) => c.incurred_on.startsWith(String(thisYear)) && c.provider?.id === provider)
    .reduce((s, c) => s + c.amount_fen, 0)
  assert.ok(fees > 0, 'the project billed its integrator this year')
  const quoteBefore = await providerQuote(provider, thisYear)
  assert.equal(quoteBefore.eligible, false)
  assert.match(quoteBefore.reason, /三\(三\).*尚未结束的项目 \d+ 个：/)
  // Projects often share a name: each open one is named with its enterprise, five at most.
  const named = quoteBefore.reason.split('：').at(-1).replace(/）$/, '').replace(/等$/, '').split('、')
  const openCount = Number(/尚未结束的项目 (\d+) 个/.exec(quoteBefore.reason)[1])
  assert.equal(named.length, Math.min(openCount, 5), quoteBefore.reason)
  assert.ok(named.every((n) => /^.+「.+」$/.test(n)), quoteBefore.reason)
  if (openCount <= 5) assert.ok(named.includes(`${detail.enterprise.name}「${detail.name}」`), quoteBefore.reason)
  assert.equal(quoteBefore.reason.endsWith('等）'), openCount > 5)
  const quality = async () => (await ok(await call('admin', 'GET', '/api/v1/data-quality'))).checks.find((c) => c.code === 'late_milestones').count
  const lateBefore = await quality()

  // Only the city admin, and only with a reason.
  for (const who of ['xinmi', 'gongyi', 'fuwushang']) assert.ok([403, 409].includes((await move(who, id, 'terminate', { reason: '企业退出' })).status), who)
  const noReason = await move('admin', id, 'terminate')
  assert.equal(noReason.status, 422)
  const ended = await ok(await move('admin', id, 'terminate', { reason: '企业经营困难，申请放弃改造' }))
  assert.equal(ended.state, 'terminated')
  assert.equal(ended.state_name, '终止')
  assert.equal(ended.events.at(-1).reason, '企业经营困难，申请放弃改造')
  assert.equal((await move('admin', id, 'terminate', { reason: '再次' })).status, 409)
  assert.equal((await move('admin', id, 'apply_acceptance')).status, 409)

  // Nothing late any more; its fees leave the base; the provider's other projects still run.
  assert.ok(!(await ok(await call('admin', 'GET', '/api/v1/projects?overdue=1&page_size=50'))).items.some((p) => p.id === id))
  assert.ok(await quality() < lateBefore)
  const quoteAfter = await providerQuote(provider, thisYear)
  assert.equal(quoteAfter.inputs.service_fees_fen, quoteBefore.inputs.service_fees_fen - fees)
  const summary = await ok(await call('admin', 'GET', '/api/v1/projects/summary'))
  assert.equal(summary.by_state.find((x) => x.state === 'terminated').projects, 1)
  assert.equal((await ok(await call('admin', 'GET', '/api/v1/projects?state=terminated'))).total, 1)

  // Not after acceptance.
  const passed = (await ok(await call('admin', 'GET', '/api/v1/projects?state=passed'))).items[0]
  const refused = await move('admin', passed.id, 'terminate', { reason: '测试' })
  assert.equal(refused.status, 409)

  // A project under expert review: its open round is withdrawn with it, and no expert is left to score.
  const reviewing = (await ok(await call('admin', 'GET', '/api/v1/projects?state=expert_review'))).items[0]
  const round = await ok(await call('admin', 'POST', '/api/v1/reviews', { subject_type: 'project', subject_id: reviewing.id, draw: 2 }), 201)
  assert.equal(round.state, 'open')
  await ok(await move('admin', reviewing.id, 'terminate', { reason: '企业退出试点' }))
  const closed = await ok(await call('admin', 'GET', `/api/v1/reviews/${round.id}`))
  assert.deepEqual([closed.state, closed.state_name], ['cancelled', '已撤销（项目终止）'])
  assert.match(closed.consensus_opinion, /项目已终止：企业退出试点/)
  const member = round.members[0].user_id
  const experts = await ok(await call('admin', 'GET', '/api/v1/experts'))
  assert.ok(experts.items.some((e) => e.user_id === member))
  const audit = await ok(await call('shenji', 'GET', '/api/v1/audit?action=project.terminate'))
  assert.equal(audit.items.length, 2)
  assert.equal(audit.items[0].action_name, '终止项目')
  assert.equal((await ok(await call('shenji', 'GET', '/api/v1/audit?action=review.cancel'))).items.length, 1)
  assert.equal(cli(['stats', 'verify', '--db', server.db]).code, 0)
})

test('服务商补助：只计其在库期间发生的费用；补助年度前一日出库的，该年度不予补助；从未入库的不予补助（均引用三(三)）', async () => {
  const provider = 1  // the demo's integrator
  const running = (await ok(await call('admin', 'GET', '/api/v1/projects?state=implementing&page_size=50'))).items
    .find((p) => p.integrator.id === provider)
  const enterprise = running.enterprise.id
  const user = enterprise === 108 ? 'qiye' : `qiye${String(enterprise).padStart(3, '0')}`  // the demo's accounts
  // Removed today and back on appeal two days later: a fee billed on the day between falls outside its stays.
  await ok(await call('admin', 'POST', `/api/v1/providers/${provider}/transitions`, { action: 'remove', reason: '考核不合格' }))
  await server.advanceClock(2 * 86400)
  const between = new Date(Date.now() + 8 * 3600000 + 86400000).toISOString().slice(0, 10)
  const qiye = await server.login(user)
  const upload = await server.call('POST', `/api/v1/documents?entity_type=project&entity_id=${running.id}&name=${encodeURIComponent('发票.pdf')}`,
    { token: qiye, body: '%PDF-1.4 invoice', headers: { 'content-type': 'application/pdf' } })
  assert.equal(upload.status, 201, upload.text)
  await ok(await server.call('POST', `/api/v1/projects/${running.id}/costs`, { token: qiye,
    body: { item: '出库期间的服务费', amount_fen: 1234500, incurred_on: between, invoice_document_id: upload.json.id, provider_id: provider } }), 201)
  const fuwushang = await server.login('fuwushang')
  const admin = await server.login('admin')
  const appeal = await ok(await server.call('POST', `/api/v1/providers/${provider}/appeals`, { token: fuwushang, body: { reason: '已整改到位' } }), 201)
  await ok(await server.call('POST', `/api/v1/providers/${provider}/appeals/${appeal.id}/decision`, { token: admin, body: { overturn: true, note: '撤销出库决定' } }))
  const q = ok(await server.call('POST', '/api/v1/subsidies/preview', { token: admin, body: { scheme: 'provider', provider_id: provider, year: thisYear } }))
  assert.equal(q.inputs.fees_outside_directory_fen, 1234500)
  assert.equal(q.inputs.in_directory, true)

  // Removed on the last day of the year: not in the directory in the next service year.
  const lastDay = Date.parse(`${thisYear}-12-31T02:00:00Z`)
  const health = ok(await server.call('GET', '/api/v1/health'))
  const ahead = Math.floor((lastDay - Date.parse(health.time)) / 1000)
  if (ahead > 0) await server.advanceClock(ahead)
  const token = await server.login('admin')
  await ok(await server.call('POST', `/api/v1/providers/${provider}/transitions`, { token, body: { action: 'remove', reason: '年度考核不合格' } }))
  const next = ok(await server.call('POST', '/api/v1/subsidies/preview', { token, body: { scheme: 'provider', provider_id: provider, year: thisYear + 1 } }))
  assert.equal(next.eligible, false)
  assert.match(next.reason, new RegExp(`三\\(三\\).*已于 ${thisYear}-12-31 出库，${thisYear + 1} 年度不在服务商库中`))
  const refused = await server.call('POST', '/api/v1/subsidies', { token, body: { scheme: 'provider', provider_id: provider, year: thisYear + 1 } })
  assert.equal(refused.status, 409)
  assert.match(refused.json.error.message, /不符合补助条件/)
  // A provider still in 公示 was never admitted.
  const notice = (await ok(await server.call('GET', '/api/v1/provider-directory?status=notice', { token }))).items[0]
  const never = ok(await server.call('POST', '/api/v1/subsidies/preview', { token, body: { scheme: 'provider', provider_id: notice.id, year: thisYear } }))
  assert.match(never.reason, /从未入库/)
})

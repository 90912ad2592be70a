// Industrial internet platforms (行业级工业互联网平台): registered by the city admin with their services; scoped,
// revocable, audited API keys; idempotent 上云用平台 batches that feed indicator 4; evaluations that feed the awards.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, cli, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'gongyi', 'qiye', 'fuwushang', 'shenji']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })
const withKey = (key, method, path, body) => server.call(method, path, { body, headers: key ? { authorization: `Bearer ${key}` } : {} })
const PLATFORM = {
  name: '耐材行业工业互联网平台', operator: '郑州数智工业互联网科技有限公司', credit_code: '91410100MA00000013',
  url: 'https://naicai.example.cn', industries: ['refractories'],
  services: [{ name: '窑炉设备上云', kind: 'saas', description: '窑炉温度、能耗在线监测' }, { name: '项目建设', kind: 'onsite' }],
}
// Pilot enterprises on the cloud; indicator 4 counts them only among the transformed ones (改造企业, 方案“其中”).
const cloudCount = async () => (await ok(await call('admin', 'GET', '/api/v1/stats/progress/enterprises?metric=cloud&page_size=1'))).total
const indicator4 = async () => (await ok(await call('admin', 'GET', '/api/v1/stats/progress'))).indicators.find((i) => i.no === 4).total.actual

test('平台登记、密钥、上云批次的幂等、吊销与审计；指标4随之更新', async () => {
  // A valid credit code for the operator (the demo's check characters are computed, not typed).
  const code = (await ok(await call('admin', 'GET', '/api/v1/enterprises/2'))).credit_code
  const bad = code.slice(0, 17) + (code[17] === '0' ? '1' : '0')  // the wrong check character
  assert.equal((await call('gongyi', 'POST', '/api/v1/platforms', { ...PLATFORM, credit_code: code })).status, 403)
  assert.equal((await call('admin', 'POST', '/api/v1/platforms', { ...PLATFORM, credit_code: bad })).status, 422)
  assert.equal((await call('admin', 'POST', '/api/v1/platforms', { ...PLATFORM, credit_code: code, industries: ['steel'] })).status, 422)
  assert.equal((await call('admin', 'POST', '/api/v1/platforms', { ...PLATFORM, credit_code: code, services: [{ name: 'x', kind: 'magic' }] })).status, 422)
  assert.equal((await call('admin', 'POST', '/api/v1/platforms', { ...PLATFORM, credit_code: code, colour: 'red' })).status, 422)
  const pl = await ok(await call('admin', 'POST', '/api/v1/platforms', { ...PLATFORM, credit_code: code }), 201)
  assert.equal(pl.status, 'active')
  assert.equal(pl.services.length, 2)
  assert.equal((await call('admin', 'POST', '/api/v1/platforms', { ...PLATFORM, credit_code: code })).status, 409)  // same name
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/platforms'))).items.length, 1)  // everyone signed in reads the register

  // Keys: scoped, shown once, only their hash kept.
  assert.equal((await call('admin', 'POST', `/api/v1/platforms/${pl.id}/keys`, { label: '推送', scopes: ['admin'] })).status, 422)
  assert.equal((await call('gongyi', 'POST', `/api/v1/platforms/${pl.id}/keys`, { label: '推送', scopes: ['cloud:push'] })).status, 403)
  const push = await ok(await call('admin', 'POST', `/api/v1/platforms/${pl.id}/keys`, { label: '上云推送', scopes: ['cloud:push'] }), 201)
  const read = await ok(await call('admin', 'POST', `/api/v1/platforms/${pl.id}/keys`, { label: '只读', scopes: ['cloud:read'] }), 201)
  assert.match(push.key, /^szp_[0-9a-f]{16}_/)
  const listed = await ok(await call('admin', 'GET', `/api/v1/platforms/${pl.id}/keys`))
  assert.equal(listed.items.length, 2)
  assert.ok(listed.items.every((k) => !('key' in k) && !JSON.stringify(k).includes(push.key.slice(22))))

  // The platform's interface takes keys, not sessions.
  const codes = []
  const providerCode = (await ok(await call('admin', 'GET', '/api/v1/providers/1'))).credit_code  // valid, not an enterprise
  for (const id of [1, 2, 3]) codes.push((await ok(await call('admin', 'GET', `/api/v1/enterprises/${id}`))).credit_code)
  const batch = { batch_id: '2025-06-A', items: [
    { credit_code: codes[0], service: '窑炉设备上云', since: '2025-03-01' },
    { credit_code: codes[1], service: '窑炉设备上云', since: '2025-04-01' },
    { credit_code: bad, service: '窑炉设备上云', since: '2025-04-01' },  // bad check character
    { credit_code: providerCode, service: '窑炉设备上云', since: '2025-04-01' },
  ] }
  assert.equal((await withKey(null, 'POST', '/api/v1/platform-api/cloud-batches', batch)).status, 401)
  assert.equal((await server.call('POST', '/api/v1/platform-api/cloud-batches', { token: t.admin, body: batch })).status, 401)  // a session is not a key
  assert.equal((await withKey(push.key.slice(0, -2) + 'xx', 'POST', '/api/v1/platform-api/cloud-batches', batch)).status, 401)
  assert.equal((await withKey(read.key, 'POST', '/api/v1/platform-api/cloud-batches', batch)).status, 403)  // read-only key
  assert.equal((await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', { ...batch, batch_id: 'a b' })).status, 422)
  assert.equal((await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', { batch_id: 'x', items: [] })).status, 422)
  assert.equal((await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', { batch_id: 'x', items: [{ credit_code: codes[0], service: 's', since: '2025-02-30' }] })).status, 422)
  assert.equal((await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', '{"batch_id":')).status, 400)

  const before = await cloudCount()
  const before4 = await indicator4()
  const first = await ok(await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', batch), 201)
  assert.deepEqual([first.accepted, first.rejected, first.replay], [2, 2, false])
  assert.equal(await indicator4(), before4)  // on the cloud, not (yet) transformed: not indicator 4
  assert.equal(first.items[2].status, 'rejected')
  assert.ok(first.items[2].reason.length > 0)
  assert.equal(first.items[3].reason, '不是平台登记的试点企业')
  assert.equal(await cloudCount(), before + 2)

  // The same batch again (in another order): the first answer, nothing counted twice.
  const again = await ok(await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', { ...batch, items: [...batch.items].reverse() }))
  assert.equal(again.replay, true)
  assert.deepEqual(again.items, first.items)
  assert.equal(await cloudCount(), before + 2)
  // The same batch id with different content is refused.
  const changed = { ...batch, items: [{ ...batch.items[0], since: '2025-03-02' }] }
  assert.equal((await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', changed)).status, 409)
  // A second batch reports a third enterprise and updates one already reported.
  await ok(await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', { batch_id: '2025-07-A', items: [
    { credit_code: codes[2], service: '能耗监测', since: '2025-07-01' }, { credit_code: codes[0], service: '能耗监测', since: '2025-03-01' }] }), 201)
  assert.equal(await cloudCount(), before + 3)
  const users = await ok(await withKey(read.key, 'GET', '/api/v1/platform-api/cloud-users?page_size=10'))
  assert.equal(users.total, 3)
  assert.equal(users.items.find((u) => u.enterprise_id === 1).service, '能耗监测')
  assert.equal((await ok(await call('admin', 'GET', `/api/v1/platforms/${pl.id}`))).served_enterprises, 3)
  assert.equal((await ok(await call('admin', 'GET', `/api/v1/platforms/${pl.id}/batches`))).items.length, 2)

  // 标识解析二级节点 (三(七)): a dated, evidenced record on the platform's profile.
  const node = { name: '耐材行业标识解析二级节点', prefix: '88.166.41', industry: 'refractories', on: '2025-08-06',
    decided_by: '中国信息通信研究院', evidence: '二级节点接入批复（2025年8月）' }
  assert.equal((await call('gongyi', 'POST', `/api/v1/platforms/${pl.id}/identifier-nodes`, node)).status, 403)
  for (const [bad, field] of [[{ prefix: '88..1' }, 'prefix'], [{ prefix: 'abc' }, 'prefix'], [{ on: '2099-01-01' }, 'on'],
    [{ evidence: '' }, 'evidence'], [{ decided_by: '' }, 'decided_by'], [{ industry: 'steel' }, 'industry']]) {
    const r = await call('admin', 'POST', `/api/v1/platforms/${pl.id}/identifier-nodes`, { ...node, ...bad })
    assert.equal(r.status, 422, JSON.stringify(bad))
    assert.equal(r.json.error.field, field)
  }
  const saved = await ok(await call('admin', 'POST', `/api/v1/platforms/${pl.id}/identifier-nodes`, node), 201)
  assert.equal((await call('admin', 'POST', `/api/v1/platforms/${pl.id}/identifier-nodes`, node)).status, 409)  // prefix taken
  const profile = await ok(await call('qiye', 'GET', `/api/v1/platforms/${pl.id}`))
  assert.deepEqual(profile.identifier_nodes.map((n) => [n.id, n.prefix, n.approved_on, n.decided_by]),
    [[saved.id, '88.166.41', '2025-08-06', '中国信息通信研究院']])
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/identifier-nodes'))).items.length, 1)
  assert.equal((await call('gongyi', 'GET', `/api/v1/platforms/${pl.id}/users`)).status, 403)
  const e1 = await ok(await call('admin', 'GET', '/api/v1/enterprises/1'))
  assert.equal(e1.cloud, true)
  assert.equal(e1.cloud_since, '2025-03-01')  // the day the platform says it began to use it
  // A day still to come is refused, item by item.
  const future = await ok(await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', { batch_id: '2099-A', items: [
    { credit_code: codes[1], service: '能耗监测', since: '2099-01-01' }] }), 201)
  assert.equal(future.items[0].status, 'rejected')
  assert.match(future.items[0].reason, /晚于今天/)

  // Revoked: refused at once; a suspended platform cannot call either.
  const keyRow = listed.items.find((k) => k.label === '只读')
  await ok(await call('admin', 'POST', `/api/v1/platforms/${pl.id}/keys/${keyRow.id}/revoke`), 204)
  assert.equal((await call('admin', 'POST', `/api/v1/platforms/${pl.id}/keys/${keyRow.id}/revoke`)).status, 409)
  assert.equal((await withKey(read.key, 'GET', '/api/v1/platform-api/cloud-users')).status, 401)
  assert.ok((await ok(await call('admin', 'GET', `/api/v1/platforms/${pl.id}/keys`))).items.find((k) => k.id === keyRow.id).revoked_at)
  await ok(await call('admin', 'PATCH', `/api/v1/platforms/${pl.id}`, { status: 'suspended' }))
  assert.equal((await withKey(push.key, 'POST', '/api/v1/platform-api/cloud-batches', { ...batch, batch_id: 'late' })).status, 403)
  await ok(await call('admin', 'PATCH', `/api/v1/platforms/${pl.id}`, { status: 'active' }))

  // Every key use is in the audit trail, under the key's id, and the chain still verifies.
  const audit = await ok(await call('shenji', 'GET', '/api/v1/audit?action=platform.cloud_batch'))
  assert.equal(audit.items.length, 3)
  assert.equal(audit.items[0].actor.name, `platform:${push.key_id}`)
  assert.equal(audit.items[0].action_name, "上云用平台批次")
  assert.equal(cli(['audit', 'verify', '--db', server.db]).code, 0)
})

test('平台考评：评分项与满分来自数据，服务企业数由推送计算，优秀者列入奖励', async () => {
  const code = (await ok(await call('admin', 'GET', '/api/v1/enterprises/3'))).credit_code
  const pl = await ok(await call('admin', 'POST', '/api/v1/platforms', { ...PLATFORM, name: '铝加工平台', credit_code: code, industries: ['aluminium'] }), 201)
  const scores = { access: 20, knowledge: 20, apps: 20, satisfaction: 20 }
  assert.equal((await call('admin', 'POST', `/api/v1/platforms/${pl.id}/evaluations`, { period: '2025-12', scores: { ...scores, access: 21 } })).status, 422)
  assert.equal((await call('admin', 'POST', `/api/v1/platforms/${pl.id}/evaluations`, { period: '2025-12', scores: { access: 20 } })).status, 422)
  assert.equal((await call('admin', 'POST', `/api/v1/platforms/${pl.id}/evaluations`, { period: '2025-12', scores: { ...scores, served: 20 } })).status, 422)
  assert.equal((await call('admin', 'POST', `/api/v1/platforms/${pl.id}/evaluations`, { period: '2025-13', scores })).status, 422)
  assert.equal((await call('gongyi', 'POST', `/api/v1/platforms/${pl.id}/evaluations`, { period: '2025-12', scores })).status, 403)
  // No enterprises reported: 80 points, 良好 — not an award however good the rest is.
  const e = await ok(await call('admin', 'POST', `/api/v1/platforms/${pl.id}/evaluations`, { period: '2025-12', scores, note: '设备接入能力强' }), 201)
  assert.deepEqual([e.total, e.grade, e.award, e.scores.served, e.served_enterprises], [80, 'good', false, 0, 0])
  assert.equal((await call('admin', 'POST', `/api/v1/platforms/${pl.id}/evaluations`, { period: '2025-12', scores })).status, 409)
  // The first platform reported 3 enterprises: 20 × 3 ÷ 50 = 1 point.
  const first = (await ok(await call('admin', 'GET', '/api/v1/platforms'))).items.find((p) => p.name === PLATFORM.name)
  const e2 = await ok(await call('admin', 'POST', `/api/v1/platforms/${first.id}/evaluations`, { period: '2025-12', scores: { ...scores, satisfaction: 19 } }), 201)
  assert.deepEqual([e2.total, e2.scores.served, e2.served_enterprises], [80, 1, 3])
  const list = await ok(await call('qiye', 'GET', '/api/v1/platform-evaluations?period=2025-12'))
  assert.equal(list.items.length, 2)
  assert.equal(list.criteria.find((c) => c.code === 'served').computed, true)
  assert.equal(list.criteria.find((c) => c.code === 'served').full_at, 50)
  assert.equal(list.items.filter((i) => i.award).length, 0)
})

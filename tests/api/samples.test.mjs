// The N+X 样本库: sample enterprises proposed against the plan's five criteria, the experts' deliberation that selects
// them, and the industry's 需求清单 in versions — a confirmed version never changes and fills the N+X library.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'gongyi', 'xinmi', 'qiye', 'fuwushang', 'zhuanjia']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })
const MET = (evidence) => Object.fromEntries(['willing', 'stable', 'managed', 'ready', 'replicable'].map((c) => [c, { met: true, evidence: `${evidence}：${c}` }]))

test('样本企业：五项条件、推荐权限、专家审议选定（未满足条件者不能选定，整次审议不落库）', async () => {
  const criteria = await ok(await call('qiye', 'GET', '/api/v1/sample-criteria'))
  assert.deepEqual(criteria.items.map((c) => c.name), ['改造意愿强', '企业生产经营稳定', '经营管理基础好', '具备数字化改造基础', '样本易学易复制'])

  const propose = (who, body) => call(who, 'POST', '/api/v1/samples', { industry: 'refractories', note: '', ...body })
  assert.equal((await propose('qiye', { enterprise_id: 1, criteria: MET('x') })).status, 403)
  assert.equal((await propose('gongyi', { enterprise_id: 108, criteria: MET('x') })).status, 403)  // 新密's enterprise
  assert.equal((await propose('gongyi', { enterprise_id: 2, criteria: MET('x') })).status, 422)     // aluminium
  assert.equal((await propose('gongyi', { enterprise_id: 1, criteria: { willing: { met: true, evidence: 'x' } } })).status, 422)
  assert.equal((await propose('gongyi', { enterprise_id: 1, criteria: { ...MET('x'), stable: { met: true, evidence: ' ' } } })).status, 422)
  assert.equal((await propose('gongyi', { enterprise_id: 1, criteria: { ...MET('x'), luck: { met: true, evidence: 'x' } } })).status, 422)
  assert.equal((await propose('gongyi', { enterprise_id: 1, criteria: { ...MET('x'), stable: { met: 'yes', evidence: 'x' } } })).status, 422)
  const a = await ok(await propose('gongyi', { enterprise_id: 1, criteria: MET('窑炉改造意愿强，近三年营收稳定') }), 201)
  assert.deepEqual(a.unmet, [])
  assert.equal(a.status, 'proposed')
  const b = await ok(await propose('gongyi', { enterprise_id: 4, criteria: { ...MET('x'), stable: { met: false, evidence: '' } } }), 201)
  assert.deepEqual(b.unmet, ['企业生产经营稳定'])
  const c = await ok(await propose('admin', { enterprise_id: 7, criteria: MET('y') }), 201)
  assert.equal((await propose('admin', { enterprise_id: 7, criteria: MET('y') })).status, 409)

  const deliberate = (body) => call('admin', 'POST', '/api/v1/sample-deliberations', {
    industry: 'refractories', held_on: '2024-06-20', experts: ['张工', '李教授', '王高工'], minutes: '逐一审议推荐材料', ...body })
  assert.equal((await deliberate({ experts: ['张工', '李教授'], decisions: [] })).status, 422)
  assert.equal((await call('gongyi', 'POST', '/api/v1/sample-deliberations', { industry: 'refractories', held_on: '2024-06-20', experts: ['a', 'b', 'c'], minutes: 'x' })).status, 403)
  // Selecting the one that fails a criterion refuses the whole deliberation: nothing of it is written.
  assert.equal((await deliberate({ decisions: [{ sample_id: a.id, decision: 'selected' }, { sample_id: b.id, decision: 'selected' }] })).status, 409)
  assert.equal((await ok(await call('admin', 'GET', '/api/v1/sample-deliberations'))).items.length, 0)
  assert.equal((await ok(await call('admin', 'GET', '/api/v1/samples?industry=refractories'))).items.find((s) => s.id === a.id).status, 'proposed')
  assert.equal((await deliberate({ decisions: [{ sample_id: b.id, decision: 'rejected' }] })).status, 422)  // a rejection needs its reason
  const d = await ok(await deliberate({ decisions: [
    { sample_id: a.id, decision: 'selected' }, { sample_id: b.id, decision: 'rejected', reason: '经营不稳定' },
    { sample_id: c.id, decision: 'selected' }] }), 201)
  assert.deepEqual(d.experts, ['张工', '李教授', '王高工'])
  assert.equal((await deliberate({ decisions: [{ sample_id: a.id, decision: 'rejected', reason: '改主意' }] })).status, 409)
  const list = await ok(await call('zhuanjia', 'GET', '/api/v1/samples?industry=refractories'))
  assert.deepEqual(list.items.map((s) => [s.enterprise.id, s.status, s.deliberation_id]), [[1, 'selected', d.id], [4, 'rejected', d.id], [7, 'selected', d.id]])
  assert.equal((await call('fuwushang', 'GET', '/api/v1/samples')).status, 403)
  assert.equal((await call('qiye', 'GET', '/api/v1/sample-deliberations')).status, 403)
})

test('“N+X”需求清单：版本、确定后不可改、与上一版的差异、确定后进入场景库', async () => {
  const samples = (await ok(await call('admin', 'GET', '/api/v1/samples?industry=refractories'))).items
  const selected = samples.filter((s) => s.status === 'selected').map((s) => s.id)
  const rejected = samples.find((s) => s.status === 'rejected').id
  const N = [{ kind: 'N', name: '窑炉智能排产', category: 'scheduling' }, { kind: 'N', name: '耐材质量在线检测', category: 'quality' }]
  const X = { kind: 'X', name: '隧道窑温度场优化', category: 'process_control', samples: [selected[0]] }
  const draft = (items, who = 'admin') => call(who, 'POST', '/api/v1/demand-lists', { industry: 'refractories', items, note: '第一轮调研' })
  assert.equal((await draft([X])).status, 422)                                     // no common scenario
  assert.equal((await draft([...N, { ...X, samples: [] }])).status, 422)           // X untraced
  assert.equal((await draft([...N, { ...X, samples: [rejected] }])).status, 422)   // not a selected sample
  assert.equal((await draft([...N, { ...X, category: 'painting' }])).status, 422)
  assert.equal((await draft([...N, N[0]])).status, 422)                            // duplicate name
  assert.equal((await draft([...N, X], 'gongyi')).status, 403)
  assert.equal((await call('admin', 'POST', '/api/v1/demand-lists', { industry: 'steel', items: [...N] })).status, 422)
  const v1 = await ok(await draft([...N, X]), 201)
  assert.deepEqual([v1.version, v1.status], [1, 'draft'])
  assert.deepEqual(v1.changes.added, ['窑炉智能排产', '耐材质量在线检测', '隧道窑温度场优化'])
  // Whose need an X scenario came from is named for every reader.
  const x = v1.items.find((i) => i.kind === 'X')
  assert.deepEqual(x.sample_enterprises.map((s) => s.id), [selected[0]])
  assert.ok(x.sample_enterprises[0].enterprise_name.length > 0)

  const delib = (await ok(await call('admin', 'GET', '/api/v1/sample-deliberations?industry=refractories'))).items[0]
  const other = await ok(await call('admin', 'POST', '/api/v1/sample-deliberations', { industry: 'aluminium', held_on: '2024-06-21', experts: ['a', 'b', 'c'], minutes: '铝行业' }), 201)
  assert.equal((await call('admin', 'POST', `/api/v1/demand-lists/${v1.id}/confirm`, { deliberation_id: other.id })).status, 422)
  assert.equal((await call('gongyi', 'POST', `/api/v1/demand-lists/${v1.id}/confirm`, { deliberation_id: delib.id })).status, 403)
  const libBefore = (await ok(await call('admin', 'GET', '/api/v1/scenarios?industry=refractories'))).items.length
  const c1 = await ok(await call('admin', 'POST', `/api/v1/demand-lists/${v1.id}/confirm`, { deliberation_id: delib.id }))
  assert.equal(c1.status, 'confirmed')
  assert.equal((await call('admin', 'POST', `/api/v1/demand-lists/${v1.id}/confirm`, { deliberation_id: delib.id })).status, 409)
  const lib = (await ok(await call('fuwushang', 'GET', '/api/v1/scenarios?industry=refractories'))).items
  assert.equal(lib.length, libBefore + 3)
  assert.equal(lib.find((s) => s.name === '隧道窑温度场优化').kind, 'X')

  // Version 2 changes one scenario and drops another; a third draft makes version 2 no longer the latest.
  const v2 = await ok(await draft([{ ...N[0], description: '按订单交期排产' }, X, { kind: 'N', name: '设备预测性维护', category: 'maintenance' }]), 201)
  assert.equal(v2.version, 2)
  assert.equal(v2.previous_version, 1)
  assert.deepEqual(v2.changes, { added: ['设备预测性维护'], removed: ['耐材质量在线检测'], changed: ['窑炉智能排产'] })
  const v3 = await ok(await draft([...N, X]), 201)
  assert.equal((await call('admin', 'POST', `/api/v1/demand-lists/${v2.id}/confirm`, { deliberation_id: delib.id })).status, 409)
  await ok(await call('admin', 'POST', `/api/v1/demand-lists/${v3.id}/confirm`, { deliberation_id: delib.id }))
  // Everyone signed in reads the lists (providers build products from them); version 1 is as it was confirmed.
  const all = await ok(await call('fuwushang', 'GET', '/api/v1/demand-lists?industry=refractories'))
  assert.deepEqual(all.items.map((l) => [l.version, l.status]), [[3, 'confirmed'], [2, 'draft'], [1, 'confirmed']])
  assert.deepEqual((await ok(await call('qiye', 'GET', `/api/v1/demand-lists/${v1.id}`))).items, c1.items)
  assert.equal((await call('admin', 'GET', '/api/v1/demand-lists/999')).status, 404)
})

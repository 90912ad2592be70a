// Records the plan counts beside enterprises: 链式 models, smart-factory recognitions, 小微企业园, trainings with
// attendance — who may record them, and the tally by industry that feeds the target matrix.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'gongyi', 'xinmi', 'qiye']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })

test('链式模式、认定、园区、培训：登记权限与按行业统计', async () => {
  assert.equal((await call('gongyi', 'POST', '/api/v1/chain-models', { name: 'x', industry: 'aluminium', lead_name: 'x', members: [1] })).status, 403)
  assert.equal((await call('admin', 'POST', '/api/v1/chain-models', { name: '铝加工链', industry: 'aluminium', lead_name: '链主', members: [] })).status, 422)
  assert.equal((await call('admin', 'POST', '/api/v1/chain-models', { name: '铝加工链', industry: 'nothing', lead_name: '链主', members: [1] })).status, 422)
  await ok(await call('admin', 'POST', '/api/v1/chain-models', { name: '巩义铝加工链式改造', industry: 'aluminium', lead_enterprise_id: 2,
    provider_id: 1, scenarios: ['供应链协同'], status: 'operating', recognized_by_miit: true, members: [3, 4, 5] }), 201)
  const chains = await ok(await call('qiye', 'GET', '/api/v1/chain-models'))
  assert.deepEqual(chains.items[0].members, [3, 4, 5])
  assert.equal(chains.items[0].member_names.length, 3)
  assert.ok(chains.items[0].member_names.every((n) => n.length > 0))
  assert.ok(chains.items[0].lead_name.length > 0)  // taken from the lead enterprise

  // A district records recognitions for its own enterprises only.
  assert.equal((await call('gongyi', 'POST', '/api/v1/recognitions', { enterprise_id: 108, kind: 'factory', level: 'provincial', name: 'x', recognized_on: '2025-06-01' })).status, 403)
  assert.equal((await call('gongyi', 'POST', '/api/v1/recognitions', { enterprise_id: 1, kind: 'palace', level: 'provincial', name: 'x', recognized_on: '2025-06-01' })).status, 422)
  await ok(await call('gongyi', 'POST', '/api/v1/recognitions', { enterprise_id: 1, kind: 'workshop', level: 'provincial', name: '河南省智能车间', recognized_on: '2025-06-01' }), 201)
  await ok(await call('xinmi', 'POST', '/api/v1/recognitions', { enterprise_id: 108, kind: 'factory', level: 'national', name: '国家级智能工厂', recognized_on: '2025-09-01' }), 201)
  assert.equal((await call('qiye', 'POST', '/api/v1/recognitions', { enterprise_id: 108, kind: 'factory', level: 'national', name: 'x', recognized_on: '2025-09-01' })).status, 403)

  assert.equal((await call('gongyi', 'POST', '/api/v1/parks', { name: 'x', district: '410183', industry: 'refractories', recognized_on: '2025-01-01', enterprises: 1 })).status, 403)
  await ok(await call('xinmi', 'POST', '/api/v1/parks', { name: '新密耐材小微企业园', district: '410183', industry: 'refractories', recognized_on: '2025-03-01', enterprises: 26 }), 201)

  const training = await ok(await call('admin', 'POST', '/api/v1/trainings', { title: '数字化转型管理人员培训', audience: 'management', held_on: '2025-04-10', place: '郑州' }), 201)
  await ok(await call('gongyi', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 1, people: 3 }), 204)
  await ok(await call('xinmi', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 108, people: 2 }), 204)
  await ok(await call('xinmi', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 108, people: 4 }), 204)  // corrected
  assert.equal((await call('xinmi', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 1, people: 1 })).status, 403)
  assert.equal((await call('admin', 'PUT', '/api/v1/trainings/999/attendance', { enterprise_id: 1, people: 1 })).status, 404)

  const recs = await ok(await call('qiye', 'GET', '/api/v1/recognitions?enterprise_id=108'))
  assert.ok(recs.items[0].enterprise_name.length > 0)
  const tally = await ok(await call('qiye', 'GET', '/api/v1/records/tally'))
  assert.equal(tally.chain_models.aluminium, 1)
  assert.equal(tally.smart_factories.total, 2)
  assert.equal(tally.smart_factories.refractories, 2)  // enterprises 1 and 108 are both refractories
  assert.equal(tally.parks.refractories, 1)
  assert.deepEqual(tally.training, { sessions: 1, enterprises: 2, people: 7 })
})

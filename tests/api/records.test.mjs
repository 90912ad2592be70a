// Records the plan counts beside enterprises: 链式 models (counted once built, supported once 工信部 recognised them),
// smart-factory recognitions (while the enterprise stays in the pilot), 小微企业园 (counted once transformed), 小灯塔
// designations and 数字工坊, trainings with attendance — each a dated decision with evidence and who made it; who may
// record them, and the tally by industry that feeds the target matrix.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, ok } from './harness.mjs'

let server, t
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'gongyi', 'xinmi', 'qiye', 'shenji']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })
const progress = async (q = '') => ok(await call('admin', 'GET', `/api/v1/stats/progress${q}`))
const indicator = async (no, q = '') => (await progress(q)).indicators.find((i) => i.no === no).total.actual
const DECISION = { on: '2025-10-10', decided_by: '郑州市工业和信息化局', evidence: '郑工信〔2025〕118号 建成验收意见' }

// Every way a decision's fields can be wrong is refused with the field named, and nothing is written.
async function refusesBadDecisions(who, path, extra = {}) {
  for (const [bad, field] of [[{ on: '2025-02-30' }, 'on'], [{ on: '2099-01-01' }, 'on'], [{ decided_by: '' }, 'decided_by'],
    [{ evidence: '' }, 'evidence'], [{ evidence: 'x'.repeat(501) }, 'evidence'], [{ colour: 'red' }, 'colour']]) {
    const r = await call(who, 'POST', path, { ...DECISION, ...extra, ...bad })
    assert.equal(r.status, 422, `${path} ${JSON.stringify(bad)}: ${r.text}`)
    assert.equal(r.json.error.field, field)
    assert.match(r.json.error.message, /[\u4e00-\u9fff]/)
  }
}

test('链式模式：登记后建设中不计；建成（日期、决定单位、佐证）后自其日计入指标9；建成后方可登记工信部认定', async () => {
  assert.equal((await call('gongyi', 'POST', '/api/v1/chain-models', { name: 'x', industry: 'aluminium', lead_name: 'x', members: [1] })).status, 403)
  assert.equal((await call('admin', 'POST', '/api/v1/chain-models', { name: '铝加工链', industry: 'aluminium', lead_name: '链主', members: [] })).status, 422)
  assert.equal((await call('admin', 'POST', '/api/v1/chain-models', { name: '铝加工链', industry: 'nothing', lead_name: '链主', members: [1] })).status, 422)
  // Built and recognised are decisions recorded on their own day, never flags the creator sends.
  for (const flag of [{ status: 'operating' }, { recognized_by_miit: true }])
    assert.equal((await call('admin', 'POST', '/api/v1/chain-models', { name: '铝加工链', industry: 'aluminium', lead_enterprise_id: 2, members: [3], ...flag })).status, 422)
  const before9 = await indicator(9)
  const chain = await ok(await call('admin', 'POST', '/api/v1/chain-models', { name: '巩义铝加工链式改造', industry: 'aluminium', lead_enterprise_id: 2,
    provider_id: 1, scenarios: ['供应链协同'], members: [3, 4, 5] }), 201)
  const listed = async () => (await ok(await call('qiye', 'GET', '/api/v1/chain-models'))).items.find((m) => m.id === chain.id)
  let m = await listed()
  assert.deepEqual(m.members, [3, 4, 5])
  assert.equal(m.member_names.length, 3)
  assert.ok(m.member_names.every((n) => n.length > 0))
  assert.ok(m.lead_name.length > 0)  // taken from the lead enterprise
  assert.deepEqual([m.status, m.status_name, m.completed, m.miit], ['building', '建设中', null, null])
  assert.equal(await indicator(9), before9, 'a model being built does not count')

  const path = `/api/v1/chain-models/${chain.id}`
  const early = await call('admin', 'POST', `${path}/miit-recognition`, { ...DECISION, decided_by: '工业和信息化部' })
  assert.equal(early.status, 409)
  assert.match(early.json.error.message, /尚未建成/)
  assert.equal((await call('gongyi', 'POST', `${path}/completion`, DECISION)).status, 403)
  await refusesBadDecisions('admin', `${path}/completion`)
  assert.equal((await call('admin', 'POST', '/api/v1/chain-models/999/completion', DECISION)).status, 404)
  const done = await ok(await call('admin', 'POST', `${path}/completion`, DECISION))
  assert.deepEqual([done.status_name, done.completed.on, done.completed.decided_by, done.completed.evidence],
    ['已建成', '2025-10-10', '郑州市工业和信息化局', '郑工信〔2025〕118号 建成验收意见'])
  assert.equal(done.completed.recorded_by_name, '市工信局管理员')
  assert.equal((await call('admin', 'POST', `${path}/completion`, DECISION)).status, 409)  // once
  assert.equal(await indicator(9), before9 + 1)
  assert.equal(await indicator(9, '?year=2025'), before9 + 1)
  assert.equal(await indicator(9, '?year=2024'), 0)  // built after that stage's end
  const items = await ok(await call('admin', 'GET', '/api/v1/stats/progress/items?metric=chains'))
  assert.equal(items.items.find((i) => i.id === chain.id).on, '2025-10-10')

  const miit = { on: '2026-06-18', decided_by: '工业和信息化部', evidence: '工信厅企业函〔2026〕152号 典型案例名单' }
  assert.equal((await call('admin', 'POST', `${path}/miit-recognition`, { ...miit, on: '2025-10-01' })).status, 422)  // before it was built
  m = await ok(await call('admin', 'POST', `${path}/miit-recognition`, miit))
  assert.equal(m.miit.decided_by, '工业和信息化部')
  assert.equal((await call('admin', 'POST', `${path}/miit-recognition`, miit)).status, 409)
  const audit = await ok(await call('shenji', 'GET', `/api/v1/audit?entity_type=chain&entity_id=${chain.id}`))
  assert.deepEqual(audit.items.map((a) => a.action).sort(), ['chain.complete', 'chain.create', 'chain.recognize'])
  const tally = await ok(await call('qiye', 'GET', '/api/v1/records/tally'))
  assert.equal(tally.chain_models.aluminium, 1)
  assert.equal(tally.miit_chain_cases, 1)
})

test('认定：区县只登记本区县企业的；企业退出试点后其认定不再计入指标5（退出前的阶段仍计）', async () => {
  assert.equal((await call('gongyi', 'POST', '/api/v1/recognitions', { enterprise_id: 108, kind: 'factory', level: 'provincial', name: 'x', recognized_on: '2025-06-01' })).status, 403)
  assert.equal((await call('gongyi', 'POST', '/api/v1/recognitions', { enterprise_id: 10, kind: 'palace', level: 'provincial', name: 'x', recognized_on: '2025-06-01' })).status, 422)
  await ok(await call('gongyi', 'POST', '/api/v1/recognitions', { enterprise_id: 10, kind: 'workshop', level: 'provincial', name: '河南省智能车间', recognized_on: '2025-06-01' }), 201)
  await ok(await call('xinmi', 'POST', '/api/v1/recognitions', { enterprise_id: 108, kind: 'factory', level: 'national', name: '国家级智能工厂', recognized_on: '2025-09-01' }), 201)
  assert.equal((await call('qiye', 'POST', '/api/v1/recognitions', { enterprise_id: 108, kind: 'factory', level: 'national', name: 'x', recognized_on: '2025-09-01' })).status, 403)
  const recs = await ok(await call('qiye', 'GET', '/api/v1/recognitions?enterprise_id=108'))
  assert.ok(recs.items[0].enterprise_name.length > 0)
  assert.equal(await indicator(5), 2)
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/records/tally'))).smart_factories.refractories, 2)  // 10 and 108

  // Enterprise 10 leaves the pilot today: its workshop no longer counts; the 2025 stage, over before, keeps it.
  const w = await ok(await call('gongyi', 'POST', '/api/v1/enterprises/10/withdrawals', { reason: '企业迁出' }), 201)
  await ok(await call('admin', 'POST', `/api/v1/withdrawals/${w.id}/approve`, {}))
  assert.equal(await indicator(5), 1)
  assert.equal(await indicator(5, '?year=2025'), 2)
  const listed = await ok(await call('admin', 'GET', '/api/v1/stats/progress/items?metric=smart&as_of=2025-12-31'))
  assert.match(listed.items.find((i) => i.name === '河南省智能车间').detail, new RegExp(`退出试点`))
  assert.equal((await ok(await call('admin', 'GET', '/api/v1/stats/progress/items?metric=smart'))).total, 1)
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/records/tally'))).smart_factories.total, 1)
})

test('小微企业园：登记后未完成改造不计；区县或市级登记改造完成（日期、佐证）后自其日计入指标10', async () => {
  assert.equal((await call('gongyi', 'POST', '/api/v1/parks', { name: 'x', district: '410183', industry: 'refractories', recognized_on: '2025-01-01', enterprises: 1 })).status, 403)
  const park = await ok(await call('xinmi', 'POST', '/api/v1/parks', { name: '新密耐材小微企业园', district: '410183', industry: 'refractories', recognized_on: '2025-03-01', enterprises: 26 }), 201)
  assert.equal(await indicator(10), 0, 'registered, not transformed')
  let listed = (await ok(await call('qiye', 'GET', '/api/v1/parks'))).items.find((k) => k.id === park.id)
  assert.equal(listed.transformed, null)
  const path = `/api/v1/parks/${park.id}/transformation`
  assert.equal((await call('gongyi', 'POST', path, DECISION)).status, 403)  // another district's park
  assert.equal((await call('qiye', 'POST', path, DECISION)).status, 403)
  await refusesBadDecisions('xinmi', path)
  assert.equal((await call('xinmi', 'POST', path, { ...DECISION, on: '2025-02-01' })).status, 422)  // before it was a park
  const done = await ok(await call('xinmi', 'POST', path, { ...DECISION, decided_by: '新密市人民政府', evidence: '园区数字化改造验收报告' }))
  assert.equal(done.transformed.on, '2025-10-10')
  assert.equal((await call('admin', 'POST', path, DECISION)).status, 409)
  assert.equal(await indicator(10), 1)
  assert.equal(await indicator(10, '?year=2024'), 0)
  listed = (await ok(await call('qiye', 'GET', '/api/v1/parks'))).items.find((k) => k.id === park.id)
  assert.equal(listed.transformed.decided_by, '新密市人民政府')
  const tally = await ok(await call('qiye', 'GET', '/api/v1/records/tally'))
  assert.deepEqual([tally.parks.refractories, tally.parks_registered], [1, 1])
})

test('“小灯塔”企业与数字工坊（方案三(一)）：认定日期、决定单位、佐证；数字工坊由“小灯塔”企业牵头', async () => {
  const designation = { enterprise_id: 13, on: '2025-07-08', decided_by: '郑州市工业和信息化局', evidence: '郑工信〔2025〕76号', note: '第一批' }
  assert.equal((await call('gongyi', 'POST', '/api/v1/lighthouses', designation)).status, 403)
  await refusesBadDecisions('admin', '/api/v1/lighthouses', { enterprise_id: 13 })
  assert.equal((await call('admin', 'POST', '/api/v1/lighthouses', { ...designation, enterprise_id: 99999 })).status, 422)
  const workshop = { name: '耐材数字工坊', lead_enterprise_id: 13, partners: '中国移动郑州分公司', provider_id: 1, on: '2025-10-16',
    decided_by: '郑州市工业和信息化局', evidence: '数字工坊建设备案' }
  const early = await call('admin', 'POST', '/api/v1/digital-workshops', workshop)
  assert.equal(early.status, 409)  // not a 小灯塔 yet
  assert.match(early.json.error.message, /小灯塔/)
  const l = await ok(await call('admin', 'POST', '/api/v1/lighthouses', designation), 201)
  assert.equal(l.designated.on, '2025-07-08')
  assert.ok(l.enterprise_name.length > 0)
  assert.equal((await call('admin', 'POST', '/api/v1/lighthouses', designation)).status, 409)  // one per enterprise
  assert.equal((await call('admin', 'POST', '/api/v1/digital-workshops', { ...workshop, on: '2025-07-01' })).status, 422)  // before the designation
  assert.equal((await call('admin', 'POST', '/api/v1/digital-workshops', { ...workshop, partners: '' })).status, 422)
  assert.equal((await call('admin', 'POST', '/api/v1/digital-workshops', { ...workshop, provider_id: 9999 })).status, 422)
  const ws = await ok(await call('admin', 'POST', '/api/v1/digital-workshops', workshop), 201)
  assert.equal(ws.lead_name, l.enterprise_name)
  assert.equal(ws.provider_name.length > 0, true)
  // Where users look: the enterprise's own records, and the city's.
  const mine = await ok(await call('gongyi', 'GET', '/api/v1/lighthouses?enterprise_id=13'))
  assert.deepEqual(mine.items.map((x) => [x.enterprise_id, x.designated.decided_by, x.designated.evidence]), [[13, '郑州市工业和信息化局', '郑工信〔2025〕76号']])
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/digital-workshops?enterprise_id=13'))).items[0].established.on, '2025-10-16')
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/lighthouses?enterprise_id=14'))).items.length, 0)
  const tally = await ok(await call('qiye', 'GET', '/api/v1/records/tally'))
  assert.deepEqual([tally.lighthouses, tally.digital_workshops], [1, 1])
  const audit = await ok(await call('shenji', 'GET', '/api/v1/audit?action=lighthouse.designate'))
  assert.equal(audit.items[0].action_name, '认定“小灯塔”企业')
})

test('培训与参训企业', async () => {
  const training = await ok(await call('admin', 'POST', '/api/v1/trainings', { title: '数字化转型管理人员培训', audience: 'management', held_on: '2025-04-10', place: '郑州' }), 201)
  await ok(await call('gongyi', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 1, people: 3 }), 204)
  await ok(await call('xinmi', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 108, people: 2 }), 204)
  await ok(await call('xinmi', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 108, people: 4 }), 204)  // corrected
  assert.equal((await call('xinmi', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 1, people: 1 })).status, 403)
  assert.equal((await call('admin', 'PUT', '/api/v1/trainings/999/attendance', { enterprise_id: 1, people: 1 })).status, 404)
  const r = await call('admin', 'PUT', `/api/v1/trainings/${training.id}/attendance`, { enterprise_id: 1, people: 1001 })
  assert.equal(r.status, 422)
  assert.match(r.json.error.message, /参训人数应在 1 至 1000 人/)
  const tally = await ok(await call('qiye', 'GET', '/api/v1/records/tally'))
  assert.deepEqual(tally.training, { sessions: 1, enterprises: 2, people: 7 })
})

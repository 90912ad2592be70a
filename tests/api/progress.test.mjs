// 数据驾驶舱: the plan's targets against live figures, counted as DOMAIN.md defines them, kept current on write;
// every drill-down lists exactly the enterprises behind its figure.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, cli } from './harness.mjs'

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

const progress = async (token, q = '') => (await server.call('GET', `/api/v1/stats/progress${q}`, { token })).json
const indicator = (p, no) => p.indicators.find((i) => i.no === no)
const drill = async (token, q) => (await server.call('GET', `/api/v1/stats/progress/enterprises?page_size=100&${q}`, { token })).json
const drillItems = async (token, q) => (await server.call('GET', `/api/v1/stats/progress/items?page_size=100&${q}`, { token })).json
// The list behind an indicator's figure: enterprises or items, as the indicator says.
const behind = (token, ind, q) => (ind.drill === 'items' ? drillItems : drill)(token, `metric=${ind.metric}${q}`)

async function reachLevel(token, enterprise, scenes, answers) {
  const a = await server.call('POST', `/api/v1/enterprises/${enterprise}/assessments`, { token, body: { kind: 'self' } })
  assert.equal(a.status, 201, a.text)
  assert.equal((await server.call('PUT', `/api/v1/assessments/${a.json.id}`, { token, body: { answers, scenes } })).status, 200)
  assert.equal((await server.call('POST', `/api/v1/assessments/${a.json.id}/submit`, { token })).status, 200)
}
const TWO = {
  answers: { 1: ['B'], 5: ['E'], 8: ['F'], 11: ['E'], 12: ['C'], 13: ['C'], 14: ['C'], 15: ['C'] },
  scenes: { 产品设计: 2, 营销管理: 2, 质量管理: 2, 工艺设计: 2, 售后服务: 2, 计划排程: 2 },
}

test('目标与附件合计；按区县排名；权限：区县只看本区县，企业与专家不可见', async () => {
  const p = await progress(admin)
  assert.equal(p.scope, 'city')
  assert.equal(indicator(p, 1).total.target, 440)
  assert.equal(indicator(p, 1).by_industry.auto_parts.target, 110)
  assert.equal(indicator(p, 11).total.target, 3.25)
  // Every indicator is counted now: 1–4 and 11–12 over enterprises, 5–10 over the items the other areas keep.
  assert.deepEqual(p.indicators.filter((i) => !i.supported).map((i) => i.no), [])
  assert.deepEqual(p.indicators.filter((i) => i.drill === 'items').map((i) => i.no), [5, 6, 7, 8, 9, 10])
  assert.equal(indicator(p, 6).total.actual, 1)  // the bare demo's admitted provider, 在郑
  assert.equal(p.pipeline.pilot, 440)
  assert.equal(p.districts.length, 16)
  const gy = p.districts.find((d) => d.district.code === '410181')
  assert.deepEqual(gy.target, { total: 107, y2024: 55, y2025: 52 })
  assert.deepEqual(gy.pilot, { total: 107, y2024: 55, y2025: 52 })
  const own = await progress(gongyi)
  assert.equal(own.scope, 'district')
  assert.deepEqual(own.districts.map((d) => d.district.code), ['410181'])
  assert.equal(own.pipeline.pilot, 107)
  assert.equal(indicator(own, 1).total.target, null)  // city-wide industry targets are not set against one district
  assert.equal(indicator(own, 6).total.actual, null)  // providers are counted city-wide, not per district
  assert.equal(indicator(own, 10).total.actual, 0)
  assert.equal((await server.call('GET', '/api/v1/stats/progress', { token: qiye })).status, 403)
  assert.equal((await server.call('GET', '/api/v1/stats/progress', { token: await server.login('zhuanjia') })).status, 403)
  assert.equal((await server.call('GET', '/api/v1/stats/progress?year=20x5', { token: admin })).status, 422)
})

test('写入后即时更新：评测达二级、规上、梯度、上云、研发投入、专利、退出', async () => {
  const before = await progress(admin)
  // Enterprise 1 (巩义, refractories, batch 2024) reaches 二级, becomes 规上 by revenue, 专精特新 and on the cloud.
  await reachLevel(admin, 1, TWO.scenes, TWO.answers)
  await server.call('PATCH', '/api/v1/enterprises/1', { token: gongyi, body: { tier: 'specialized', cloud: true, cloud_stars: 2 } })
  await server.call('PUT', '/api/v1/enterprises/1/years/2025', { token: gongyi,
    body: { revenue: 3000000000, employees: 200, rd_spending: 99000000, invention_patents: 3 } })
  await server.call('PUT', '/api/v1/enterprises/4/years/2025', { token: gongyi,
    body: { revenue: 1000000000, employees: 50, rd_spending: 20000000, invention_patents: 1 } })
  const after = await progress(admin, '?year=2025')
  const d = (no) => indicator(after, no).total.actual - (indicator(before, no).total.actual ?? 0)
  // 二级 by assessment alone is not 改造完成: indicators 1–3 count enterprises accepted (验收通过) at 二级, which
  // projects.test.mjs drives through a whole project.
  assert.equal(d(1), 0)
  assert.equal(d(2), 0)
  assert.equal(d(3), 0)
  assert.equal(after.pipeline.level2, before.pipeline.level2 + 1)
  assert.equal(d(4), 1)
  assert.equal(d(12), 4)
  // Weighted: (99,000,000 + 20,000,000) ÷ (3,000,000,000 + 1,000,000,000) = 2.975 % → 2.98
  assert.equal(indicator(after, 11).by_industry.refractories.actual, 2.98)
  assert.equal(indicator(after, 11).total.actual, 2.98)
  assert.equal(after.pipeline.assessed, before.pipeline.assessed + 1)
  const gy = after.districts.find((x) => x.district.code === '410181')
  assert.equal(gy.level2, 1)
  assert.equal(gy.accepted, 0)

  // A withdrawn enterprise leaves every count; its replacement counts for the same district.
  const w = await server.call('POST', '/api/v1/enterprises/1/withdrawals', { token: gongyi, body: { reason: '测试退出' } })
  await server.call('POST', `/api/v1/withdrawals/${w.json.id}/approve`, { token: admin, body: {} })
  const gone = await progress(admin, '?year=2025')
  assert.equal(indicator(gone, 1).total.actual, indicator(before, 1).total.actual)
  assert.equal(indicator(gone, 12).total.actual, 1)
  assert.equal(gone.pipeline.pilot, 439)
  assert.equal(gone.districts.find((x) => x.district.code === '410181').pilot.total, 106)
})

test('每个数字的明细行数等于该数字', async () => {
  // Some figures worth drilling into.
  for (const id of [108, 109, 110]) await reachLevel(admin, id, TWO.scenes, TWO.answers)
  await server.call('PATCH', '/api/v1/enterprises/109', { token: admin, body: { tier: 'innovative', cloud: true } })
  await server.call('PUT', '/api/v1/enterprises/110/years/2025', { token: admin,
    body: { revenue: 2500000000, employees: 90, rd_spending: 50000000, invention_patents: 2 } })
  // Items behind indicators 5, 9 and 10: recognitions (巩义 and 新密), a chain model led from 巩义, a park in 新密.
  const post = async (token, path, body) => assert.equal((await server.call('POST', path, { token, body })).status, 201)
  await post(gongyi, '/api/v1/recognitions', { enterprise_id: 1, kind: 'workshop', level: 'provincial', name: '河南省智能车间', recognized_on: '2025-06-01' })
  await post(admin, '/api/v1/recognitions', { enterprise_id: 108, kind: 'factory', level: 'national', name: '国家级智能工厂', recognized_on: '2025-09-01' })
  await post(admin, '/api/v1/chain-models', { name: '巩义耐材链式改造', industry: 'refractories', lead_enterprise_id: 2, members: [3, 4] })
  await post(admin, '/api/v1/parks', { name: '新密耐材小微企业园', district: '410183', industry: 'refractories', recognized_on: '2025-03-01', enterprises: 26 })
  const p = await progress(admin, '?year=2025')
  assert.equal(indicator(p, 5).by_industry.refractories.actual, 2)
  assert.equal(indicator(p, 9).total.actual, 1)
  assert.equal(indicator(p, 10).by_industry.refractories.actual, 1)
  let checked = 0
  for (const ind of p.indicators.filter((i) => i.supported && i.kind === 'count')) {
    for (const [industry, cell] of Object.entries(ind.by_industry)) {
      const list = await behind(admin, ind, `&industry=${industry}`)
      assert.equal(list.total, cell.actual, `${ind.name} ${industry}`)
      checked++
    }
    assert.equal((await behind(admin, ind, '')).total, ind.total.actual, `${ind.name} 合计`)
  }
  const smart = await drillItems(admin, 'metric=smart')
  assert.equal(smart.label, '认定')
  assert.ok(smart.items.some((i) => i.name === '国家级智能工厂' && i.district === '410183' && i.detail.includes('国家级智能工厂')))
  // A district's view counts its own recognitions and parks; city-wide counts are not split by district.
  const gyView = await progress(gongyi)
  assert.equal(indicator(gyView, 5).total.actual, 1)
  assert.equal(indicator(gyView, 9).total.actual, 1)
  assert.equal(indicator(gyView, 10).total.actual, 0)
  assert.equal((await drillItems(gongyi, 'metric=smart&district=410183')).total, 1)  // stays in 巩义
  assert.equal((await server.call('GET', '/api/v1/stats/progress/items?metric=providers', { token: gongyi })).status, 403)
  assert.equal((await server.call('GET', '/api/v1/stats/progress/items?metric=nothing', { token: admin })).status, 422)
  assert.equal((await server.call('GET', '/api/v1/stats/progress/items?metric=smart', { token: qiye })).status, 403)
  for (const d of p.districts) {
    assert.equal((await drill(admin, `metric=pilot&district=${d.district.code}`)).total, d.pilot.total)
    assert.equal((await drill(admin, `metric=pilot&district=${d.district.code}&batch=2024`)).total, d.pilot.y2024)
    assert.equal((await drill(admin, `metric=level2&district=${d.district.code}`)).total, d.level2)
    assert.equal((await drill(admin, `metric=accepted&district=${d.district.code}`)).total, d.accepted)
    assert.equal((await drill(admin, `metric=assessed&district=${d.district.code}`)).total, d.assessed)
  }
  // Sums: the listed values add up to the figure.
  const patents = await drill(admin, 'metric=patents')
  assert.equal(patents.items.reduce((s, i) => s + Number(i.value), 0), indicator(p, 12).total.actual)
  const rd = await drill(admin, 'metric=rd&year=2025')
  const [r, v] = rd.items.reduce(([a, b], i) => { const [x, y] = i.value.split('/').map(Number); return [a + x, b + y] }, [0, 0])
  assert.equal(Math.round((r * 10000) / v) / 100, indicator(p, 11).total.actual)
  assert.ok(checked >= 16)
  // A district officer's drill-down stays in the district whatever it asks for.
  const own = await drill(gongyi, 'metric=pilot&district=410183')
  assert.equal(own.total, 0)
  assert.equal((await drill(admin, 'metric=unknown')).total, undefined)
  assert.equal((await server.call('GET', '/api/v1/stats/progress/enterprises?metric=bogus', { token: admin })).status, 422)
  assert.equal((await server.call('GET', '/api/v1/stats/progress/enterprises?metric=rd', { token: admin })).status, 422)
})

test('导出数据驾驶舱为 Excel', async () => {
  const exp = await server.call('POST', '/api/v1/stats/progress/exports', { token: admin, body: { year: 2025 } })
  assert.equal(exp.status, 202)
  let job
  for (let i = 0; i < 100; i++) {
    job = (await server.call('GET', `/api/v1/jobs/${exp.json.job.id}`, { token: admin })).json
    if (['succeeded', 'failed'].includes(job.state)) break
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.equal(job.state, 'succeeded', job.error)
  const file = await fetch(server.base + job.result.download_url, { headers: { authorization: `Bearer ${admin}` } })
  assert.equal(file.status, 200)
  assert.equal((await server.call('POST', '/api/v1/stats/progress/exports', { token: qiye, body: {} })).status, 403)
})

test('完整演示数据：驾驶舱有评测、等级、规上、梯度、上云、研发投入与专利，且每个数字都有明细', async () => {
  const demo = await Server.start({ fullDemo: true })
  try {
    const token = await demo.login('admin')
    const p = (await demo.call('GET', '/api/v1/stats/progress', { token })).json
    assert.equal(p.pipeline.pilot, 440)
    assert.ok(p.pipeline.assessed > 100, `assessed ${p.pipeline.assessed}`)
    assert.ok(p.pipeline.level2 > 80 && p.pipeline.level2 < p.pipeline.assessed)
    for (const no of [1, 2, 3, 4, 11, 12]) assert.ok(indicator(p, no).total.actual > 0, `indicator ${no}`)
    assert.equal(p.year, 2025)
    // Indicator 8 stays 0 in the demo: only two accepted enterprises share an industry, fewer than a scenario needs
    // to count as 可复制可推广 (data/product-catalog.json) — the dashboard says so rather than inventing one.
    for (const no of [5, 6, 7, 9, 10]) assert.ok(indicator(p, no).total.actual > 0, `indicator ${no}`)
    assert.equal(indicator(p, 8).total.actual, 0)
    for (const ind of p.indicators.filter((i) => i.kind === 'count')) {
      const path = ind.drill === 'items' ? 'items' : 'enterprises'
      const list = (await demo.call('GET', `/api/v1/stats/progress/${path}?metric=${ind.metric}&page_size=1`, { token })).json
      assert.equal(list.total, ind.total.actual, ind.name)
    }
    assert.equal(demoCli(demo), 0)
  } finally {
    await demo.stop()
  }
})

function demoCli(s) {
  return cli(['audit', 'verify', '--db', s.db]).code
}

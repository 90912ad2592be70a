// 数据驾驶舱: the plan's targets against the figures, counted exactly as docs/counting-rules.md reads the plan, kept
// current on write in summary rows keyed by day; every drill-down lists exactly what is behind its figure, today and at
// a stage's end.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, allItems, cli, sql, ok, waitFor } from './harness.mjs'

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

const progress = async (token, q = '') => ok(await server.call('GET', `/api/v1/stats/progress${q}`, { token }))
const indicator = (p, no) => p.indicators.find((i) => i.no === no)
// A list's total may come from the same summaries as the figure it explains: each list is also held to its own rows.
const listed = (l) => {
  if (l.items) assert.equal(l.items.length, Math.min(l.total, 100), `a page of ${l.items.length} rows under a total of ${l.total}`)
  return l
}
const drill = async (token, q) => listed((await server.call('GET', `/api/v1/stats/progress/enterprises?page_size=100&${q}`, { token })).json)
const drillItems = async (token, q) => (await server.call('GET', `/api/v1/stats/progress/items?page_size=100&${q}`, { token })).json
// The list behind an indicator's figure: enterprises or items, as the indicator says; at the stage's end in a stage view.
const behind = (token, ind, q, view) => {
  const at = view?.year ? (ind.metric === 'patents' ? `&year=${view.patents_to}` : `&as_of=${view.figures_as_of}`) : ''
  const when = ind.metric === 'rd' ? `&year=${view.rd_year}` : at
  return (ind.drill === 'items' ? drillItems : drill)(token, `metric=${ind.metric}${q}${when}`)
}
const year = (token, id, y, body) => server.call('PUT', `/api/v1/enterprises/${id}/years/${y}`, { token, body })

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

test('目标与附件合计；区县按年度验收计；权限：区县只看本区县，企业与专家不可见', async () => {
  const p = await progress(admin)
  assert.equal(p.scope, 'city')
  assert.equal(p.year, null)  // today's figures
  assert.equal(p.figures_as_of, new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10))
  assert.equal(indicator(p, 1).total.target, 440)
  assert.equal(indicator(p, 1).by_industry.auto_parts.target, 110)
  assert.equal(indicator(p, 11).total.target, 3.25)
  assert.equal(indicator(p, 4).metric, 'cloud_accepted')  // 方案“其中”: among the transformed enterprises
  assert.match(indicator(p, 1).basis, /验收记录.*当前/)
  assert.deepEqual(p.indicators.filter((i) => !i.supported).map((i) => i.no), [])
  assert.deepEqual(p.indicators.filter((i) => i.drill === 'items').map((i) => i.no), [5, 6, 7, 8, 9, 10])
  assert.equal(indicator(p, 6).total.actual, 1)  // the bare demo's admitted provider, 在郑
  assert.equal(p.pipeline.pilot, 440)
  assert.equal(p.districts.length, 16)
  const gy = p.districts.find((d) => d.district.code === '410181')
  assert.deepEqual(gy.target, { total: 107, y2024: 55, y2025: 52 })
  assert.deepEqual(gy.pilot, { total: 107, batch_2024: 55, batch_2025: 52 })  // registrations by batch, not the annex's years
  assert.deepEqual(gy.accepted, { y2024: 0, y2025: 0, total: 0, now: 0 })
  const own = await progress(gongyi)
  assert.equal(own.scope, 'district')
  assert.deepEqual(own.districts.map((d) => d.district.code), ['410181'])
  assert.equal(own.pipeline.pilot, 107)
  assert.equal(indicator(own, 1).total.target, null)  // city-wide industry targets are not set against one district
  assert.equal(indicator(own, 6).total.actual, null)  // providers are counted city-wide, not per district
  assert.equal(indicator(own, 10).total.actual, 0)
  assert.equal((await server.call('GET', '/api/v1/stats/progress', { token: qiye })).status, 403)
  assert.equal((await server.call('GET', '/api/v1/stats/progress', { token: await server.login('zhuanjia') })).status, 403)
  for (const bad of ['20x5', '2023', '2099']) {
    const r = await server.call('GET', `/api/v1/stats/progress?year=${bad}`, { token: admin })
    assert.equal(r.status, 422, bad)
    assert.match(r.json.error.message, /[\u4e00-\u9fff]/)
  }
})

test('中小企业划型（工信部联企业〔2011〕300号）：以上含本数、以下不含；非中小企业在档案、列表与数据质量中标出', async () => {
  const e = async (id) => ok(await server.call('GET', `/api/v1/enterprises/${id}`, { token: gongyi }))
  assert.deepEqual([(await e(20)).is_sme, (await e(20)).sme_class], [null, ''])  // no yearly figures yet
  assert.match((await e(20)).sme_reason, /尚无年度数据/)
  const cases = [
    // id, employees, revenue (分), is_sme, class
    [20, 1200, 30_000_000_000, true, 'medium'],   // 1,200 people and 3亿元: revenue under 40000万元 → an SME
    [21, 1200, 50_000_000_000, false, 'large'],   // 1,200 people and 5亿元: both bounds reached → not an SME
    [22, 1000, 40_000_000_000, false, 'large'],   // exactly at both bounds: "以下" excludes its number
    [23, 999, 40_000_000_000, true, 'medium'],    // one person under
    [24, 1000, 39_999_999_999, true, 'medium'],   // one 分 under
    [25, 300, 2_000_000_000, true, 'medium'],     // 中型: 300人及以上 and 2000万元及以上, both inclusive
    [26, 300, 1_999_999_999, true, 'small'],      // one bound missed: down one class
    [27, 20, 300_000_000, true, 'small'],
    [28, 19, 20_000_000_000, true, 'micro'],      // 20人以下 → 微型 whatever the revenue
  ]
  for (const [id, employees, revenue, sme, cls] of cases) {
    ok(await year(gongyi, id, 2025, { revenue, employees, rd_spending: 1000, invention_patents: 0 }))
    const got = await e(id)
    assert.deepEqual([got.is_sme, got.sme_class, got.sme_year], [sme, cls, 2025], `enterprise ${id}`)
  }
  const large = await e(21)
  assert.equal(large.sme_class_name, '非中小企业')
  assert.match(large.sme_reason, /从业人员1200人、营业收入50000万元：从业人员不少于1000人且营业收入不低于40000万元，不属于中小企业/)
  assert.match(large.sme_reason, /工信部联企业〔2011〕300号/)
  assert.match((await e(20)).sme_reason, /营业收入低于40000万元，属中小企业（中型企业）/)
  // The latest year decides: a later year under the bounds makes it an SME again; an earlier one does not.
  ok(await year(gongyi, 22, 2023, { revenue: 100_000_000, employees: 10, rd_spending: 0, invention_patents: 0 }))
  assert.equal((await e(22)).sme_class, 'large')
  // Listed as such, found by the filter, and flagged by data quality.
  const list = ok(await server.call('GET', '/api/v1/enterprises?sme=large&page_size=50', { token: gongyi }))
  assert.deepEqual(list.items.map((x) => x.id).sort((a, b) => a - b), [21, 22])
  assert.equal(list.items[0].is_sme, false)
  assert.equal((await server.call('GET', '/api/v1/enterprises?sme=huge', { token: gongyi })).status, 422)
  const dq = ok(await server.call('GET', '/api/v1/data-quality', { token: admin }))
  const flagged = dq.checks.find((c) => c.code === 'not_sme')
  assert.equal(flagged.count, 2)
  assert.deepEqual(flagged.samples.map((s) => s.id).sort((a, b) => a - b), [21, 22])
  assert.ok(dq.checks.find((c) => c.code === 'sme_unknown').count > 400)
})

test('数值输入的合理范围：超出即 422 并写明字段与范围；汇总表按整数精确累加，写回原值后与明细一致', async () => {
  const before = await progress(admin, '?year=2025')
  const max = '9223372036854775807'
  const huge = `{"revenue":${max},"employees":${max},"rd_spending":${max},"invention_patents":${max}}`
  const r = await server.call('PUT', '/api/v1/enterprises/30/years/2025', { token: gongyi, body: huge })
  assert.equal(r.status, 422)
  assert.equal(r.json.error.field, 'revenue')
  assert.match(r.json.error.message, /营业收入（分）应在 0元 至 500亿元 之间/)
  for (const [field, value, text] of [['employees', 1000001, /从业人员（人）应在 0 至 1000000 人/], ['rd_spending', -1, /研发投入/],
    ['invention_patents', 100001, /新增发明专利（件）应在 0 至 100000 件/], ['revenue', 5_000_000_000_001, /500亿元/]]) {
    const body = { revenue: 1, employees: 1, rd_spending: 1, invention_patents: 1, [field]: value }
    const x = await server.call('PUT', '/api/v1/enterprises/30/years/2025', { token: gongyi, body })
    assert.equal(x.status, 422, field)
    assert.equal(x.json.error.field, field)
    assert.match(x.json.error.message, text)
  }
  assert.equal((await year(gongyi, 30, 2099, { revenue: 1, employees: 1, rd_spending: 1, invention_patents: 1 })).status, 422)
  assert.equal((await year(gongyi, 30, 2025, { revenue: 1.5, employees: 1, rd_spending: 1, invention_patents: 1 })).status, 422)
  // The largest allowed figures and back again: the district's sums are exact integers, not floating point.
  const top = { revenue: 5_000_000_000_000, employees: 1_000_000, rd_spending: 5_000_000_000_000, invention_patents: 100_000 }
  ok(await year(gongyi, 30, 2025, top))
  const mid = await progress(admin, '?year=2025')
  assert.equal(indicator(mid, 12).total.actual, indicator(before, 12).total.actual + 100_000)
  ok(await year(gongyi, 30, 2025, { revenue: 1_234_567_891, employees: 77, rd_spending: 45_678_901, invention_patents: 4 }))
  const after = await progress(admin, '?year=2025')
  assert.equal(indicator(after, 12).total.actual, indicator(before, 12).total.actual + 4)
  const rd = await drill(admin, 'metric=rd&year=2025&district=410181')
  const row = rd.items.find((i) => i.id === 30)
  assert.equal(row.value, '45678901/1234567891')
  const verify = cli(['stats', 'verify', '--db', server.db])
  assert.equal(verify.code, 0, verify.stdout + verify.stderr)
  assert.match(verify.stdout, /全部汇总表与明细记录一致/)
})

test('写入后即时更新：评测达二级、规上、梯度、上云、研发投入、专利、退出；阶段数不因阶段后的退出而改变', async () => {
  const before = await progress(admin, '?year=2024')
  const cloudBefore = (await drill(admin, 'metric=cloud&page_size=1')).total
  // Enterprise 1 (巩义, refractories, batch 2024) reaches 二级, becomes 规上 by revenue, 专精特新 and on the cloud.
  await reachLevel(admin, 1, TWO.scenes, TWO.answers)
  ok(await server.call('PATCH', '/api/v1/enterprises/1', { token: gongyi, body: { tier: 'specialized', cloud: true, cloud_stars: 2 } }))
  ok(await year(gongyi, 1, 2024, { revenue: 3000000000, employees: 200, rd_spending: 99000000, invention_patents: 3 }))
  ok(await year(gongyi, 4, 2024, { revenue: 1000000000, employees: 50, rd_spending: 20000000, invention_patents: 1 }))
  const after = await progress(admin, '?year=2024')
  const d = (no) => indicator(after, no).total.actual - (indicator(before, no).total.actual ?? 0)
  // 二级 by assessment alone is not 改造完成: indicators 1–4 count enterprises accepted (验收通过) at 二级, which
  // projects.test.mjs drives through a whole project; on the cloud is counted among them only.
  assert.deepEqual([d(1), d(2), d(3), d(4)], [0, 0, 0, 0])
  assert.equal((await drill(admin, 'metric=cloud&page_size=1')).total, cloudBefore + 1)
  assert.equal(ok(await server.call('GET', '/api/v1/enterprises/1', { token: gongyi })).cloud_since,
    new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10))
  assert.equal(after.pipeline.level2, before.pipeline.level2 + 1)
  assert.equal(d(12), 4)
  // Weighted: (99,000,000 + 20,000,000) ÷ (3,000,000,000 + 1,000,000,000) = 2.975 % → 2.98
  assert.equal(indicator(after, 11).by_industry.refractories.actual, 2.98)
  assert.equal(after.rd_year, 2024)
  assert.equal(after.pipeline.assessed, before.pipeline.assessed + 1)
  const gy = after.districts.find((x) => x.district.code === '410181')
  assert.equal(gy.level2, 1)
  assert.equal(gy.accepted.total, 0)

  // A withdrawn enterprise leaves today's counts; its replacement counts for the same district. Its 2024 figures
  // stay in the 2024 stage, which ended with it in the pilot.
  const w = await server.call('POST', '/api/v1/enterprises/1/withdrawals', { token: gongyi, body: { reason: '测试退出' } })
  await server.call('POST', `/api/v1/withdrawals/${w.json.id}/approve`, { token: admin, body: {} })
  const gone = await progress(admin, '?year=2024')
  assert.equal(indicator(gone, 12).total.actual, indicator(after, 12).total.actual)
  assert.equal(indicator(gone, 11).by_industry.refractories.actual, 2.98)
  assert.equal(gone.pipeline.pilot, 439)
  assert.equal(gone.districts.find((x) => x.district.code === '410181').pilot.total, 106)
  assert.equal((await drill(admin, 'metric=patents&year=2024&district=410181')).items.find((i) => i.id === 1).value, '3')
})

test('每个数字的明细行数等于该数字（当前与阶段末）', async () => {
  for (const id of [108, 109, 110]) await reachLevel(admin, id, TWO.scenes, TWO.answers)
  ok(await server.call('PATCH', '/api/v1/enterprises/109', { token: admin, body: { tier: 'innovative', cloud: true } }))
  ok(await year(admin, 110, 2025, { revenue: 2500000000, employees: 90, rd_spending: 50000000, invention_patents: 2 }))
  const post = async (token, path, body) => ok(await server.call('POST', path, { token, body }), 201)
  await post(gongyi, '/api/v1/recognitions', { enterprise_id: 7, kind: 'workshop', level: 'provincial', name: '河南省智能车间', recognized_on: '2025-06-01' })
  await post(admin, '/api/v1/recognitions', { enterprise_id: 108, kind: 'factory', level: 'national', name: '国家级智能工厂', recognized_on: '2025-09-01' })
  const chain = await post(admin, '/api/v1/chain-models', { name: '巩义耐材链式改造', industry: 'refractories', lead_enterprise_id: 2, members: [3, 4] })
  const decision = { decided_by: '郑州市工业和信息化局', evidence: '建成验收意见' }
  ok(await server.call('POST', `/api/v1/chain-models/${chain.id}/completion`, { token: admin, body: { ...decision, on: '2025-10-10' } }))
  const park = await post(admin, '/api/v1/parks', { name: '新密耐材小微企业园', district: '410183', industry: 'refractories', recognized_on: '2025-03-01', enterprises: 26 })
  ok(await server.call('POST', `/api/v1/parks/${park.id}/transformation`, { token: admin, body: { ...decision, on: '2025-11-20' } }))
  const p = await progress(admin)
  assert.equal(indicator(p, 5).by_industry.refractories.actual, 2)
  assert.equal(indicator(p, 9).total.actual, 1)
  assert.equal(indicator(p, 10).by_industry.refractories.actual, 1)
  let checked = 0
  for (const q of ['', '?year=2025', '?year=2024']) {
    const view = await progress(admin, q)
    for (const ind of view.indicators.filter((i) => i.supported && i.kind !== 'ratio')) {
      for (const [industry, cell] of Object.entries(ind.by_industry)) {
        const list = await behind(admin, ind, `&industry=${industry}`, view)
        if (ind.kind === 'sum') assert.equal(list.items.reduce((s, i) => s + Number(i.value), 0), cell.actual, `${ind.name} ${industry} ${q}`)
        else assert.equal(list.total, cell.actual, `${ind.name} ${industry} ${q}`)
        checked++
      }
      if (ind.kind === 'count') assert.equal((await behind(admin, ind, '', view)).total, ind.total.actual, `${ind.name} 合计 ${q}`)
    }
  }
  // Dated items count from their day: none of these existed at the end of 2024.
  const stage2024 = await progress(admin, '?year=2024')
  for (const no of [5, 9, 10]) assert.equal(indicator(stage2024, no).total.actual, 0, `indicator ${no} at 2024-12-31`)
  assert.match(indicator(stage2024, 9).basis, /按记录日期计至 2024-12-31/)
  const smart = await drillItems(admin, 'metric=smart')
  assert.equal(smart.label, '认定')
  assert.ok(smart.items.some((i) => i.name === '国家级智能工厂' && i.district === '410183' && i.detail.includes('国家级智能工厂')))
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
    assert.equal((await drill(admin, `metric=pilot&district=${d.district.code}&batch=2024`)).total, d.pilot.batch_2024)
    assert.equal((await drill(admin, `metric=level2&district=${d.district.code}`)).total, d.level2)
    assert.equal((await drill(admin, `metric=accepted&district=${d.district.code}`)).total, d.accepted.now)
    assert.equal((await drill(admin, `metric=assessed&district=${d.district.code}`)).total, d.assessed)
  }
  const rd = await drill(admin, 'metric=rd&year=2025')
  const [r, v] = rd.items.reduce(([a, b], i) => { const [x, y] = i.value.split('/').map(Number); return [a + x, b + y] }, [0, 0])
  assert.equal(Math.round((r * 10000) / v) / 100, indicator(await progress(admin, '?year=2025'), 11).total.actual)
  assert.ok(checked >= 60)
  const own = await drill(gongyi, 'metric=pilot&district=410183')
  assert.equal(own.total, 0)
  assert.equal((await server.call('GET', '/api/v1/stats/progress/enterprises?metric=bogus', { token: admin })).status, 422)
  assert.equal((await server.call('GET', '/api/v1/stats/progress/enterprises?metric=rd', { token: admin })).status, 422)
  // Only the transformed counts have a history to list by day.
  assert.equal((await server.call('GET', '/api/v1/stats/progress/enterprises?metric=level2&as_of=2025-01-01', { token: admin })).status, 422)
  assert.equal((await server.call('GET', '/api/v1/stats/progress/enterprises?metric=accepted&as_of=2025-02-30', { token: admin })).status, 422)
})

test('汇总表可核对：stats verify 找出被改动的汇总行（退出码 1），定时数据质量检查报出，--repair 在审计日志下重建', async () => {
  // Before the scheduled check has run, the page says it has not looked (no checked_at), not that all is well.
  const before = ok(await server.call('GET', '/api/v1/data-quality', { token: admin })).checks.find((c) => c.code === 'summaries')
  assert.equal(before.checked_at, null)
  assert.equal(cli(['stats', 'verify', '--db', server.db]).code, 0)
  // Someone with database access bends a district's total.
  sql(server.db, "UPDATE enterprise_counts SET pilot = pilot + 5 WHERE district_code = '410183' AND industry_code = 'refractories' AND batch = 2024")
  const bent = cli(['stats', 'verify', '--db', server.db])
  assert.equal(bent.code, 1)
  assert.match(bent.stdout, /enterprise_counts 410183\/refractories\/2024 pilot：存储 \d+，按明细重算 \d+/)
  assert.match(bent.stdout, /1 处不一致/)
  // The scheduled data-quality check runs the same comparison and raises it.
  ok(await server.call('POST', '/api/v1/schedules', { token: admin, body: { name: '数据质量检查', job_kind: 'reports.quality', every: 'daily', hour: 7 } }), 201)
  await server.advanceClock(2 * 86400)
  const token = await server.login('admin')
  const job = await waitFor(async () => {
    const jobs = ok(await server.call('GET', '/api/v1/jobs?kind=reports.quality', { token }))
    return jobs.items.find((j) => j.state === 'succeeded')
  }, { what: 'the scheduled check' })
  assert.equal(job.output.checks.find((c) => c.code === 'summaries').count, 1)
  const page = ok(await server.call('GET', '/api/v1/data-quality', { token }))
  const summaries = page.checks.find((c) => c.code === 'summaries')
  assert.equal(summaries.count, 1)
  assert.equal(summaries.severity, 'error')
  assert.match(summaries.samples[0].name, /410183\/refractories\/2024 pilot/)
  assert.equal(summaries.checked_at, job.finished_at)
  assert.doesNotMatch(summaries.samples[0].detail, /shuzhuan|--repair/)  // no command lines on an official's page
  const repaired = cli(['stats', 'verify', '--repair', '--db', server.db])
  assert.equal(repaired.code, 0, repaired.stderr)
  assert.match(repaired.stdout, /更正 1 处差异/)
  assert.equal(cli(['stats', 'verify', '--db', server.db]).code, 0)
  const audit = ok(await server.call('GET', '/api/v1/audit?action=stats.repair', { token: await server.login('shenji') }))
  assert.equal(audit.items.length, 1)
  assert.equal(audit.items[0].action_name, '按明细重建汇总表')
  assert.equal(cli(['audit', 'verify', '--db', server.db]).code, 0)
})

test('导出数据驾驶舱为 Excel', async () => {
  const token = await server.login('admin')
  const exp = await server.call('POST', '/api/v1/stats/progress/exports', { token, body: { year: 2025 } })
  assert.equal(exp.status, 202)
  const job = await waitFor(async () => {
    const j = ok(await server.call('GET', `/api/v1/jobs/${exp.json.job.id}`, { token }))
    return ['succeeded', 'failed'].includes(j.state) && j
  }, { what: 'the export' })
  assert.equal(job.state, 'succeeded', job.error)
  const file = await fetch(server.base + job.result.download_url, { headers: { authorization: `Bearer ${token}` } })
  assert.equal(file.status, 200)
  assert.equal((await server.call('POST', '/api/v1/stats/progress/exports', { token: await server.login('qiye'), body: {} })).status, 403)
})

test('完整演示数据：每个指标都有数字；2024 年内验收、2025 年退出的企业计入 2024 阶段与附件 2024 年数；阶段划型按当年及以前的数据', async () => {
  const demo = await Server.start({ fullDemo: true })
  try {
    const token = await demo.login('admin')
    const get = async (path) => ok(await demo.call('GET', path, { token }))
    const list = async (q) => listed(await get(`/api/v1/stats/progress/enterprises?page_size=100&${q}`))
    const p = await get('/api/v1/stats/progress')
    assert.equal(p.pipeline.pilot, 440)  // one enterprise withdrew in 2025, another took its place (增补)
    assert.ok(p.pipeline.assessed > 100, `assessed ${p.pipeline.assessed}`)
    assert.ok(p.pipeline.level2 > 80 && p.pipeline.level2 < p.pipeline.assessed)
    for (const ind of p.indicators) assert.ok(ind.total.actual > 0, `indicator ${ind.no} ${ind.name}`)
    assert.equal(p.rd_year, 2025)
    for (const ind of p.indicators.filter((i) => i.kind === 'count')) {
      const path = ind.drill === 'items' ? 'items' : 'enterprises'
      const l = await allItems(demo, token, `/api/v1/stats/progress/${path}?metric=${ind.metric}`)
      assert.equal(l.items.length, ind.total.actual, ind.name)
      assert.equal(l.total, ind.total.actual, ind.name)
    }
    // Two enterprises were accepted in 2024; one withdrew on 2025-04-21. The 2024 stage keeps it; today does not.
    const s2024 = await get('/api/v1/stats/progress?year=2024')
    assert.equal(s2024.figures_as_of, '2024-12-31')
    assert.equal(indicator(s2024, 1).total.actual, 2)
    const at2024 = await list('metric=accepted&as_of=2024-12-31')
    assert.equal(at2024.total, 2)
    const withdrawn = []
    for (const e of at2024.items) if ((await get(`/api/v1/enterprises/${e.id}`)).status === 'withdrawn') withdrawn.push(e)
    assert.equal(withdrawn.length, 1)
    const gone = withdrawn[0]
    assert.ok(!(await list('metric=accepted')).items.some((e) => e.id === gone.id))
    // Any day, not only a stage's end: in the list to the end of the day before it withdrew, not on that day.
    assert.ok((await list('metric=accepted&as_of=2025-04-20')).items.some((e) => e.id === gone.id))
    assert.ok(!(await list('metric=accepted&as_of=2025-04-21')).items.some((e) => e.id === gone.id))
    const row = s2024.districts.find((d) => d.district.code === gone.district.code)
    assert.equal(row.accepted.y2024, 1)
    assert.equal(row.accepted.total, 0)  // counted at the end of 2025 only while in the pilot
    assert.equal((await list(`metric=accepted&accepted_in=2024&as_of=2024-12-31&district=${gone.district.code}`)).total, 1)
    // The annex's years: each counts its own year's acceptances; the total counts all at the end of 2025.
    let y2024 = 0, y2025 = 0, total = 0
    for (const d of p.districts) {
      y2024 += d.accepted.y2024
      y2025 += d.accepted.y2025
      total += d.accepted.total
      assert.equal((await list(`metric=accepted&accepted_in=2025&as_of=2025-12-31&district=${d.district.code}`)).total, d.accepted.y2025)
    }
    assert.deepEqual([y2024, y2025, total], [2, 4, 5])
    // A stage's SME test reads the figures of its year or before: the other 2024 enterprise grows past the bounds in
    // 2026 — out of today's figures, still in the 2024 and 2025 stages.
    const stays = at2024.items.find((e) => e.id !== gone.id)
    const put = await demo.call('PUT', `/api/v1/enterprises/${stays.id}/years/2026`, { token,
      body: { revenue: 50_000_000_000, employees: 1200, rd_spending: 10_000_000, invention_patents: 0 } })
    assert.equal(put.status, 200, put.text)
    assert.equal(indicator(await get('/api/v1/stats/progress'), 1).total.actual, indicator(p, 1).total.actual - 1)
    assert.equal(indicator(await get('/api/v1/stats/progress?year=2024'), 1).total.actual, 2)
    assert.equal(indicator(await get('/api/v1/stats/progress?year=2025'), 1).total.actual, 5)
    assert.ok((await list('metric=non_sme')).items.some((e) => e.id === stays.id))
    assert.equal(cli(['stats', 'verify', '--db', demo.db]).code, 0)
    assert.equal(cli(['audit', 'verify', '--db', demo.db]).code, 0)
  } finally {
    await demo.stop()
  }
})

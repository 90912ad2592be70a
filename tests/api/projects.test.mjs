// 一企一策 end to end through the API: diagnosis, declaration, expert review with a conflicted expert refused and a
// random draw that excludes one, approval, contract, costs, milestones, plan adjustment approved by an expert,
// supervision, outcomes, acceptance materials, district sign-off, on-site grading at 二级 and the pass — with the
// illegal moves refused on the way, naming the state and the role.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, XINMI_ENTERPRISE, ok } from './harness.mjs'

let server, t
const ENT = XINMI_ENTERPRISE  // qiye's enterprise, in 新密 (xinmi's district)
const TODAY = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10)  // Beijing
const TWO = {
  answers: { 1: ['B'], 5: ['E'], 8: ['F'], 11: ['E'], 12: ['C'], 13: ['C'], 14: ['C'], 15: ['C'] },
  scenes: { 产品设计: 2, 营销管理: 2, 质量管理: 2, 工艺设计: 2, 售后服务: 2, 计划排程: 2 },
}

before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'gongyi', 'xinmi', 'qiye', 'fuwushang', 'zhuanjia', 'yinhang', 'anquan', 'shenji']) t[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})

const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })
async function upload(who, projectId, name) {
  const r = await server.call('POST', `/api/v1/documents?entity_type=project&entity_id=${projectId}&name=${encodeURIComponent(name)}`, {
    token: t[who], body: `%PDF-1.4 ${name}`, headers: { 'content-type': 'application/pdf' } })
  assert.equal(r.status, 201, r.text)
  return r.json.id
}
async function newExpert(username, profile) {
  const u = await ok(await call('anquan', 'POST', '/api/v1/users', {
    username, display_name: username, password: 'Expert#2024pilot', roles: ['expert'] }), 201)
  await ok(await call('admin', 'PUT', `/api/v1/experts/${u.user.id}`, profile))
  return u.user.id
}
const move = (who, id, action, extra = {}) => call(who, 'POST', `/api/v1/projects/${id}/transitions`, { action, ...extra })

test('一企一策全流程：诊断、申报、评审（利益冲突专家被排除）、立项、实施、验收、通过', async () => {
  const me = await ok(await call('admin', 'GET', '/api/v1/auth/me'))
  const ent = await ok(await call('admin', 'GET', `/api/v1/enterprises/${ENT}`))
  const today = (await ok(await server.call('GET', '/api/v1/health'))).time.slice(0, 10)
  const fuwushang = await ok(await call('fuwushang', 'GET', '/api/v1/auth/me'))
  const providerId = fuwushang.user.provider_id
  assert.ok(providerId, JSON.stringify(fuwushang))
  assert.ok(me.user)

  // The enterprise files the diagnosis it commissioned; the provider and the district see it, another district not.
  const dg = await ok(await call('qiye', 'POST', `/api/v1/enterprises/${ENT}/diagnoses`, {
    provider_id: providerId, diagnosed_on: '2026-10-08', pain_points: '排产靠经验，质量追溯难',
    recommended_scenarios: ['计划排程', '质量管理'], cost_fen: 4000000 }), 201)
  assert.equal(dg.cost_fen, 4000000)
  assert.equal((await ok(await call('qiye', 'GET', `/api/v1/enterprises/${ENT}/diagnoses`))).items.length, 1)
  assert.equal((await call('gongyi', 'GET', `/api/v1/enterprises/${ENT}/diagnoses`)).status, 403)
  assert.equal((await ok(await call('fuwushang', 'GET', `/api/v1/enterprises/${ENT}/diagnoses`))).items.length, 1)
  assert.equal((await call('fuwushang', 'POST', `/api/v1/enterprises/${ENT}/diagnoses`, {
    provider_id: providerId, diagnosed_on: '2026-10-08', pain_points: 'x', recommended_scenarios: ['x'], cost_fen: 1 })).status, 403)
  assert.equal((await call('qiye', 'POST', `/api/v1/enterprises/${ENT}/diagnoses`, {
    provider_id: 999999, diagnosed_on: '2026-10-08', pain_points: 'x', recommended_scenarios: ['x'], cost_fen: 1 })).status, 422)

  // Declaration with a plan.
  const plan = {
    scenarios: [{ name: '计划排程', kind: 'N' }, { name: '质量在线检测', kind: 'X' }],
    products: ['智能排产SaaS'],
    budget: [{ item: '软件', amount_fen: 60000000 }, { item: '硬件', amount_fen: 40000000 }],
    milestones: [{ name: '系统上线', due_on: '2027-01-31', deliverable: '上线报告' },
                 { name: '试运行', due_on: '2027-03-31', deliverable: '试运行报告' }],
  }
  const bad = await call('qiye', 'POST', '/api/v1/projects', { enterprise_id: ENT, name: '数字化改造', integrator_id: providerId,
    plan: { ...plan, scenarios: [{ name: '计划排程', kind: 'Y' }] } })
  assert.equal(bad.status, 422, bad.text)
  assert.equal((await call('gongyi', 'POST', '/api/v1/projects', { enterprise_id: ENT, name: 'x', integrator_id: providerId, plan })).status, 403)
  const created = await ok(await call('qiye', 'POST', '/api/v1/projects', { enterprise_id: ENT, name: '耐材窑炉数字化改造', integrator_id: providerId, plan }), 201)
  const id = created.id
  assert.equal(created.state, 'declared')
  assert.equal(created.plan.budget_total_fen, 100000000)
  assert.deepEqual(created.actions.map((a) => a.action), ['submit'])
  assert.equal((await call('gongyi', 'GET', `/api/v1/projects/${id}`)).status, 403)
  assert.equal((await call('yinhang', 'GET', `/api/v1/projects/${id}`)).status, 403)
  assert.equal((await ok(await call('xinmi', 'GET', '/api/v1/projects'))).total, 1)
  assert.equal((await ok(await call('gongyi', 'GET', '/api/v1/projects'))).total, 0)
  assert.equal((await ok(await call('fuwushang', 'GET', '/api/v1/projects'))).total, 1)

  // Illegal moves name the state and the role.
  const early = await move('admin', id, 'approve')
  assert.equal(early.status, 409)
  assert.match(early.json.error.message, /申报/)
  await ok(await move('qiye', id, 'submit'))
  const wrongRole = await move('qiye', id, 'approve')
  assert.equal(wrongRole.status, 403)
  assert.equal(wrongRole.json.error.message, '「立项」只能由市级管理员执行（您的身份：本企业）')
  assert.match(wrongRole.json.error.message, /市级管理员/)
  assert.match(wrongRole.json.error.message, /本企业/)
  assert.equal((await move('qiye', id, 'teleport')).status, 422)
  const noReview = await move('admin', id, 'approve')
  assert.equal(noReview.status, 409)
  assert.match(noReview.json.error.message, /评审/)

  // Experts: one works for the enterprise itself (conflicted), others are clean.
  const zhuanjia = (await ok(await call('zhuanjia', 'GET', '/api/v1/auth/me'))).user.id
  await ok(await call('zhuanjia', 'PUT', `/api/v1/experts/${zhuanjia}`, { employer_name: '郑州大学', industries: [], specialties: ['智能制造'] }))
  const conflicted = await newExpert('expert_conflict', { employer_name: ent.name, employer_credit_code: ent.credit_code, industries: [] })
  const clean2 = await newExpert('expert_b', { employer_name: '河南工业大学', industries: [ent.industry.code] })
  const clean3 = await newExpert('expert_c', { employer_name: '郑州轻工业大学', industries: [] })
  const refused = await call('admin', 'POST', '/api/v1/reviews', { subject_type: 'project', subject_id: id, expert_user_ids: [zhuanjia, conflicted] })
  assert.equal(refused.status, 409, refused.text)
  assert.match(refused.json.error.message, /利益冲突/)
  // A random draw never picks the conflicted expert and records why it was left out.
  const drawn = await ok(await call('admin', 'POST', '/api/v1/reviews', { subject_type: 'project', subject_id: id, draw: 3 }), 201)
  assert.equal(drawn.members.length, 3)
  assert.ok(!drawn.members.some((m) => m.user_id === conflicted))
  assert.ok(drawn.draw.seed.length > 0)
  assert.deepEqual(drawn.draw.candidates.map((c) => c.user_id).sort(), [zhuanjia, clean2, clean3].sort())
  assert.equal(drawn.draw.excluded[0].name, "expert_conflict")
  assert.equal(drawn.draw.excluded[0].user_id, conflicted)
  const tooMany = await call('admin', 'POST', '/api/v1/reviews', { subject_type: 'project', subject_id: id, draw: 4 })
  assert.equal(tooMany.status, 409)

  // Scores: locked once submitted; a recused member leaves the average; the lead gives the consensus.
  const round = drawn.id
  const lead = drawn.lead_user_id
  const tokens = { [zhuanjia]: t.zhuanjia, [clean2]: await server.login('expert_b', 'Expert#2024pilot'), [clean3]: await server.login('expert_c', 'Expert#2024pilot') }
  const scores = { necessity: 18, scenarios: 20, feasibility: 20, budget: 12, benefits: 10 }
  const over = await server.call('PUT', `/api/v1/reviews/${round}/score`, { token: tokens[zhuanjia], body: { scores: { ...scores, budget: 16 }, comment: '超分', submit: true } })
  assert.equal(over.status, 422)
  for (const [uid, tok] of Object.entries(tokens)) {
    const r = await server.call('PUT', `/api/v1/reviews/${round}/score`, { token: tok, body: { scores, comment: '方案可行', submit: true } })
    assert.equal(r.status, 200, r.text)
    assert.ok(Number(uid))
  }
  const again = await server.call('PUT', `/api/v1/reviews/${round}/score`, { token: tokens[zhuanjia], body: { scores, comment: '改', submit: true } })
  assert.equal(again.status, 409)
  assert.equal((await call('qiye', 'GET', `/api/v1/reviews/${round}`)).status, 403)
  const other = drawn.members.map((m) => m.user_id).find((u) => u !== lead)
  await ok(await call('admin', 'POST', `/api/v1/reviews/${round}/reopen`, { user_id: other, reason: '评分有误，重新评' }), 204)
  const rescored = await server.call('PUT', `/api/v1/reviews/${round}/score`, { token: tokens[other], body: { scores: { ...scores, benefits: 15 }, comment: '补充', submit: true } })
  assert.equal(rescored.status, 200, rescored.text)
  await ok(await call('admin', 'POST', `/api/v1/reviews/${round}/recuse`, { user_id: other, reason: '近亲属任职于集成服务商' }), 204)
  // The third member's employer turns out to be the enterprise: at the consensus it loses its seat and its score.
  const third = drawn.members.map((m) => m.user_id).find((u) => u !== lead && u !== other)
  await ok(await call('admin', 'PUT', `/api/v1/experts/${third}`, { employer_name: ent.name, employer_credit_code: ent.credit_code }))
  const notLead = Object.keys(tokens).map(Number).find((u) => u !== lead)
  assert.equal((await server.call('POST', `/api/v1/reviews/${round}/consensus`, { token: tokens[notLead], body: { pass: true, opinion: '同意' } })).status, 403)
  const closed = await ok(await server.call('POST', `/api/v1/reviews/${round}/consensus`, { token: tokens[lead], body: { pass: true, opinion: '同意立项' } }))
  assert.equal(closed.state, 'closed')
  assert.equal(closed.average_milli, 80000)  // only the lead's 80 counts: one member recused, one conflicted
  const auto = closed.members.find((m) => m.user_id === third)
  assert.equal(auto.status, 'recused')
  assert.match(auto.status_reason, /利益冲突/)
  // (The draw is random: whoever it was serves again later, so their profile is put right.)
  await ok(await call('admin', 'PUT', `/api/v1/experts/${third}`, { employer_name: '河南大学' }))
  const audit = await ok(await call('shenji', 'GET', `/api/v1/audit?entity_type=review&entity_id=${round}`))
  assert.ok(audit.items.some((e) => e.action === 'review.recuse'))
  assert.ok(audit.items.some((e) => e.action === 'review.create'))

  // Approval; the contract before implementation; a conflicted expert cannot supervise.
  await ok(await move('admin', id, 'approve'))
  const noContract = await move('qiye', id, 'start')
  assert.equal(noContract.status, 409)
  assert.match(noContract.json.error.message, /合同/)
  const contractDoc = await upload('qiye', id, '改造合同.pdf')
  const cheap = await call('qiye', 'PUT', `/api/v1/projects/${id}/contract`, { amount_fen: 90000000, catalogue_price_fen: 80000000,
    signed_on: '2026-11-01', start_on: '2026-11-10', end_on: '2027-04-30', document_id: contractDoc })
  assert.equal(cheap.status, 422)
  const withContract = await ok(await call('qiye', 'PUT', `/api/v1/projects/${id}/contract`, { amount_fen: 90000000,
    catalogue_price_fen: 100000000, signed_on: '2026-11-01', start_on: '2026-11-10', end_on: '2027-04-30', document_id: contractDoc }))
  assert.equal(withContract.provider_discount_fen, 10000000)
  assert.equal((await call('admin', 'POST', `/api/v1/projects/${id}/experts`, { user_id: conflicted, duty: 'supervision' })).status, 409)
  await ok(await call('admin', 'POST', `/api/v1/projects/${id}/experts`, { user_id: zhuanjia, duty: 'supervision' }), 204)
  await ok(await move('fuwushang', id, 'start'))

  // Costs need an invoice attached to the project.
  assert.equal((await call('qiye', 'POST', `/api/v1/projects/${id}/costs`, { item: '软件', amount_fen: 50000000, incurred_on: '2026-11-20', invoice_document_id: 999999 })).status, 422)
  const invoice = await upload('qiye', id, '发票1.pdf')
  await ok(await call('qiye', 'POST', `/api/v1/projects/${id}/costs`, { item: '软件', amount_fen: 50000000, incurred_on: TODAY, invoice_document_id: invoice, provider_id: providerId }), 201)
  assert.equal((await call('fuwushang', 'POST', `/api/v1/projects/${id}/costs`, { item: 'x', amount_fen: 1, incurred_on: '2026-11-20', invoice_document_id: invoice })).status, 403)

  // Plan adjustment: versioned, waits for the supervising expert; the old version stays.
  const adjusted = { ...plan, milestones: [...plan.milestones, { name: '验收准备', due_on: '2027-04-15', deliverable: '总结报告' }] }
  const v2 = await ok(await call('qiye', 'POST', `/api/v1/projects/${id}/plans`, { plan: adjusted, reason: '增加验收准备节点' }), 201)
  assert.equal(v2.state, 'proposed')
  assert.equal((await call('qiye', 'POST', `/api/v1/projects/${id}/plans`, { plan: adjusted, reason: '再改' })).status, 409)
  assert.equal((await call('admin', 'POST', `/api/v1/projects/${id}/plans/${v2.version}/decision`, { approve: true })).status, 403)
  await ok(await call('zhuanjia', 'POST', `/api/v1/projects/${id}/plans/${v2.version}/decision`, { approve: true, note: '同意' }))
  let d = await ok(await call('qiye', 'GET', `/api/v1/projects/${id}`))
  assert.equal(d.plan_version, v2.version)
  assert.equal(d.plan.milestones.length, 3)
  assert.equal(d.plan_versions.length, 2)
  assert.equal(d.plan_versions[0].content.milestones.length, 2)

  // Supervision with a rectification deadline; overdue it makes the project at risk.
  await ok(await call('zhuanjia', 'POST', `/api/v1/projects/${id}/supervision`, { visited_on: today, findings: '数据采集点位不足', rectification_due_on: today }), 201)
  assert.equal((await call('qiye', 'POST', `/api/v1/projects/${id}/supervision`, { visited_on: today, findings: 'x' })).status, 403)
  await server.advanceClock(2 * 86400)
  for (const u of Object.keys(t)) t[u] = await server.login(u)  // sessions expired over the two days
  tokens[zhuanjia] = t.zhuanjia
  d = await ok(await call('xinmi', 'GET', `/api/v1/projects/${id}`))
  assert.equal(d.at_risk, true)
  assert.ok(d.risks.some((r) => /整改/.test(r)), JSON.stringify(d.risks))
  const visit = d.supervision[0].id
  await ok(await call('qiye', 'POST', `/api/v1/projects/${id}/supervision/${visit}/rectification`, { rectified_on: today, note: '已补充点位' }), 204)

  // Acceptance: blocked with the list of what is missing, then applied once everything is there.
  const early2 = await move('qiye', id, 'apply_acceptance')
  assert.equal(early2.status, 409)
  assert.match(early2.json.error.message, /里程碑/)
  const doneOn = (await ok(await server.call('GET', '/api/v1/health'))).time.slice(0, 10)
  for (const m of d.plan.milestones) {
    const doc = await upload('fuwushang', id, `${m.name}.pdf`)
    await ok(await call('fuwushang', 'POST', `/api/v1/projects/${id}/milestones/${m.id}/complete`, { done_on: doneOn, document_id: doc }), 204)
  }
  const missing = await move('qiye', id, 'apply_acceptance')
  assert.equal(missing.status, 409)
  assert.match(missing.json.error.message, /验收申请表/)
  assert.match(missing.json.error.message, /财务核查表/)
  const ref = await ok(await server.call('GET', '/api/v1/project-reference'))
  for (const m of ref.materials) await ok(await call('qiye', 'POST', `/api/v1/projects/${id}/materials`, { material: m.code, document_id: await upload('qiye', id, `${m.name}.pdf`) }), 204)
  assert.equal((await call('qiye', 'POST', `/api/v1/projects/${id}/materials`, { material: 'selfie', document_id: invoice })).status, 422)
  const unrated = await move('qiye', id, 'apply_acceptance')
  assert.equal(unrated.status, 409)
  assert.match(unrated.json.error.message, /评价/)
  await ok(await call('qiye', 'PUT', `/api/v1/projects/${id}/rating`, { rating: 5, comment: '响应及时' }), 204)
  await ok(await call('qiye', 'PUT', `/api/v1/projects/${id}/outcomes`, { outcomes: [
    { indicator: 'pass_rate', before: '95.2', after: '98.5' }, { indicator: 'inventory_days', before: '40', after: '30' }] }))
  d = await ok(await move('qiye', id, 'apply_acceptance'))
  assert.equal(d.state, 'acceptance_applied')
  assert.equal(d.outcomes.find((o) => o.indicator === 'inventory_days').improvement_percent, '25')

  // District sign-off; another district cannot; the city schedules the on-site visit with a clean expert.
  assert.equal((await move('gongyi', id, 'district_approve')).status, 403)
  await ok(await move('xinmi', id, 'district_approve'))
  assert.equal((await move('admin', id, 'schedule_onsite', { expert_user_id: conflicted })).status, 409)
  await ok(await move('admin', id, 'schedule_onsite', { expert_user_id: zhuanjia }))
  const notYet = await move('zhuanjia', id, 'pass')
  assert.equal(notYet.status, 409)
  assert.match(notYet.json.error.message, /现场/)
  // On-site grading at 二级 by the assigned expert, then the pass.
  const a = await ok(await call('zhuanjia', 'POST', `/api/v1/enterprises/${ENT}/assessments`, { kind: 'onsite' }), 201)
  await ok(await call('zhuanjia', 'PUT', `/api/v1/assessments/${a.id}`, { answers: TWO.answers, scenes: TWO.scenes }))
  await ok(await call('zhuanjia', 'POST', `/api/v1/assessments/${a.id}/submit`))
  assert.equal((await move('admin', id, 'pass')).status, 403)  // only the assigned expert grades acceptance
  d = await ok(await move('zhuanjia', id, 'pass'))
  assert.equal(d.state, 'passed')
  assert.deepEqual(d.events.map((e) => e.to), ['declared', 'expert_review', 'approved', 'implementing', 'acceptance_applied',
    'district_checked', 'onsite', 'passed'])
  // 一企一档: the whole file as one archive, for those who may read the project.
  const zip = await fetch(`${server.base}/api/v1/projects/${id}/archive`, { headers: { authorization: `Bearer ${t.xinmi}` } })
  assert.equal(zip.status, 200)
  assert.equal(zip.headers.get('content-type'), 'application/zip')
  const bytes = Buffer.from(await zip.arrayBuffer())
  assert.equal(bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04')
  for (const name of ['项目档案.json', '资料清单.txt', '改造合同.pdf', '验收申请表.pdf']) assert.ok(bytes.includes(Buffer.from(name)), name)
  assert.equal((await call('gongyi', 'GET', `/api/v1/projects/${id}/archive`)).status, 403)
  // Accepted at 二级: the enterprise now counts as transformed (indicator 1) for its district.
  const progress = await ok(await call('admin', 'GET', '/api/v1/stats/progress'))
  assert.equal(progress.indicators.find((i) => i.no === 1).total.actual, 1)
  assert.equal(progress.pipeline.accepted, 1)
  const xinmiRow = progress.districts.find((x) => x.district.code === '410183')
  // Accepted after the pilot's two years: today's figure, not the annex's total (by 2025-12-31).
  assert.deepEqual(xinmiRow.accepted, { y2024: 0, y2025: 0, total: 0, now: 1 })
  assert.equal(xinmiRow.rank, 1)
  const drill = await ok(await call('xinmi', 'GET', '/api/v1/stats/progress/enterprises?metric=accepted'))
  assert.deepEqual(drill.items.map((e) => e.id), [ENT])
  // Benefits, not only counts: the mean improvement reported by accepted projects, and the funnel by state.
  const summary = await ok(await call('xinmi', 'GET', '/api/v1/projects/summary'))
  assert.equal(summary.scope, 'district')
  assert.equal(summary.by_state.find((x) => x.state === 'passed').projects, 1)
  assert.equal(summary.outcomes.find((o) => o.indicator === 'inventory_days').mean_improvement_percent, '25')
  assert.equal(summary.outcomes.find((o) => o.indicator === 'pass_rate').mean_improvement_percent, '3.466')  // 95.2 → 98.5
  assert.equal((await ok(await call('gongyi', 'GET', '/api/v1/projects/summary'))).by_state.find((x) => x.state === 'passed').projects, 0)
  assert.equal((await call('qiye', 'GET', '/api/v1/projects/summary')).status, 403)
})

test('验收不通过须说明原因，可重新申请；项目清单的筛选与分页', async () => {
  const list = await ok(await call('admin', 'GET', '/api/v1/projects?state=passed&page_size=5'))
  assert.equal(list.total, 1)
  assert.equal(list.items[0].enterprise.id, ENT)
  assert.equal((await call('admin', 'GET', '/api/v1/projects?state=nonsense')).status, 422)
  assert.equal((await call('admin', 'GET', '/api/v1/projects?page_size=1000')).status, 422)
  assert.equal((await ok(await call('admin', 'GET', '/api/v1/projects?overdue=1'))).total, 0)
  assert.equal((await call('admin', 'GET', '/api/v1/projects/999999')).status, 404)
})

test('补助：按库内事实核定（含说明）、分两期拨付不超核定与预算、兑现后项目进入补助兑现；诊断、服务商、数字贷贴息', async () => {
  const project = (await ok(await call('admin', 'GET', '/api/v1/projects?state=passed'))).items[0]
  const id = project.id
  const providerId = project.integrator.id
  // Transformation: 50 % of the invoiced costs (500,000 元), level 二级 from the on-site grading, task complete.
  const preview = await ok(await call('admin', 'POST', '/api/v1/subsidies/preview', { scheme: 'transformation', project_id: id }))
  assert.equal(preview.eligible, true)
  assert.equal(preview.amount_fen, 25000000)
  assert.equal(preview.clause, '三(二)')
  assert.equal(preview.inputs.cost_fen, 50000000)
  assert.equal(preview.inputs.level, 2)
  assert.match(preview.explanation, /50%/)
  assert.equal((await call('qiye', 'POST', '/api/v1/subsidies/preview', { scheme: 'transformation', project_id: id })).status, 403)
  assert.equal((await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'transformation', project_id: id, approved_fen: 25000001 })).status, 422)
  const sub = await ok(await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'transformation', project_id: id, note: '验收通过' }), 201)
  assert.equal(sub.approved_fen, 25000000)
  assert.equal(sub.quote.rule_version, '2026-12-1')
  assert.equal((await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'transformation', project_id: id })).status, 409)

  // Funds and two tranches: the fund's budget and the approval both hold.
  const central = await ok(await call('admin', 'POST', '/api/v1/funds', { source: 'central', year: 2026, budget_fen: 20000000 }), 201)
  const city = await ok(await call('admin', 'POST', '/api/v1/funds', { source: 'city', year: 2027, budget_fen: 100000000 }), 201)
  assert.equal((await call('admin', 'POST', '/api/v1/funds', { source: 'city', year: 2027, budget_fen: 1 })).status, 409)
  const first = await ok(await call('admin', 'POST', `/api/v1/subsidies/${sub.id}/payments`, { fund_id: central.id, amount_fen: 15000000, label: '第一期' }), 201)
  const overBudget = await call('admin', 'POST', `/api/v1/subsidies/${sub.id}/payments`, { fund_id: central.id, amount_fen: 6000000, label: '第二期' })
  assert.equal(overBudget.status, 409)
  assert.match(overBudget.json.error.message, /超出资金预算/)
  const overApproval = await call('admin', 'POST', `/api/v1/subsidies/${sub.id}/payments`, { fund_id: city.id, amount_fen: 15000000, label: '第二期' })
  assert.equal(overApproval.status, 409)
  assert.match(overApproval.json.error.message, /尚可安排 100,000.00 元/)
  const second = await ok(await call('admin', 'POST', `/api/v1/subsidies/${sub.id}/payments`, { fund_id: city.id, amount_fen: 15000000, label: '第二期', cut: true }), 201)
  assert.equal(second.amount_fen, 10000000)
  assert.match(second.note, /核减/)
  const early = await move('admin', id, 'pay_out')
  assert.equal(early.status, 409)
  assert.match(early.json.error.message, /尚未兑现完毕/)
  assert.equal((await call('admin', 'POST', `/api/v1/payments/${first.id}/transitions`, { action: 'pay' })).status, 409)  // not approved yet
  for (const pay of [first, second]) {
    await ok(await call('admin', 'POST', `/api/v1/payments/${pay.id}/transitions`, { action: 'approve' }))
    await ok(await call('admin', 'POST', `/api/v1/payments/${pay.id}/transitions`, { action: 'pay' }))
  }
  assert.equal((await call('admin', 'POST', `/api/v1/payments/${first.id}/transitions`, { action: 'return' })).status, 422)  // needs a reason
  assert.equal((await call('admin', 'POST', '/api/v1/subsidies/preview', { scheme: 'transformation', project_id: id })).status, 409)  // approved once
  const detail = await ok(await call('qiye', 'GET', `/api/v1/subsidies/${sub.id}`))
  assert.equal(detail.payments[0].fund_name, '2026年中央试点资金')
  assert.ok(detail.enterprise_name.length > 0)
  assert.equal(detail.paid_total_fen, 25000000)
  assert.equal(detail.unscheduled_fen, 0)
  assert.equal((await call('gongyi', 'GET', `/api/v1/subsidies/${sub.id}`)).status, 403)
  const funds = await ok(await call('admin', 'GET', '/api/v1/funds'))
  assert.equal(funds.total.paid_fen, 25000000)
  assert.equal(funds.items.find((f) => f.id === central.id).remaining_fen, 5000000)
  assert.equal((await ok(await move('admin', id, 'pay_out'))).state, 'subsidized')

  // 企业出一点、服务商让一点、政府补一点.
  const cs = await ok(await call('qiye', 'GET', `/api/v1/projects/${id}/cost-sharing`))
  assert.deepEqual([cs.cost_total_fen, cs.provider_discount_fen, cs.subsidy_approved_fen, cs.subsidy_paid_fen, cs.enterprise_share_fen],
    [50000000, 10000000, 25000000, 25000000, 25000000])

  // Diagnosis (after the task is complete): 70 % of 40,000 元 = 28,000 元, under the 30,000 元 cap.
  const dg = await ok(await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'diagnosis', enterprise_id: ENT }), 201)
  assert.equal(dg.approved_fen, 2800000)
  // Provider: 5 % of the fees it invoiced in 2026 while in the directory (500,000 元), all its tasks ended, 在郑.
  const pv = await ok(await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'provider', provider_id: providerId, year: 2026 }), 201)
  assert.equal(pv.approved_fen, 2500000)
  assert.equal(pv.quote.inputs.all_tasks_completed, true)
  assert.equal(pv.quote.inputs.in_directory, true)
  assert.equal(pv.quote.inputs.fees_outside_directory_fen, 0)
  // 2025: the provider was not in the directory yet (纳入试点): refused, naming the clause.
  const notYet = await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'provider', provider_id: providerId, year: 2025 })
  assert.equal(notYet.status, 409)
  assert.match(notYet.json.error.message, /三\(三\).*纳入试点.*2025 年度尚未入库/)

  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/subsidies'))).total, 2)
  assert.equal((await ok(await call('gongyi', 'GET', '/api/v1/subsidies'))).total, 0)
  assert.equal((await ok(await call('fuwushang', 'GET', '/api/v1/subsidies'))).total, 1)
  // 服务商评价 from the facts of the project it led: accepted, on time, rated 5, 10 % below its catalogue price.
  const card = await ok(await call('qiye', 'GET', `/api/v1/providers/${providerId}/scorecard`))
  const part = (code) => card.components.find((c) => c.code === code)
  assert.equal(part('acceptance_pass_rate').score, '100')
  assert.equal(part('timeliness').score, '100')
  assert.equal(part('satisfaction').score, '100')
  assert.equal(part('price').score, '50')
  assert.equal(part('level_uplift').score, null)  // no assessment before the project: no uplift to judge
  assert.equal(card.total, '94.117')  // (100×30 + 100×20 + 100×25 + 50×10) ÷ 85
  assert.equal(card.stars, 5)
  const report = await ok(await call('admin', 'POST', '/api/v1/provider-evaluations', { period: '2026年下半年', opinion: '整体良好' }), 201)
  assert.equal(report.scorecards.find((c) => c.provider.id === providerId).stars, 5)
  assert.match(report.snapshot_sm3, /^[0-9a-f]{64}$/)
  assert.equal((await call('admin', 'POST', '/api/v1/provider-evaluations', { period: '2026年下半年', opinion: '再登' })).status, 409)
  assert.equal((await call('fuwushang', 'GET', `/api/v1/provider-evaluations/${report.id}`)).status, 200)
  assert.equal((await call('qiye', 'GET', '/api/v1/provider-evaluations')).status, 403)
  await ok(await call('admin', 'POST', '/api/v1/loan-pool', { enterprise_id: ENT, project_id: id, amount_fen: 500000000, note: '二期扩产' }), 201)
  const pool = (await ok(await call('yinhang', 'GET', '/api/v1/loan-pool'))).items
  assert.equal(pool.length, 1)
  // The bank reads whom it is asked to lend to, by name.
  const ent = await ok(await call('admin', 'GET', `/api/v1/enterprises/${ENT}`))
  const proj = await ok(await call('admin', 'GET', `/api/v1/projects/${id}`))
  assert.deepEqual([pool[0].enterprise_name, pool[0].project_name, pool[0].recommended_by_name], [ent.name, proj.name, '市工信局管理员'])
  assert.equal((await call('qiye', 'GET', '/api/v1/loan-pool')).status, 403)
})

test('数字贷贴息（三(九)）：按贴息月份逐期确认、同期比较、合理性检查、确认前预览、补足与退回更正', async () => {
  const entCode = (await ok(await call('admin', 'GET', `/api/v1/enterprises/${ENT}`))).credit_code
  assert.equal((await call('yinhang', 'POST', '/api/v1/loans', { credit_code: '91410100MA9999999Q', principal_fen: 1, loan_date: '2024-08-15', term_months: 1 })).status, 422)
  assert.equal((await call('yinhang', 'POST', '/api/v1/loans', { credit_code: entCode, principal_fen: 10000000, loan_date: '2024-08-15', term_months: 361 })).status, 422)
  // 10万元 for 36 months from 2024-08-15: subsidised for 24 months at the 1-year LPR then in force (3.35 %).
  const loan = await ok(await call('yinhang', 'POST', '/api/v1/loans', { credit_code: entCode, principal_fen: 10000000, loan_date: '2024-08-15', term_months: 36 }), 201)
  assert.deepEqual([loan.enterprise_id, loan.subsidised_months, loan.confirmed_months, loan.state_name], [ENT, 24, 0, '已放款'])
  assert.equal(loan.waiting_for, '待企业申请贴息')
  assert.equal((await call('qiye', 'POST', '/api/v1/loans', { enterprise_id: ENT, principal_fen: 1, loan_date: '2024-08-15', term_months: 1 })).status, 403)
  const periods = `/api/v1/loans/${loan.id}/interest-periods`
  assert.equal((await call('yinhang', 'POST', periods, { last_month: 12, interest_paid_fen: 300000 })).status, 409)  // not applied for
  assert.equal((await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'loan_interest', loan_id: loan.id })).status, 409)
  await ok(await call('qiye', 'POST', `/api/v1/loans/${loan.id}/apply`))
  // The bank sees what it will lock before it locks it; nothing is written by the preview.
  const preview = await ok(await call('yinhang', 'POST', `${periods}/preview`, { last_month: 12, interest_paid_fen: 300000 }))
  assert.deepEqual([preview.first_month, preview.last_month, preview.from_day, preview.to_day], [1, 12, '2024-08-15', '2025-08-14'])
  assert.equal(preview.lpr_interest_fen, 335000)
  assert.equal(preview.plausible_max_fen, 1500000)  // 10万元 × 15 % × 12 / 12
  assert.match(preview.lock_text, /将锁定.*市级管理员/)
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/loans'))).items[0].confirmed_months, 0)
  for (const [body, status, field] of [
    [{ last_month: 12, interest_paid_fen: 1500001 }, 422, 'interest_paid_fen'],  // above principal × 15 % × months / 12
    [{ last_month: 25, interest_paid_fen: 1 }, 422, 'last_month'],                // beyond the 24 subsidised months
    [{ last_month: 0, interest_paid_fen: 1 }, 422, 'last_month'],
    [{ last_month: 12, interest_paid_fen: -1 }, 422, 'interest_paid_fen'],
    [{ last_month: 12 }, 422, 'interest_paid_fen'],
  ]) {
    const r = await call('yinhang', 'POST', periods, body)
    assert.equal(r.status, status, JSON.stringify(body))
    assert.equal(r.json.error.field, field)
  }
  assert.equal((await call('admin', 'POST', periods, { last_month: 12, interest_paid_fen: 300000 })).status, 403)  // the lending bank only
  let v = await ok(await call('yinhang', 'POST', periods, { last_month: 12, interest_paid_fen: 300000 }), 201)
  assert.deepEqual([v.confirmed_months, v.next_confirmation], [12, { first_month: 13, last_month_max: 24 }])
  // Like with like: the first 12 months' LPR interest (3,350 元) against the interest paid in them (3,000 元).
  const first = await ok(await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'loan_interest', loan_id: loan.id }), 201)
  assert.equal(first.approved_fen, 300000)
  assert.equal(first.quote.cap_applied, 'interest_paid')
  assert.equal(first.quote.inputs.confirmed_months, 12)
  assert.equal((await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'loan_interest', loan_id: loan.id })).status, 409)  // nothing new
  // Months 13–24 confirmed: the approval is topped up to the 24 months' lower figure (6,700 元 at the LPR, 6,500 paid).
  v = await ok(await call('yinhang', 'POST', periods, { last_month: 24, interest_paid_fen: 350000 }), 201)
  assert.deepEqual([v.confirmed_months, v.next_confirmation, v.confirmed_interest_fen], [24, null, 650000])
  assert.match(v.waiting_for, /均已确认/)
  const topUp = await ok(await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'loan_interest', loan_id: loan.id }), 201)
  assert.equal(topUp.approved_fen, 350000)  // 650,000 − 300,000 already approved
  assert.equal(topUp.quote.inputs.approved_before_for_loan_fen, 300000)
  assert.equal((await call('yinhang', 'POST', periods, { last_month: 24, interest_paid_fen: 1 })).status, 409)  // all 24 confirmed

  // A figure found wrong: only the city admin reopens it, with a reason, and not while an approval rests on it.
  const second = v.periods.find((x) => x.first_month === 13)
  const reopen = `${periods}/${second.id}/reopen`
  assert.equal((await call('yinhang', 'POST', reopen, { reason: '银行录入有误' })).status, 403)
  assert.equal((await call('admin', 'POST', reopen, { reason: '' })).status, 422)
  const blocked = await call('admin', 'POST', reopen, { reason: '银行录入有误' })
  assert.equal(blocked.status, 409)
  assert.match(blocked.json.error.message, new RegExp(`编号 ${topUp.id}`))
  await ok(await call('admin', 'POST', `/api/v1/subsidies/${topUp.id}/cancel`, { reason: '利息待更正' }), 204)
  v = await ok(await call('admin', 'POST', reopen, { reason: '银行录入有误' }))
  const reopened = v.periods.find((x) => x.id === second.id)
  assert.deepEqual([reopened.state_name, reopened.reopen_reason, v.confirmed_months], ['已退回，待银行重新确认', '银行录入有误', 12])
  assert.equal((await call('admin', 'POST', reopen, { reason: '再退' })).status, 409)
  assert.match(v.waiting_for, /第 13 个月起/)
  v = await ok(await call('yinhang', 'POST', periods, { last_month: 24, interest_paid_fen: 320000 }), 201)
  const corrected = await ok(await call('admin', 'POST', '/api/v1/subsidies', { scheme: 'loan_interest', loan_id: loan.id }), 201)
  assert.equal(corrected.approved_fen, 320000)
  const audit = await ok(await call('shenji', 'GET', '/api/v1/audit?action=loan.reopen'))
  assert.equal(audit.items.length, 1)
  assert.equal(audit.items[0].action_name, '退回已确认的利息')

  // A loan still running is paid for its months so far: only months already over can be confirmed.
  const recent = new Date(Date.now() + 8 * 3600000 - 95 * 86400000).toISOString().slice(0, 10)  // about three months ago
  const running = await ok(await call('yinhang', 'POST', '/api/v1/loans', { credit_code: entCode, principal_fen: 5000000, loan_date: recent, term_months: 12 }), 201)
  await ok(await call('qiye', 'POST', `/api/v1/loans/${running.id}/apply`))
  const now = (await ok(await call('qiye', 'GET', '/api/v1/loans'))).items.find((l) => l.id === running.id)
  assert.equal(now.subsidised_months, 12)
  assert.ok(now.elapsed_months >= 2 && now.elapsed_months <= 3, String(now.elapsed_months))
  const tooFar = await call('yinhang', 'POST', `/api/v1/loans/${running.id}/interest-periods/preview`, { last_month: now.elapsed_months + 1, interest_paid_fen: 1 })
  assert.equal(tooFar.status, 422)
  assert.match(tooFar.json.error.message, /已结束的月份/)
  await ok(await call('yinhang', 'POST', `/api/v1/loans/${running.id}/interest-periods`, { last_month: now.elapsed_months, interest_paid_fen: 10000 }), 201)
  assert.equal((await ok(await call('qiye', 'GET', '/api/v1/loans'))).items.length, 2)
  assert.equal((await call('gongyi', 'GET', '/api/v1/loans')).status, 403)
})

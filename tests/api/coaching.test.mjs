// 一对一辅导 (方案三(六)): an enterprise asks for coaching, the city admin assigns an expert account (or declines with
// a reason), the enterprise may withdraw before that, the assigned expert records sessions and closes the coaching
// with a summary once one is recorded, and the enterprise rates it once. Each answer lists the moves open to its
// caller; who reads which requests (the enterprise its own, a district its district's, read only, an expert those
// assigned to it, the city all); refusals of bad input and illegal moves with nothing written; the audit trail's
// Chinese labels and the notifications sent in the same transaction.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, ok, GONGYI_ENTERPRISE, XINMI_ENTERPRISE } from './harness.mjs'

let server, t, ids, today, yesterday
const NEW_PASSWORD = 'Walk#2024pilot'
before(async () => {
  server = await Server.start()
  t = {}
  for (const u of ['admin', 'gongyi', 'xinmi', 'qiye', 'fuwushang', 'zhuanjia', 'yinhang', 'anquan', 'shenji', 'xitong']) t[u] = await server.login(u)
  ids = { zhuanjia: ok(await call('zhuanjia', 'GET', '/api/v1/auth/me')).user.id, gongyi: ok(await call('gongyi', 'GET', '/api/v1/auth/me')).user.id }
  // A second enterprise's account (巩义 enterprise 1) and a second expert, made by the security administrator.
  for (const [username, display_name, roles, extra] of [['qiye_gongyi', '巩义企业用户', ['enterprise'], { enterprise_id: GONGYI_ENTERPRISE }],
    ['zhuanjia_b', '第二位专家', ['expert'], {}]]) {
    const made = ok(await call('anquan', 'POST', '/api/v1/users', { username, display_name, password: NEW_PASSWORD, roles, ...extra }), 201)
    ids[username] = made.user.id
    t[username] = await server.login(username, NEW_PASSWORD)
  }
  const now = Date.parse(ok(await call('admin', 'GET', '/api/v1/health')).time)
  const day = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
  today = day(now)
  yesterday = day(now - 86_400_000)
})
after(async () => {
  await server.stop()
})
const call = (who, method, path, body) => server.call(method, path, { token: t[who], body })
const ASK = { topic: 'data_governance', needs: '设备数据采集点位不全，希望专家帮助梳理数据标准和采集方案', mode: 'onsite' }
const ask = async (who = 'qiye', body = ASK) => ok(await call(who, 'POST', '/api/v1/coaching', body), 201)
const get = async (who, id) => ok(await call(who, 'GET', `/api/v1/coaching/${id}`))
const move = (who, id, body) => call(who, 'POST', `/api/v1/coaching/${id}/transitions`, body)
const moved = async (who, id, body) => ok(await move(who, id, body))
const actions = (detail) => detail.actions.map((a) => a.action)
const session = (extra = {}) => ({ held_on: today, minutes: 120, mode: 'onsite', content: '走访车间，梳理设备点位与数据字典', advice: '先统一设备编码，再分批接入', ...extra })
const chinese = /[\u4e00-\u9fff]/
// A refusal: its status, the field it names (when given) and a Chinese message.
function refused(r, status, field) {
  assert.equal(r.status, status, r.text)
  if (field !== undefined) assert.equal(r.json.error.field, field, r.text)
  assert.match(r.json.error.message, chinese)
  return r.json.error
}
async function auditOf(id) {
  return ok(await call('shenji', 'GET', `/api/v1/audit?entity_type=coaching&entity_id=${id}&page_size=100`)).items
}

test('参考数据：主题、方式、状态及各自等待什么，单次时长范围（公开）', async () => {
  const ref = ok(await server.call('GET', '/api/v1/coaching-reference'))
  assert.deepEqual(ref.topics.map((x) => x.name), ['数字化诊断', '设备上云', '数据治理', '生产管控', '供应链协同', '其他'])
  assert.deepEqual(ref.modes, [{ code: 'onsite', name: '现场' }, { code: 'online', name: '线上' }])
  assert.deepEqual(ref.session_minutes, { min: 15, max: 480 })
  assert.equal(ref.states.find((s) => s.code === 'requested').waiting, '等待市级管理员指派专家')
  assert.ok(ref.version)
})

test('完整流程：申请 → 指派专家 → 登记辅导 → 结束 → 评价，每个回答只列出调用者此刻可执行的操作', async () => {
  const r = await ask()
  assert.equal(r.state, 'requested')
  assert.equal(r.state_name, '已申请')
  assert.equal(r.waiting_for, '等待市级管理员指派专家')
  assert.deepEqual(r.enterprise.id, XINMI_ENTERPRISE)
  assert.ok(r.enterprise.name.length > 0)
  assert.deepEqual(r.district, { code: '410183', name: '新密市' })
  assert.deepEqual([r.topic, r.mode], [{ code: 'data_governance', name: '数据治理' }, { code: 'onsite', name: '现场' }])
  assert.deepEqual([r.expert, r.session_count, r.minutes_total, r.sessions], [null, 0, 0, []])
  assert.deepEqual(actions(r), ['withdraw'])
  assert.deepEqual(actions(await get('admin', r.id)), ['assign', 'decline'])
  assert.deepEqual(actions(await get('xinmi', r.id)), [], 'the district reads only')
  refused(await call('zhuanjia', 'GET', `/api/v1/coaching/${r.id}`), 403)  // not assigned yet

  const assigned = await moved('admin', r.id, { action: 'assign', expert_user_id: ids.zhuanjia })
  assert.deepEqual([assigned.state, assigned.state_name], ['assigned', '已指派专家'])
  assert.deepEqual(assigned.expert, { id: ids.zhuanjia, name: '演示评审专家' })
  assert.ok(assigned.assigned_at)
  assert.deepEqual(actions(assigned), [])
  assert.deepEqual(actions(await get('qiye', r.id)), [])
  // The expert records before closing: closing waits for the first session.
  assert.deepEqual(actions(await get('zhuanjia', r.id)), ['record_session'])
  const early = refused(await move('zhuanjia', r.id, { action: 'close', summary: '辅导完成' }), 409, 'action')
  assert.equal(early.message, '请先登记至少一次辅导记录，再结束辅导')

  const first = await moved('zhuanjia', r.id, { action: 'record_session', session: session() })
  assert.deepEqual([first.state, first.session_count, first.minutes_total], ['assigned', 1, 120])
  assert.deepEqual(actions(first), ['record_session', 'close'])
  assert.equal(first.sessions[0].recorded_by, '演示评审专家')
  assert.deepEqual(first.sessions[0].mode, { code: 'onsite', name: '现场' })
  const second = await moved('zhuanjia', r.id, { action: 'record_session', session: session({ minutes: 45, mode: 'online', content: '线上复核数据字典' }) })
  assert.deepEqual([second.session_count, second.minutes_total, second.sessions.length], [2, 165, 2])

  const closed = await moved('zhuanjia', r.id, { action: 'close', summary: '完成数据标准梳理，建议三个月内完成设备接入' })
  assert.deepEqual([closed.state, closed.state_name, closed.waiting_for], ['closed', '已结束', '等待企业评价'])
  assert.equal(closed.summary, '完成数据标准梳理，建议三个月内完成设备接入')
  assert.deepEqual(actions(closed), [])
  assert.deepEqual(actions(await get('qiye', r.id)), ['rate'])
  const rated = await moved('qiye', r.id, { action: 'rate', rating: 5, comment: '专家很专业，建议可操作' })
  assert.deepEqual([rated.state, rated.rating, rated.comment, rated.waiting_for], ['rated', 5, '专家很专业，建议可操作', ''])
  assert.deepEqual(actions(rated), [])
  refused(await move('qiye', r.id, { action: 'rate', rating: 1, comment: '再评一次' }), 409, 'action')  // once
  assert.equal((await get('admin', r.id)).rating, 5)

  // Notifications, written with the moves: the expert on assignment; the enterprise on assignment and on closing.
  const mine = async (who) => ok(await call(who, 'GET', '/api/v1/notifications')).items.filter((n) => n.link === `/coaching/${r.id}`)
  const expertNotes = await mine('zhuanjia')
  assert.equal(expertNotes.length, 1)
  assert.equal(expertNotes[0].kind, 'coaching')
  assert.equal(expertNotes[0].title, `您被指派为「${r.enterprise.name}」的一对一辅导专家（数据治理）`)
  assert.deepEqual((await mine('qiye')).map((n) => n.title).sort(), [
    '专家「演示评审专家」已结束一对一辅导（数据治理），请评价', '您的一对一辅导申请（数据治理）已指派专家「演示评审专家」'].sort())
  assert.equal((await mine('admin')).length, 0)
})

test('撤回与不予受理：指派前企业可撤回，市级管理员不予受理须说明原因并通知企业', async () => {
  const w = await ask('qiye', { ...ASK, topic: 'supply_chain', mode: 'online' })
  refused(await move('admin', w.id, { action: 'withdraw' }), 403, '')  // the enterprise's move
  const withdrawn = await moved('qiye', w.id, { action: 'withdraw', reason: '已与服务商签约，暂不需要' })
  assert.deepEqual([withdrawn.state_name, withdrawn.reason, actions(withdrawn)], ['已撤回', '已与服务商签约，暂不需要', []])
  assert.deepEqual(actions(await get('admin', w.id)), [])
  refused(await move('admin', w.id, { action: 'assign', expert_user_id: ids.zhuanjia }), 409, 'action')
  const quiet = await moved('qiye', (await ask('qiye', { ...ASK, topic: 'other' })).id, { action: 'withdraw' })  // a reason is optional
  assert.equal(quiet.reason, null)

  const d = await ask('qiye', { ...ASK, topic: 'production_control' })
  refused(await move('admin', d.id, { action: 'decline' }), 422, 'reason')
  refused(await move('admin', d.id, { action: 'decline', reason: '   ' }), 422, 'reason')
  const declined = await moved('admin', d.id, { action: 'decline', reason: '请先完成数字化水平自评' })
  assert.deepEqual([declined.state, declined.state_name, declined.reason, declined.waiting_for], ['declined', '未受理', '请先完成数字化水平自评', ''])
  refused(await move('qiye', d.id, { action: 'withdraw' }), 409, 'action')
  const notes = ok(await call('qiye', 'GET', '/api/v1/notifications')).items.filter((n) => n.link === `/coaching/${d.id}`)
  assert.deepEqual(notes.map((n) => n.title), ['您的一对一辅导申请（生产管控）未受理：请先完成数字化水平自评'])
})

test('数据权限：企业只看本企业的，区县专班只读本区县的，专家只看指派给本人的，市级管理员看全部，其他角色 403', async () => {
  const x = await ask('qiye', { ...ASK, topic: 'diagnosis' })                 // 新密 enterprise 108
  const g = await ask('qiye_gongyi', { ...ASK, topic: 'equipment_cloud' })    // 巩义 enterprise 1
  const list = async (who, q = '') => ok(await call(who, 'GET', `/api/v1/coaching?page_size=100${q}`))
  const idsOf = async (who) => (await list(who)).items.map((i) => i.id)

  for (const item of (await list('qiye')).items) assert.equal(item.enterprise.id, XINMI_ENTERPRISE)
  for (const item of (await list('qiye_gongyi')).items) assert.equal(item.enterprise.id, GONGYI_ENTERPRISE)
  for (const item of (await list('xinmi')).items) assert.equal(item.district.code, '410183')
  for (const item of (await list('gongyi')).items) assert.equal(item.district.code, '410181')
  assert.ok((await idsOf('qiye')).includes(x.id) && !(await idsOf('qiye')).includes(g.id))
  assert.ok((await idsOf('gongyi')).includes(g.id) && !(await idsOf('gongyi')).includes(x.id))
  assert.ok((await idsOf('xinmi')).includes(x.id) && !(await idsOf('xinmi')).includes(g.id))
  assert.ok((await idsOf('admin')).includes(x.id) && (await idsOf('admin')).includes(g.id))
  const all = await list('admin')
  // Whether the caller may ask is the server's to say (the page's 申请辅导 button).
  for (const who of ['qiye', 'qiye_gongyi']) assert.equal((await list(who)).can_request, true, who)
  for (const who of ['admin', 'xinmi', 'zhuanjia']) assert.equal((await list(who)).can_request, false, who)
  assert.equal(all.total, all.items.length)
  for (const who of ['fuwushang', 'yinhang', 'shenji', 'xitong']) refused(await call(who, 'GET', '/api/v1/coaching'), 403)

  // Details: out of scope is 403, a request that does not exist 404.
  for (const [who, id] of [['gongyi', x.id], ['xinmi', g.id], ['qiye', g.id], ['qiye_gongyi', x.id], ['fuwushang', x.id], ['yinhang', x.id],
    ['zhuanjia', x.id], ['anquan', x.id]]) {
    const e = refused(await call(who, 'GET', `/api/v1/coaching/${id}`), 403)
    assert.match(e.message, /数据权限/)
  }
  refused(await call('admin', 'GET', '/api/v1/coaching/999999'), 404)
  assert.equal((await get('gongyi', g.id)).enterprise.id, GONGYI_ENTERPRISE)

  // Writes: only an enterprise asks; a district reads only; only the assigned expert records.
  for (const who of ['admin', 'xinmi', 'zhuanjia', 'fuwushang']) refused(await call(who, 'POST', '/api/v1/coaching', ASK), 403)
  const notAdmin = refused(await move('xinmi', x.id, { action: 'assign', expert_user_id: ids.zhuanjia }), 403, '')
  assert.equal(notAdmin.message, '「指派专家」只能由市级管理员执行（您的身份：区县专班）')
  refused(await move('gongyi', x.id, { action: 'assign', expert_user_id: ids.zhuanjia }), 403)
  refused(await move('qiye', x.id, { action: 'assign', expert_user_id: ids.zhuanjia }), 403)
  refused(await move('qiye_gongyi', x.id, { action: 'withdraw' }), 403)

  const assignedTo = async (who, id) => {
    const items = (await list(who)).items
    for (const item of items) assert.equal(item.expert?.id, ids[who], `${who} sees request ${item.id} of another expert`)
    return items.some((i) => i.id === id)
  }
  assert.equal(await assignedTo('zhuanjia', x.id), false)
  await moved('admin', x.id, { action: 'assign', expert_user_id: ids.zhuanjia })
  assert.equal(await assignedTo('zhuanjia', x.id), true)
  assert.equal(await assignedTo('zhuanjia_b', x.id), false)
  refused(await call('zhuanjia_b', 'GET', `/api/v1/coaching/${x.id}`), 403)
  refused(await move('zhuanjia_b', x.id, { action: 'record_session', session: session() }), 403)
  refused(await move('xinmi', x.id, { action: 'record_session', session: session() }), 403)
  assert.equal((await get('xinmi', x.id)).expert.name, '演示评审专家')

  // Filters and paging.
  assert.ok((await list('admin', '&state=assigned')).items.every((i) => i.state === 'assigned'))
  assert.ok((await list('admin', '&topic=equipment_cloud')).items.every((i) => i.topic.code === 'equipment_cloud'))
  refused(await call('admin', 'GET', '/api/v1/coaching?state=done'), 422, 'state')
  refused(await call('admin', 'GET', '/api/v1/coaching?topic=ai'), 422, 'topic')
  const page1 = ok(await call('admin', 'GET', '/api/v1/coaching?page_size=1'))
  const page2 = ok(await call('admin', 'GET', '/api/v1/coaching?page_size=1&page=2'))
  assert.deepEqual([page1.items.length, page2.items.length, page1.total], [1, 1, all.total])
  assert.ok(page1.items[0].id > page2.items[0].id, 'newest first')
  refused(await call('admin', 'GET', '/api/v1/coaching?page_size=101'), 422, 'page_size')
})

test('错误输入：畸形 JSON、类型错误、越界数值、未知字段、非专家账号，均为 4xx 中文说明且不写入任何内容', async () => {
  const count = async () => ok(await call('admin', 'GET', '/api/v1/coaching')).total
  const before = await count()
  const bad = await server.call('POST', '/api/v1/coaching', { token: t.qiye, body: '{"topic": "other",' })
  assert.equal(bad.status, 400)
  assert.equal(bad.json.error.code, 'invalid_json')
  assert.match(bad.json.error.message, chinese)
  refused(await call('qiye', 'POST', '/api/v1/coaching', [ASK]), 422)
  for (const [body, field] of [
    [{ ...ASK, topic: 5 }, 'topic'], [{ ...ASK, topic: 'blockchain' }, 'topic'], [{ ...ASK, mode: 'phone' }, 'mode'],
    [{ ...ASK, needs: '' }, 'needs'], [{ ...ASK, needs: '\u200b' }, 'needs'], [{ ...ASK, needs: '字'.repeat(2001) }, 'needs'],
    [{ ...ASK, needs: '需求\u202e反转' }, 'needs'], [{ topic: 'other', needs: 'x' }, 'mode'], [{ ...ASK, colour: 'red' }, 'colour'],
    [{ ...ASK, enterprise_id: 1 }, 'enterprise_id']]) {
    refused(await call('qiye', 'POST', '/api/v1/coaching', body), 422, field)
  }
  assert.equal(await count(), before, 'nothing written')

  const r = await ask()
  const audited = (await auditOf(r.id)).length
  for (const [body, field] of [
    [{}, 'action'], [{ action: 'approve' }, 'action'], [{ action: 5 }, 'action'],
    [{ action: 'assign' }, 'expert_user_id'], [{ action: 'assign', expert_user_id: String(ids.zhuanjia) }, 'expert_user_id'],
    [{ action: 'assign', expert_user_id: 1.5 }, 'expert_user_id'], [{ action: 'assign', expert_user_id: -1 }, 'expert_user_id'],
    [{ action: 'assign', expert_user_id: 1e30 }, 'expert_user_id'],
    [{ action: 'assign', expert_user_id: ids.gongyi }, 'expert_user_id'],      // a district officer's account, not an expert's
    [{ action: 'assign', expert_user_id: 999999 }, 'expert_user_id'],
    [{ action: 'assign', expert_user_id: ids.zhuanjia, reason: '顺带' }, 'reason'],
    [{ action: 'decline', reason: 'x'.repeat(501) }, 'reason'], [{ action: 'decline', reason: 7 }, 'reason']]) {
    refused(await move('admin', r.id, body), 422, field)
  }
  const bodyless = await server.call('POST', `/api/v1/coaching/${r.id}/transitions`, { token: t.admin, body: 'assign' })
  assert.equal(bodyless.status, 400)
  refused(await call('admin', 'POST', '/api/v1/coaching/abc/transitions', { action: 'decline', reason: 'x' }), 404)  // not a record's path

  await moved('admin', r.id, { action: 'assign', expert_user_id: ids.zhuanjia })
  for (const [s, field] of [
    [undefined, 'session'], ['2026-01-01', 'session'], [session({ held_on: '2099-01-01' }), 'session.held_on'],
    [session({ held_on: yesterday }), 'session.held_on'], [session({ held_on: '2026-02-30' }), 'session.held_on'],
    [session({ minutes: 14 }), 'session.minutes'], [session({ minutes: 481 }), 'session.minutes'], [session({ minutes: '60' }), 'session.minutes'],
    [session({ minutes: 60.5 }), 'session.minutes'], [session({ mode: 'phone' }), 'session.mode'], [session({ content: '' }), 'session.content'],
    [session({ advice: undefined }), 'session.advice'], [session({ place: '车间' }), 'session.place']]) {
    refused(await move('zhuanjia', r.id, { action: 'record_session', ...(s === undefined ? {} : { session: s }) }), 422, field)
  }
  refused(await move('zhuanjia', r.id, { action: 'record_session', session: session(), summary: '多余' }), 422, 'summary')
  await moved('zhuanjia', r.id, { action: 'record_session', session: session({ minutes: 15 }) })
  refused(await move('zhuanjia', r.id, { action: 'close', summary: '' }), 422, 'summary')
  refused(await move('zhuanjia', r.id, { action: 'close' }), 422, 'summary')
  await moved('zhuanjia', r.id, { action: 'close', summary: '已完成' })
  for (const [body, field] of [[{ rating: 0, comment: '好' }, 'rating'], [{ rating: 6, comment: '好' }, 'rating'], [{ rating: '5', comment: '好' }, 'rating'],
    [{ rating: 4 }, 'comment'], [{ rating: 4, comment: 'x'.repeat(501) }, 'comment'], [{ comment: '好' }, 'rating']]) {
    refused(await move('qiye', r.id, { action: 'rate', ...body }), 422, field)
  }
  const now = await get('admin', r.id)
  assert.deepEqual([now.state, now.session_count, now.minutes_total, now.rating], ['closed', 1, 15, null])
  // Only the three moves that went through are in the trail besides the request.
  assert.equal((await auditOf(r.id)).length, audited + 3)
})

test('非法流转：状态不允许时 409 并说明当前状态；同时指派只有一个成功', async () => {
  const r = await ask()
  await moved('admin', r.id, { action: 'assign', expert_user_id: ids.zhuanjia })
  const late = refused(await move('qiye', r.id, { action: 'withdraw' }), 409, 'action')
  assert.equal(late.message, '辅导申请当前处于「已指派专家」状态，不能执行「撤回申请」')
  refused(await move('admin', r.id, { action: 'assign', expert_user_id: ids.zhuanjia_b }), 409, 'action')
  refused(await move('admin', r.id, { action: 'decline', reason: '迟到的拒绝' }), 409, 'action')
  refused(await move('qiye', r.id, { action: 'rate', rating: 5, comment: '还没结束' }), 409, 'action')
  assert.equal((await get('admin', r.id)).expert.id, ids.zhuanjia)

  const race = await ask()
  const answers = await Promise.all([
    move('admin', race.id, { action: 'assign', expert_user_id: ids.zhuanjia }),
    move('admin', race.id, { action: 'assign', expert_user_id: ids.zhuanjia_b }),
  ])
  assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409])
  const winner = answers.find((a) => a.status === 200).json.expert.id
  assert.equal((await get('admin', race.id)).expert.id, winner)
  assert.equal((await auditOf(race.id)).filter((e) => e.action === 'coaching.assign').length, 1)
})

test('审计日志：每次写入都有中文动作名、记录类型与字段标签（辅导状态：已申请 → 已指派专家）', async () => {
  const r = await ask()
  await moved('admin', r.id, { action: 'assign', expert_user_id: ids.zhuanjia })
  await moved('zhuanjia', r.id, { action: 'record_session', session: session({ minutes: 90 }) })
  await moved('zhuanjia', r.id, { action: 'close', summary: '辅导完成' })
  await moved('qiye', r.id, { action: 'rate', rating: 4, comment: '有帮助' })
  const entries = (await auditOf(r.id)).sort((a, b) => a.seq - b.seq)
  assert.deepEqual(entries.map((e) => e.action_name), ['申请一对一辅导', '指派辅导专家', '登记辅导记录', '结束辅导', '评价辅导'])
  assert.ok(entries.every((e) => e.entity_type_name === '一对一辅导'))
  assert.deepEqual(entries.map((e) => e.actor.name), ['qiye', 'admin', 'zhuanjia', 'zhuanjia', 'qiye'])
  const changes = async (e) => Object.fromEntries(ok(await call('shenji', 'GET', `/api/v1/audit/${e.seq}`)).changes.map((c) => [c.field, c]))

  const asked = await changes(entries[0])
  assert.deepEqual([asked.state.field_name, asked.state.before, asked.state.after], ['辅导状态', null, '已申请'])
  assert.deepEqual([asked.topic.field_name, asked.topic.after], ['辅导主题', '数据治理'])
  assert.equal(asked.needs.field_name, '辅导需求')
  const assigned = await changes(entries[1])
  assert.deepEqual([assigned.state.field_name, assigned.state.before, assigned.state.after], ['辅导状态', '已申请', '已指派专家'])
  assert.deepEqual([assigned.expert.field_name, assigned.expert.before, assigned.expert.after], ['辅导专家', null, '演示评审专家'])
  const recorded = await changes(entries[2])
  assert.deepEqual([recorded.sessions.field_name, recorded.sessions.before, recorded.sessions.after], ['辅导次数', 0, 1])
  assert.deepEqual([recorded.minutes.field_name, recorded.minutes.after], ['辅导时长（分钟）', 90])
  assert.deepEqual([recorded.held_on.field_name, recorded.content.field_name, recorded.advice.field_name], ['辅导日期', '辅导内容', '专家建议'])
  assert.equal(recorded.state, undefined, 'a session leaves the state as it was')
  const closed = await changes(entries[3])
  assert.deepEqual([closed.state.before, closed.state.after, closed.summary.field_name], ['已指派专家', '已结束', '辅导总结'])
  const rated = await changes(entries[4])
  assert.deepEqual([rated.state.after, rated.rating.field_name, rated.rating.after, rated.comment.field_name], ['已评价', '评分', 4, '评价意见'])
  const facets = ok(await call('shenji', 'GET', '/api/v1/audit/facets'))
  assert.equal(facets.entity_types.find((x) => x.code === 'coaching').name, '一对一辅导')
})

test('辅导日期以申请日为界，随时间推移后可登记此前的日期', async () => {
  const r = await ask()
  await moved('admin', r.id, { action: 'assign', expert_user_id: ids.zhuanjia })
  await server.advanceClock(3 * 86400)
  for (const who of ['zhuanjia', 'admin']) t[who] = await server.login(who)
  const later = await moved('zhuanjia', r.id, { action: 'record_session', session: session({ held_on: today }) })
  assert.equal(later.sessions[0].held_on, today)
  refused(await move('zhuanjia', r.id, { action: 'record_session', session: session({ held_on: yesterday }) }), 422, 'session.held_on')
})

// 三员分立 (等保2.0 三级): the security administrator manages accounts and roles, the audit administrator reads the
// audit trail and the login log and changes nothing, the system administrator runs the platform; the city admin
// keeps the pilot's business. Each does its duty and is refused the others' with a Chinese 403.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR, ok, openapi } from './harness.mjs'

let server
const tokens = {}
before(async () => {
  server = await Server.start()
  for (const u of ['admin', 'gongyi', SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR]) tokens[u] = await server.login(u)
})
after(async () => {
  await server.stop()
})

const call = (who, method, path, body) => server.call(method, path, { token: tokens[who], body })

// A refusal of another's duty: 403 with a Chinese message that names the role that may.
async function refused(who, method, path, body, role) {
  const r = await call(who, method, path, body)
  assert.equal(r.status, 403, `${who} ${method} ${path} → ${r.status} ${r.text}`)
  assert.match(r.json.error.message, new RegExp(role), `${who} ${method} ${path}: ${r.json.error.message}`)
}

const NEW_USER = (username, roles = ['district_officer']) => ({
  username, display_name: '分立测试', password: 'Duty#2024pilot', roles, ...(roles.includes('district_officer') ? { district: '410181' } : {}),
})

test('安全管理员管理账号与角色，其他人不能', async () => {
  const created = ok(await call(SECURITY_ADMIN, 'POST', '/api/v1/users', NEW_USER('fenli1')), 201).user
  assert.equal(created.totp_enrolled, false)
  ok(await call(SECURITY_ADMIN, 'GET', '/api/v1/users?q=fenli1'))
  ok(await call(SECURITY_ADMIN, 'POST', `/api/v1/users/${created.id}/lock`))
  ok(await call(SECURITY_ADMIN, 'POST', `/api/v1/users/${created.id}/unlock`))
  ok(await call(SECURITY_ADMIN, 'POST', `/api/v1/users/${created.id}/password`, { password: 'Reset#2024pilot' }), 204)
  ok(await call(SECURITY_ADMIN, 'POST', `/api/v1/users/${created.id}/second-factor/reset`))
  for (const who of ['admin', SYSTEM_ADMIN, AUDITOR, 'gongyi']) {
    await refused(who, 'GET', '/api/v1/users', undefined, '安全管理员')
    await refused(who, 'POST', '/api/v1/users', NEW_USER(`x${who}`), '安全管理员')
    await refused(who, 'POST', `/api/v1/users/${created.id}/lock`, undefined, '安全管理员')
    await refused(who, 'POST', `/api/v1/users/${created.id}/password`, { password: 'Other#2024pilot' }, '安全管理员')
    await refused(who, 'POST', `/api/v1/users/${created.id}/second-factor/reset`, undefined, '安全管理员')
  }
  // The security administrator reads neither the audit trail nor the login log, and does not run the platform.
  await refused(SECURITY_ADMIN, 'GET', '/api/v1/audit', undefined, '审计管理员')
  await refused(SECURITY_ADMIN, 'GET', '/api/v1/login-log', undefined, '审计管理员')
  await refused(SECURITY_ADMIN, 'GET', '/api/v1/system/status', undefined, '系统管理员')
})

test('市级管理员只能查专家账号（指派评定专家、专家库），看不到其他账号', async () => {
  const experts = ok(await call('admin', 'GET', '/api/v1/users?role=expert&page_size=100'))
  assert.ok(experts.total >= 1)
  for (const u of experts.items) assert.ok(u.roles.includes('expert'), u.username)
  await refused('admin', 'GET', '/api/v1/users?role=provider', undefined, '安全管理员')
  await refused('gongyi', 'GET', '/api/v1/users?role=expert', undefined, '安全管理员')
  assert.equal((await call(SECURITY_ADMIN, 'GET', '/api/v1/users?role=root')).status, 422)
})

test('三员各用独立账号：系统、安全、审计管理员不能兼任其他角色', async () => {
  for (const roles of [['security_admin', 'city_admin'], ['audit_admin', 'security_admin'], ['system_admin', 'expert']]) {
    const r = await call(SECURITY_ADMIN, 'POST', '/api/v1/users', NEW_USER(`jian${roles.length}${roles[0].slice(0, 3)}`, roles))
    assert.equal(r.status, 422, r.text)
    assert.match(r.json.error.message, /三员分立/)
  }
  for (const role of ['system_admin', 'security_admin', 'audit_admin'])
    ok(await call(SECURITY_ADMIN, 'POST', '/api/v1/users', NEW_USER(`solo_${role.split('_')[0]}`, [role])), 201)
})

test('审计管理员只读：审计日志、登录日志、导出；不能管理账号、不能看系统状态', async () => {
  const page = ok(await call(AUDITOR, 'GET', '/api/v1/audit?page_size=5'))
  assert.ok(page.total > 0)
  ok(await call(AUDITOR, 'GET', `/api/v1/audit/${page.items[0].seq}`))
  ok(await call(AUDITOR, 'GET', '/api/v1/audit/facets'))
  assert.ok(ok(await call(AUDITOR, 'GET', '/api/v1/login-log?page_size=5')).total > 0)
  const exp = ok(await call(AUDITOR, 'POST', '/api/v1/audit/exports', {}), 202)
  await refused(AUDITOR, 'GET', '/api/v1/system/status', undefined, '系统管理员')
  for (const who of ['admin', SYSTEM_ADMIN, 'gongyi']) {
    await refused(who, 'GET', '/api/v1/audit', undefined, '审计管理员')
    await refused(who, 'GET', `/api/v1/audit/${page.items[0].seq}`, undefined, '审计管理员')
    await refused(who, 'GET', '/api/v1/login-log', undefined, '审计管理员')
    await refused(who, 'POST', '/api/v1/audit/exports', {}, '审计管理员')
  }
  // The system administrator sees the export among all jobs, but its file (the audit trail) is the auditor's alone.
  const jobs = ok(await call(SYSTEM_ADMIN, 'GET', `/api/v1/jobs?id=${exp.job.id}`))
  assert.equal(jobs.items.length, 1)
  for (let i = 0; i < 100 && ok(await call(AUDITOR, 'GET', `/api/v1/jobs/${exp.job.id}`)).state !== 'succeeded'; i++)
    await new Promise((r) => setTimeout(r, 50))
  assert.equal((await call(AUDITOR, 'GET', `/api/v1/jobs/${exp.job.id}/download`)).status, 200)
  const download = await call(SYSTEM_ADMIN, 'GET', `/api/v1/jobs/${exp.job.id}/download`)
  assert.equal(download.status, 403)
  assert.match(download.json.error.message, /本人/)
})

test('系统管理员运行平台：系统状态、全部任务、定时任务（只读）；不能读审计、不能管账号', async () => {
  ok(await call(SYSTEM_ADMIN, 'GET', '/api/v1/system/status'))
  ok(await call(SYSTEM_ADMIN, 'GET', '/api/v1/schedules'))
  await refused(SYSTEM_ADMIN, 'POST', '/api/v1/schedules', { name: '分立', job_kind: 'reminders.due', every: 'daily', hour: 8 }, '市级管理员')
  for (const who of ['admin', SECURITY_ADMIN, AUDITOR, 'gongyi']) await refused(who, 'GET', '/api/v1/system/status', undefined, '系统管理员')
  // The city admin keeps the pilot's business, and the schedules that run it.
  ok(await call('admin', 'GET', '/api/v1/enterprises?page_size=1'))
  ok(await call('admin', 'GET', '/api/v1/schedules'))
})

test('审计记录不能经任何接口修改或删除', async () => {
  const doc = openapi()
  for (const [path, ops] of Object.entries(doc.paths))
    if (path.startsWith('/api/v1/audit'))
      for (const method of Object.keys(ops)) assert.ok(['get'].includes(method) || path === '/api/v1/audit/exports', `${method} ${path}`)
  const seq = ok(await call(AUDITOR, 'GET', '/api/v1/audit?page_size=1')).items[0].seq
  for (const who of ['admin', SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR])
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const r = await call(who, method, `/api/v1/audit/${seq}`, { actor: { name: 'x' } })
      assert.ok(r.status === 404 || r.status === 405, `${who} ${method} /api/v1/audit/${seq} → ${r.status}`)
    }
  const again = ok(await call(AUDITOR, 'GET', `/api/v1/audit/${seq}`))
  assert.notEqual(again.actor?.name, 'x')
})

// Every documented write, as the auditor: none succeeds and the audit trail does not grow. Its own session
// (logout, its password), the public login steps and the test routes are not writes to the platform's data; the
// audit export is a read (a file for the auditor alone).
test('审计管理员对每一个写接口都得不到 2xx，审计日志条数不变', async () => {
  const before = ok(await call(AUDITOR, 'GET', '/api/v1/audit?page_size=1')).total
  const doc = openapi()
  let tried = 0
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      // platform_key routes take a platform's key, not a session: the auditor's gets 401.
      if (method === 'get' || ['public', 'self', 'test', 'metrics'].includes(op['x-scope'])) continue
      if (path === '/api/v1/audit/exports') continue
      const target = path.replace(/\{[a-z_]+\}/g, (m) => (m === '{year}' || m === '{stage}' ? '2025' : m === '{date}' ? '2025-05-20' : '1'))
      const r = await call(AUDITOR, method.toUpperCase(), target, {})
      assert.ok([400, 401, 403, 404, 405, 409, 415, 422].includes(r.status), `${AUDITOR} ${method} ${target} → ${r.status} ${r.text.slice(0, 200)}`)
      tried++
    }
  }
  assert.ok(tried > 100, `only ${tried} write routes`)
  assert.equal(ok(await call(AUDITOR, 'GET', '/api/v1/audit?page_size=1')).total, before)
})

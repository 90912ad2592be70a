// Two-factor login for administrators (等保2.0 三级), with auth.require_admin_totp on as in production: the password
// gives a pending token; an administrator without a second factor enrols (a secret shown once, confirmed by its
// first code, which also returns ten recovery codes shown once); then a TOTP code or a recovery code opens the
// session. The codes are computed here as an authenticator app does (RFC 6238, HMAC-SHA1, 30 s, 6 digits).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, PASSWORD, SECURITY_ADMIN, AUDITOR, cli, ok, totpCode } from './harness.mjs'

let server
let offset = 0  // seconds the test clock was moved: the server's time is ours plus this
before(async () => {
  server = await Server.start({ env: { SHUZHUAN_AUTH_REQUIRE_ADMIN_TOTP: 'true' } })
})
after(async () => {
  await server.stop()
})

// The code an authenticator app shows `stepsAhead` steps after the server's now.
const totp = (secret, stepsAhead = 0) => totpCode(secret, offset, stepsAhead)

async function advance(seconds) {
  await server.advanceClock(seconds)
  offset += seconds
}

const login = (username, password = PASSWORD) => server.call('POST', '/api/v1/auth/login', { body: { username, password } })
const verify = (body) => server.call('POST', '/api/v1/auth/login/verify', { body })
const enrol = (pending_token) => server.call('POST', '/api/v1/auth/login/enrolment', { body: { pending_token } })

// Logs an administrator in through enrolment; returns its session token, secret and recovery codes.
async function enrolAndLogin(username) {
  const first = ok(await login(username), 202)
  assert.equal(first.second_factor, 'enrol')
  const { secret } = ok(await enrol(first.pending_token))
  const r = ok(await verify({ pending_token: first.pending_token, code: totp(secret) }))
  return { token: r.token, secret, recovery: r.recovery_codes }
}

let adminSecret, adminRecovery, adminFirstCode
test('管理员首次登录须绑定身份验证器：密钥只给一次，第一个动态口令确认并返回10个恢复码', async () => {
  const first = await login('admin')
  assert.equal(first.status, 202, first.text)
  assert.equal(first.json.second_factor, 'enrol')
  assert.equal(first.json.token, undefined)
  assert.equal(first.headers.get('set-cookie'), null)  // no session before the second factor
  // A code before any secret: refused, not a session.
  assert.equal((await verify({ pending_token: first.json.pending_token, code: '123456' })).status, 422)
  const e = ok(await enrol(first.json.pending_token))
  assert.match(e.secret, /^[A-Z2-7]{32}$/)
  assert.ok(e.otpauth_uri.startsWith('otpauth://totp/') && e.otpauth_uri.includes(`secret=${e.secret}`), e.otpauth_uri)
  // A wrong first code does not confirm it.
  const wrong = await verify({ pending_token: first.json.pending_token, code: totp(e.secret, 5) })
  assert.equal(wrong.status, 401)
  assert.match(wrong.json.error.message, /动态口令/)
  adminFirstCode = totp(e.secret)
  const done = ok(await verify({ pending_token: first.json.pending_token, code: adminFirstCode }))
  assert.ok(done.token)
  assert.equal(done.user.totp_enrolled, true)
  assert.equal(done.recovery_codes.length, 10)
  assert.equal(new Set(done.recovery_codes).size, 10)
  ok(await server.call('GET', '/api/v1/auth/me', { token: done.token }))
  // The pending token served once.
  assert.equal((await verify({ pending_token: first.json.pending_token, code: totp(e.secret) })).status, 401)
  adminSecret = e.secret
  adminRecovery = done.recovery_codes
})

test('之后每次登录：密码之后须动态口令；同一口令不能用两次；密钥不再返回', async () => {
  const p = ok(await login('admin'), 202)
  assert.equal(p.second_factor, 'totp')
  assert.equal((await enrol(p.pending_token)).status, 409)  // enrolled: the secret is never given again
  // The code that confirmed the enrolment is spent (replay).
  const replay = await verify({ pending_token: p.pending_token, code: adminFirstCode })
  assert.equal(replay.status, 401, replay.text)
  await advance(30)
  const r = ok(await verify({ pending_token: p.pending_token, code: totp(adminSecret) }))
  assert.equal(r.recovery_codes, undefined)
  ok(await server.call('GET', '/api/v1/auth/me', { token: r.token }))
  // The pending login lasts five minutes.
  const late = ok(await login('admin'), 202)
  await advance(301)
  assert.equal((await verify({ pending_token: late.pending_token, code: totp(adminSecret) })).status, 401)
  // Both or neither of code and recovery code: 422.
  const both = ok(await login('admin'), 202)
  assert.equal((await verify({ pending_token: both.pending_token, code: '000000', recovery_code: adminRecovery[0] })).status, 422)
  assert.equal((await verify({ pending_token: both.pending_token })).status, 422)
})

test('恢复码可代替动态口令，每个只能用一次', async () => {
  const p = ok(await login('admin'), 202)
  const r = ok(await verify({ pending_token: p.pending_token, recovery_code: adminRecovery[0].toUpperCase() }))
  assert.equal(r.recovery_codes_left, 9)
  const again = ok(await login('admin'), 202)
  const reused = await verify({ pending_token: again.pending_token, recovery_code: adminRecovery[0] })
  assert.equal(reused.status, 401)
  assert.match(reused.json.error.message, /恢复码/)
  // Another one still works (and, a login done, the failed attempt is forgotten).
  assert.equal(ok(await verify({ pending_token: again.pending_token, recovery_code: adminRecovery[1] })).recovery_codes_left, 8)
})

test('错误的动态口令计入登录失败：连续5次后账户锁定（423）', async () => {
  await advance(30)
  const p = ok(await login('admin'), 202)
  const bad = totp(adminSecret) === '000000' ? '111111' : '000000'
  for (let i = 1; i <= 4; i++) assert.equal((await verify({ pending_token: p.pending_token, code: bad })).status, 401)
  const fifth = await verify({ pending_token: p.pending_token, code: bad })
  assert.equal(fifth.status, 423, fifth.text)
  assert.match(fifth.json.error.message, /锁定/)
  assert.equal((await login('admin')).status, 423)  // the account itself is locked, not only this pending login
  await advance(15 * 60 + 1)
})

test('非管理员只凭密码登录；安全管理员重置双因素后须重新绑定；审计管理员在登录日志中看到口令错误', async () => {
  assert.equal((await login('gongyi')).status, 200)
  const security = await enrolAndLogin(SECURITY_ADMIN)
  assert.equal(security.recovery.length, 10)
  const admin = ok(await server.call('GET', '/api/v1/users?q=admin', { token: security.token })).items.find((u) => u.username === 'admin')
  assert.equal(admin.totp_enrolled, true)
  const reset = ok(await server.call('POST', `/api/v1/users/${admin.id}/second-factor/reset`, { token: security.token }))
  assert.equal(reset.user.totp_enrolled, false)
  assert.equal(ok(await login('admin'), 202).second_factor, 'enrol')
  const auditor = await enrolAndLogin(AUDITOR)
  const log = ok(await server.call('GET', '/api/v1/login-log?username=admin&success=false&page_size=100', { token: auditor.token }))
  assert.ok(log.items.some((a) => a.reason.includes('动态口令错误')), JSON.stringify(log.items.map((a) => a.reason)))
  const trail = ok(await server.call('GET', '/api/v1/audit?action=user.totp_reset', { token: auditor.token }))
  assert.equal(trail.total, 1)
  // The secret is in no answer after enrolment: not in the user list, nor in the audit trail.
  const users = await server.call('GET', '/api/v1/users?page_size=100', { token: security.token })
  assert.ok(!users.text.includes(security.secret))
  const all = await server.call('GET', '/api/v1/audit?page_size=100', { token: auditor.token })
  assert.ok(!all.text.includes(security.secret) && !all.text.includes(auditor.secret))
  // The only security administrator lost phone and codes: the operator resets it on the server (audited as cli).
  const r = cli(['user', 'reset-second-factor', SECURITY_ADMIN, '--db', server.db])
  assert.equal(r.code, 0, r.stderr)
  assert.equal(ok(await login(SECURITY_ADMIN), 202).second_factor, 'enrol')
  assert.equal((await server.call('GET', '/api/v1/auth/me', { token: security.token })).status, 401)
})

// Lockout after repeated failures, session expiry, logout, cookies and CSRF — with the test clock, never sleeping.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Server, PASSWORD } from './harness.mjs'

let server
before(async () => {
  server = await Server.start()
})
after(async () => {
  await server.stop()
})

const login = (username, password) => server.call('POST', '/api/v1/auth/login', { body: { username, password } })

test('五次密码错误后锁定15分钟（423），到期后可再登录', async () => {
  for (let i = 1; i <= 4; i++) assert.equal((await login('yinhang', 'Wrong#Pass1')).status, 401)
  const fifth = await login('yinhang', 'Wrong#Pass1')
  assert.equal(fifth.status, 423)
  assert.match(fifth.json.error.message, /锁定/)
  // Locked: even the right password is refused.
  assert.equal((await login('yinhang', PASSWORD)).status, 423)
  await server.advanceClock(14 * 60)
  assert.equal((await login('yinhang', PASSWORD)).status, 423)
  await server.advanceClock(61)
  assert.equal((await login('yinhang', PASSWORD)).status, 200)
})

test('安全管理员解锁与锁定', async () => {
  for (let i = 0; i < 5; i++) await login('zhuanjia', 'Wrong#Pass1')
  assert.equal((await login('zhuanjia', PASSWORD)).status, 423)
  const admin = await server.login('anquan')
  const users = await server.call('GET', '/api/v1/users?q=zhuanjia', { token: admin })
  const id = users.json.items[0].id
  assert.equal((await server.call('POST', `/api/v1/users/${id}/unlock`, { token: admin })).status, 200)
  const ok = await login('zhuanjia', PASSWORD)
  assert.equal(ok.status, 200)
  // An admin lock ends the user's sessions at once and has no expiry.
  assert.equal((await server.call('POST', `/api/v1/users/${id}/lock`, { token: admin })).status, 200)
  assert.equal((await server.call('GET', '/api/v1/auth/me', { token: ok.json.token })).status, 401)
  await server.advanceClock(24 * 3600)
  assert.equal((await login('zhuanjia', PASSWORD)).status, 423)
  const security = await server.login('anquan')
  const self = await server.call('GET', '/api/v1/users?q=anquan', { token: security })
  const selfLock = await server.call('POST', `/api/v1/users/${self.json.items[0].id}/lock`, { token: security })
  assert.equal(selfLock.status, 422)
})

test('会话空闲30分钟过期；退出登录后令牌失效', async () => {
  const token = await server.login('gongyi')
  assert.equal((await server.call('GET', '/api/v1/auth/me', { token })).status, 200)
  await server.advanceClock(29 * 60)
  assert.equal((await server.call('GET', '/api/v1/auth/me', { token })).status, 200)  // use refreshes the idle timer
  await server.advanceClock(29 * 60)
  assert.equal((await server.call('GET', '/api/v1/auth/me', { token })).status, 200)
  await server.advanceClock(31 * 60)
  const expired = await server.call('GET', '/api/v1/auth/me', { token })
  assert.equal(expired.status, 401)
  assert.match(expired.json.error.message, /过期/)

  const t2 = await server.login('gongyi')
  assert.equal((await server.call('POST', '/api/v1/auth/logout', { token: t2 })).status, 204)
  assert.equal((await server.call('GET', '/api/v1/auth/me', { token: t2 })).status, 401)
})

test('浏览器会话：HttpOnly SameSite Cookie，写操作须带 CSRF 令牌', async () => {
  const r = await login('anquan', PASSWORD)
  const cookies = r.headers.getSetCookie()
  const session = cookies.find((c) => c.startsWith('sz_session='))
  const csrf = cookies.find((c) => c.startsWith('sz_csrf='))
  assert.match(session, /HttpOnly/)
  assert.match(session, /SameSite=Strict/)
  assert.doesNotMatch(csrf, /HttpOnly/)  // the page reads it to send the header
  const cookie = [session, csrf].map((c) => c.split(';')[0]).join('; ')
  assert.equal((await server.call('GET', '/api/v1/users', { headers: { cookie } })).status, 200)
  const body = { username: 'csrfcheck', display_name: '跨站校验', password: 'Cs#2024pilot', roles: ['expert'] }
  const origin = server.base  // a cookie write must also come from the site itself (origin.test.mjs)
  const without = await server.call('POST', '/api/v1/users', { headers: { cookie, origin }, body })
  assert.equal(without.status, 403)
  assert.match(without.json.error.message, /CSRF/)
  const wrong = await server.call('POST', '/api/v1/users', { headers: { cookie, origin, 'x-csrf-token': 'forged' }, body })
  assert.equal(wrong.status, 403)
  const right = await server.call('POST', '/api/v1/users', { headers: { cookie, origin, 'x-csrf-token': r.json.csrf_token }, body })
  assert.equal(right.status, 201)
})

test('登录日志记录成功与失败及来源地址', async () => {
  await login('xinmi', 'Wrong#Pass1')
  await login('xinmi', PASSWORD)
  const auditor = await server.login('shenji')
  const log = await server.call('GET', '/api/v1/login-log?page_size=100', { token: auditor })
  const mine = log.json.items.filter((i) => i.username === 'xinmi')
  assert.ok(mine.some((i) => i.success === true && i.ip === '127.0.0.1'))
  assert.ok(mine.some((i) => i.success === false && i.reason === '密码错误'))
})

test('修改本人密码：原密码错误被拒，新密码生效', async () => {
  const token = await server.login('fuwushang')
  const bad = await server.call('POST', '/api/v1/auth/password', { token, body: { old_password: 'nope', new_password: 'Fw#2025pilot' } })
  assert.equal(bad.status, 422)
  const good = await server.call('POST', '/api/v1/auth/password', { token, body: { old_password: PASSWORD, new_password: 'Fw#2025pilot' } })
  assert.equal(good.status, 204)
  assert.equal((await login('fuwushang', PASSWORD)).status, 401)
  assert.equal((await login('fuwushang', 'Fw#2025pilot')).status, 200)
})

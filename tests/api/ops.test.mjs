// Operations as an operator meets them: configuration, metrics, logs, the audit trail and its export, jobs
// that survive kill -9, backup under write load and restore, graceful shutdown — on the engine under test.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import net from 'node:net'
import path from 'node:path'
import { Server, cli, cliAsync, sql, emptyDatabaseUrl, waitFor, ENGINE, PASSWORD } from './harness.mjs'

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sz-ops-'))

test('配置：文件 < 环境变量 < 命令行；未知键与错误值点名拒绝；密码隐藏', () => {
  const dir = tmp()
  const conf = path.join(dir, 'shuzhuan.conf')
  writeFileSync(conf, '# 测试\ndb = "postgresql://sz:TopSecret9@db.internal/sz"\n[server]\nport = 9000\nhost = 0.0.0.0\n')
  let r = cli(['config', 'check', '--config', conf])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /server\.port = 9000\s+# 文件/)
  assert.match(r.stdout, /postgresql:\/\/sz:\*\*\*@db\.internal\/sz/)
  assert.doesNotMatch(r.stdout, /TopSecret9/)
  r = cli(['config', 'check', '--config', conf], { env: { SHUZHUAN_SERVER_PORT: '9100' } })
  assert.match(r.stdout, /server\.port = 9100\s+# 环境变量/)
  r = cli(['config', 'check', '--config', conf, '--port', '9200'], { env: { SHUZHUAN_SERVER_PORT: '9100' } })
  assert.match(r.stdout, /server\.port = 9200\s+# 命令行/)
  writeFileSync(conf, '[server]\nprot = 9000\n')
  r = cli(['config', 'check', '--config', conf])
  assert.notEqual(r.code, 0)
  assert.match(r.stderr, /server\.prot/)
  r = cli(['config', 'check'], { env: { SHUZHUAN_AUTH_LOCKOUT_MINUTES: 'soon' } })
  assert.notEqual(r.code, 0)
  assert.match(r.stderr, /auth\.lockout_minutes/)
  r = cli(['serve', '--port', '99999'])
  assert.notEqual(r.code, 0)
  assert.match(r.stderr, /server\.port/)
})

test('配置文件说明列出每一个配置项及默认值', () => {
  const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8')
  const r = cli(['config', 'check'])
  for (const line of r.stdout.trim().split('\n')) {
    const [key, rest] = line.split(' = ')
    const value = rest.split(/\s+#/)[0].trim()
    assert.ok(doc.includes('`' + key + '`'), `docs/configuration.md lacks ${key}`)
    assert.ok(doc.includes('`' + key + '` | `' + value + '`') || (value === '' && doc.includes('`' + key + '` | （空）')),
      `docs/configuration.md: default of ${key} should be ${value}`)
  }
})

test('监控指标：路由计数随请求增加；登录失败计数；非允许地址 403；可信代理', async () => {
  const server = await Server.start({ env: { SHUZHUAN_SERVER_TRUSTED_PROXIES: '127.0.0.1' } })
  try {
    const metric = async (line) => {
      const m = await server.call('GET', '/metrics')
      assert.equal(m.status, 200)
      assert.match(m.headers.get('content-type'), /text\/plain/)
      const found = m.text.split('\n').find((l) => l.startsWith(line + ' '))
      return found ? Number(found.slice(line.length + 1)) : 0
    }
    const key = 'shuzhuan_http_requests_total{route="/api/v1/industries",method="GET",status="200"}'
    const before = await metric(key)
    for (let i = 0; i < 7; i++) await server.call('GET', '/api/v1/industries')
    assert.equal(await metric(key), before + 7)
    const failuresBefore = await metric('shuzhuan_login_failures_total')
    await server.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'Wrong#2024x' } })
    assert.equal(await metric('shuzhuan_login_failures_total'), failuresBefore + 1)
    const text = (await server.call('GET', '/metrics')).text
    assert.match(text, /shuzhuan_http_request_duration_seconds_bucket\{route="\/api\/v1\/industries",le="0.005"\}/)
    assert.match(text, /shuzhuan_http_in_flight \d+/)
    assert.match(text, /shuzhuan_store_connections \d+/)
    assert.match(text, /shuzhuan_jobs\{state="queued"\} \d+/)

    // Behind a trusted proxy the forwarded client is believed; the login log shows it.
    await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'xinmi', password: 'Wrong#2024x' },
      headers: { 'x-forwarded-for': '198.51.100.7, 203.0.113.5' },
    })
    const admin = await server.login('shenji')  // 三员分立: the login log is the auditor's
    const log = await server.call('GET', '/api/v1/login-log?username=xinmi&success=false', { token: admin })
    assert.equal(log.json.items[0].ip, '203.0.113.5')
    const bad = await server.call('GET', '/api/v1/login-log?from=yesterday', { token: admin })
    assert.equal(bad.status, 422)
  } finally {
    await server.stop()
  }
  const closed = await Server.start({ env: { SHUZHUAN_SERVER_METRICS_ALLOW: '10.9.9.9' } })
  try {
    const m = await closed.call('GET', '/metrics')
    assert.equal(m.status, 403)
    // Not a trusted proxy: a forged header changes nothing.
    await closed.call('POST', '/api/v1/auth/login', {
      body: { username: 'xinmi', password: 'Wrong#2024x' },
      headers: { 'x-forwarded-for': '203.0.113.5' },
    })
    const admin = await closed.login('shenji')
    const log = await closed.call('GET', '/api/v1/login-log?username=xinmi', { token: admin })
    assert.equal(log.json.items[0].ip, '127.0.0.1')
  } finally {
    await closed.stop()
  }
})

test('日志：JSON 行，带请求编号，不含密码、令牌或未脱敏的手机号', async () => {
  const server = await Server.start()
  let log
  try {
    const login = await server.call('POST', '/api/v1/auth/login', { body: { username: 'gongyi', password: PASSWORD } })
    const token = login.json.token
    await server.call('GET', '/api/v1/enterprises/1', { token })
    await server.call('GET', '/api/v1/enterprises?q=13803710001', { token })
    await server.call('POST', '/api/v1/auth/login', { body: { username: 'gongyi', password: 'Typo#Secret77' } })
    await server.call('POST', '/api/v1/users', { token, body: { password: 'Leak#Secret88' } })
    await server.stop()
    log = server.log
    for (const secret of [PASSWORD, 'Typo#Secret77', 'Leak#Secret88', token, login.json.csrf_token, '13803710001'])
      assert.ok(!log.includes(secret), `log contains ${secret}`)
    const lines = log.split('\n').filter((l) => l.startsWith('{'))
    assert.ok(lines.length > 5)
    for (const l of lines) JSON.parse(l)
    const access = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'access')
    assert.ok(access.length >= 5)
    for (const a of access) assert.match(a.rid, /^[0-9a-f]{16}$/)
    assert.ok(access.some((a) => a.user === 'gongyi' && a.route === '/api/v1/enterprises/{id}'))
  } finally {
    await server.stop()
  }
})

test('审计日志：筛选、修改前后对比、导出 Excel（后台任务、进度、下载）', async () => {
  const server = await Server.start()
  try {
    // 三员分立: the security administrator locks an account, the auditor reads and exports the trail.
    const security = await server.login('anquan')
    const admin = await server.login('shenji')
    const users = await server.call('GET', '/api/v1/users?q=zhuanjia', { token: security })
    const id = users.json.items[0].id
    await server.call('POST', `/api/v1/users/${id}/lock`, { token: security })
    const list = await server.call('GET', '/api/v1/audit?actor=anquan&action=user.lock', { token: admin })
    assert.equal(list.status, 200)
    assert.equal(list.json.total, 1)
    const item = list.json.items[0]
    assert.equal(item.action_name, '锁定用户')
    assert.equal(item.entity_id, String(id))
    const detail = await server.call('GET', `/api/v1/audit/${item.seq}`, { token: admin })
    assert.deepEqual(detail.json.changes, [{ field: 'locked_by_admin', field_name: '管理员锁定', before: false, after: true }])
    assert.match(detail.json.hash, /^[0-9a-f]{64}$/)
    const facets = await server.call('GET', '/api/v1/audit/facets', { token: admin })
    assert.ok(facets.json.actions.some((a) => a.code === 'enterprise.create' && a.name === '新增企业'))
    const demoOnly = await server.call('GET', '/api/v1/audit?entity_type=enterprise&page_size=1', { token: admin })
    assert.equal(demoOnly.json.total, 440)
    const future = await server.call('GET', '/api/v1/audit?from=2099-01-01T00:00:00Z', { token: admin })
    assert.equal(future.json.total, 0)
    assert.equal((await server.call('GET', '/api/v1/audit?from=2026-13-01', { token: admin })).status, 422)

    const exp = await server.call('POST', '/api/v1/audit/exports', { token: admin, body: { entity_type: 'enterprise' } })
    assert.equal(exp.status, 202)
    const jobId = exp.json.job.id
    const done = await waitFor(async () => {
      const j = await server.call('GET', `/api/v1/jobs/${jobId}`, { token: admin })
      return j.json.state === 'succeeded' || j.json.state === 'failed' ? j.json : null
    }, { what: 'export job' })
    assert.equal(done.state, 'succeeded', done.error)
    assert.deepEqual(done.progress, { done: 440, total: 440 })
    const file = await fetch(server.base + done.result.download_url, { headers: { authorization: `Bearer ${admin}` } })
    assert.equal(file.status, 200)
    assert.match(file.headers.get('content-disposition'), /filename\*=UTF-8''/)
    const bytes = Buffer.from(await file.arrayBuffer())
    assert.equal(bytes.subarray(0, 2).toString(), 'PK')
    const dir = tmp()
    writeFileSync(path.join(dir, 'a.xlsx'), bytes)
    const sheet = execFileSync('unzip', ['-p', path.join(dir, 'a.xlsx'), 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' })
    assert.equal((sheet.match(/<row /g) || []).length, 441)
    assert.match(sheet, /新增企业/)
    // Another user cannot read the auditor's job or its file.
    const gongyi = await server.login('gongyi')
    assert.equal((await server.call('GET', `/api/v1/jobs/${jobId}`, { token: gongyi })).status, 403)
    assert.equal((await server.call('GET', `/api/v1/jobs/${jobId}/download`, { token: gongyi })).status, 403)
    const mine = await server.call('GET', '/api/v1/jobs', { token: gongyi })
    assert.equal(mine.json.total, 0)
    const status = await server.call('GET', '/api/v1/system/status', { token: await server.login('xitong') })
    assert.equal(status.json.engine, ENGINE)
    assert.equal(status.json.jobs.succeeded, 1)
    assert.ok(status.json.audit.entries > 440)
    assert.ok(status.json.login_failures_24h >= 0)
    assert.doesNotMatch(status.json.database, /:[^:@/]+@/)
  } finally {
    await server.stop()
  }
})

test('任务被 kill -9 中断后重新执行，且只完成一次', async () => {
  let server = await Server.start({ args: ['--job-lease', '2'] })
  const db = server.db
  try {
    const admin = await server.login('admin')
    const q = await server.call('POST', '/api/v1/test/jobs', { token: admin, body: { steps: 40, step_ms: 100 } })
    assert.equal(q.status, 202)
    const id = q.json.id
    await waitFor(async () => {
      const j = await server.call('GET', `/api/v1/jobs/${id}`, { token: admin })
      return j.json.progress.done >= 5
    }, { what: 'progress' })
    server.proc.kill('SIGKILL')
    await server.exited
    server = await Server.start({ db, args: ['--job-lease', '2'] })
    const token = await server.login('admin')
    const job = await waitFor(async () => {
      const j = await server.call('GET', `/api/v1/jobs/${id}`, { token })
      return j.json.state === 'succeeded' ? j.json : null
    }, { what: 'job to finish after restart' })
    assert.equal(job.attempts, 2)
    assert.deepEqual(job.progress, { done: 40, total: 40 })
    const effects = await server.call('GET', `/api/v1/audit?action=job.complete&entity_id=${id}`, { token: await server.login('shenji') })
    assert.equal(effects.json.total, 1)
    assert.equal(cli(['audit', 'verify', '--db', db]).code, 0)
  } finally {
    await server.stop()
  }
})

test('写入负载下备份，恢复到另一库：审计链完整、数字一致；覆盖已有数据需 --force', async () => {
  const server = await Server.start()
  const dir = tmp()
  const file = path.join(dir, ENGINE === 'sqlite' ? 'backup.db' : 'backup.dump')
  let writing = true
  try {
    const admin = await server.login('anquan')
    // Write load: logins (login log, sessions) and new accounts (audit entries) while the backup runs.
    let n = 0
    const load = (async () => {
      while (writing) {
        n++
        await server.call('POST', '/api/v1/users', {
          token: admin,
          body: { username: `load${n}`, display_name: `负载${n}`, password: 'Load#2024pilot', roles: ['expert'] },
        })
        await server.call('POST', '/api/v1/auth/login', { body: { username: 'gongyi', password: PASSWORD } })
      }
    })()
    await waitFor(() => n > 2, { what: 'the write load to start' })
    // The backup runs as its own process while the load keeps writing (an async spawn: the event loop stays free);
    // writes go on after it, so it left no lock behind.
    const b = await cliAsync(['backup', '--to', file, '--db', server.db])
    const after = n
    await waitFor(() => n > after + 1, { what: 'writes after the backup' })
    writing = false
    await load
    assert.equal(b.code, 0, b.stderr + b.stdout)
    const manifest = JSON.parse(readFileSync(file + '.manifest.json', 'utf8'))
    assert.equal(manifest.engine, ENGINE)
    assert.match(manifest.audit_head.hash, /^[0-9a-f]{64}$/)

    const target = emptyDatabaseUrl()
    const r = cli(['restore', '--from', file, '--db', target])
    assert.equal(r.code, 0, r.stderr + r.stdout)
    assert.match(r.stdout, new RegExp(manifest.audit_head.hash))
    assert.equal(cli(['audit', 'verify', '--db', target, '--expect-head', manifest.audit_head.hash]).code, 0)
    // The restored store shows the same figures as the source at the moment of the backup.
    const restored = await Server.start({ db: target })
    try {
      const t = await restored.login('admin')
      const a = await restored.call('GET', '/api/v1/enterprises?page_size=1', { token: t })
      assert.equal(a.json.total, 440)
      const srcTargets = (await server.call('GET', '/api/v1/targets')).json
      assert.deepEqual((await restored.call('GET', '/api/v1/targets')).json, srcTargets)
      const st = await restored.call('GET', '/api/v1/system/status', { token: await restored.login('xitong') })
      assert.equal(st.json.audit.head_hash, manifest.audit_head.hash)
      const users = await restored.call('GET', '/api/v1/users?page_size=1', { token: await restored.login('anquan') })
      const auditUsers = await restored.call('GET', '/api/v1/audit?action=user.create&page_size=1', { token: await restored.login('shenji') })
      assert.equal(users.json.total, auditUsers.json.total)  // every account in the copy has its audit entry
    } finally {
      await restored.stop()
    }
    // A store with data is not overwritten without --force.
    const refused = cli(['restore', '--from', file, '--db', server.db])
    assert.notEqual(refused.code, 0)
    assert.match(refused.stderr, /--force/)
    const existing = cli(['backup', '--to', file, '--db', server.db])
    assert.notEqual(existing.code, 0)
    // A damaged backup is refused before anything is touched.
    const broken = path.join(dir, 'broken' + path.extname(file))
    writeFileSync(broken, readFileSync(file).subarray(0, 1000))
    writeFileSync(broken + '.manifest.json', readFileSync(file + '.manifest.json'))
    const damaged = cli(['restore', '--from', broken, '--db', emptyDatabaseUrl()])
    assert.notEqual(damaged.code, 0)
    assert.match(damaged.stderr, /SHA-256/)
    const forced = cli(['restore', '--from', file, '--db', target, '--force'])
    assert.equal(forced.code, 0, forced.stderr)
  } finally {
    writing = false
    await server.stop()
  }
})

test('优雅停机：SIGTERM 后进行中的请求完成，新连接被拒，数据库完好', async () => {
  const server = await Server.start({ args: ['--read-timeout', '10'] })
  const sock = net.connect(server.port, '127.0.0.1')
  await new Promise((r) => sock.on('connect', r))
  let reply = ''
  sock.on('data', (d) => (reply += d))
  const sockClosed = new Promise((r) => sock.on('close', r))
  const body = JSON.stringify({ username: 'gongyi', password: PASSWORD })
  sock.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
  sock.write(body.slice(0, 10))
  // An idle keep-alive connection is closed by the drain.
  const idle = net.connect(server.port, '127.0.0.1')
  await new Promise((r) => idle.on('connect', r))
  const idleClosed = new Promise((r) => idle.on('close', r))
  await new Promise((r) => setTimeout(r, 200))
  server.proc.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 500))
  await idleClosed
  // New connections are refused while the in-flight request is still being received.
  await assert.rejects(fetch(server.base + '/api/v1/health'))
  sock.write(body.slice(10))
  const exit = await server.exited
  await sockClosed
  assert.match(reply, /^HTTP\/1\.1 200/)
  assert.match(reply, /Connection: close/i)
  assert.equal(exit.code, 0)
  if (ENGINE === 'sqlite') {
    assert.equal(sql(server.db, 'PRAGMA integrity_check').trim(), 'ok')
  } else {
    execFileSync('pg_amcheck', ['--install-missing', '--heapallindexed', server.db])
  }
  assert.equal(cli(['audit', 'verify', '--db', server.db]).code, 0)
})

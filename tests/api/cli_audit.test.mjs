// The command line as an operator uses it, and the audit chain: intact after writes, broken by a hand edit.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { Server, cli, sql, BIN, DEMO_BIN } from './harness.mjs'

test('演示数据在自己的程序里：正式的 shuzhuan 没有 demo 命令，也不含演示数据', () => {
  const demo = cli(['demo', '--bare', '--db', 'sqlite::memory:'])
  assert.notEqual(demo.code, 0)
  assert.match(demo.stderr, /subcommand is required/)
  assert.equal(cli(['--help'], { bin: DEMO_BIN }).code, 0)
  // What the demo writes (its enterprises' trade names, its report) and its data file are in the demo binary only.
  for (const word of ['演示数据已就绪', '恒泰', '演示数据：每个区县各行业试点企业数']) {
    assert.ok(!readFileSync(BIN).includes(Buffer.from(word)), `${word} in the production binary`)
    assert.ok(readFileSync(DEMO_BIN).includes(Buffer.from(word)), `${word} not in the demo binary`)
  }
})

test('命令行：--help、错误参数、用户增改锁', async () => {
  const server = await Server.start()
  try {
    for (const args of [['--help'], ['serve', '--help'], ['user', 'add', '--help'], ['audit', 'verify', '--help']])
      assert.equal(cli(args).code, 0, args.join(' '))
    assert.notEqual(cli([]).code, 0)
    assert.notEqual(cli(['frobnicate']).code, 0)
    assert.notEqual(cli(['serve', '--port', 'abc']).code, 0)
    assert.notEqual(cli(['init', '--db', 'mysql://nope']).code, 0)

    const db = ['--db', server.db]
    const bad = cli(['user', 'add', 'clerk', '--role', 'district_officer', '--password-stdin', ...db], { input: 'Zq#2024pilot\n' })
    assert.notEqual(bad.code, 0)
    assert.match(bad.stderr, /区县/)
    const weak = cli(['user', 'add', 'clerk', '--role', 'expert', '--password-stdin', ...db], { input: 'weak\n' })
    assert.notEqual(weak.code, 0)
    assert.match(weak.stderr, /密码/)
    const add = cli(['user', 'add', 'clerk', '--role', 'district_officer', '--role', 'expert', '--district', '410182',
      '--password-stdin', ...db], { input: 'Zq#2024pilot\n' })
    assert.equal(add.code, 0, add.stderr)
    const me = await server.call('GET', '/api/v1/auth/me', { token: await server.login('clerk', 'Zq#2024pilot') })
    assert.deepEqual(me.json.user.roles.sort(), ['district_officer', 'expert'])

    assert.equal(cli(['user', 'passwd', 'clerk', '--password-stdin', ...db], { input: 'Zq#2025pilot\n' }).code, 0)
    assert.equal((await server.call('POST', '/api/v1/auth/login', { body: { username: 'clerk', password: 'Zq#2024pilot' } })).status, 401)
    assert.equal(cli(['user', 'lock', 'clerk', ...db]).code, 0)
    assert.equal((await server.call('POST', '/api/v1/auth/login', { body: { username: 'clerk', password: 'Zq#2025pilot' } })).status, 423)
    assert.equal(cli(['user', 'unlock', 'clerk', ...db]).code, 0)
    assert.equal((await server.call('POST', '/api/v1/auth/login', { body: { username: 'clerk', password: 'Zq#2025pilot' } })).status, 200)
    assert.notEqual(cli(['user', 'lock', 'ghost', ...db]).code, 0)
  } finally {
    await server.stop()
  }
})

test('审计链：写操作留痕且不含口令；手工篡改或删除最新记录后校验失败', async () => {
  const server = await Server.start()
  try {
    const security = await server.login('anquan')
    const created = await server.call('POST', '/api/v1/users', {
      token: security,
      body: { username: 'audited', display_name: '审计', password: 'Audit#2024x', roles: ['expert'] },
    })
    assert.equal(created.status, 201)
    const db = ['--db', server.db]
    const ok = cli(['audit', 'verify', ...db])
    assert.equal(ok.code, 0, ok.stdout + ok.stderr)
    assert.match(ok.stdout, /审计链完整/)
    const head = ok.stdout.match(/链头 ([0-9a-f]{64})/)[1]

    const row = sql(server.db, "SELECT actor_name, actor_roles, after_json FROM audit_log WHERE action = 'user.create' AND after_json LIKE '%audited%'")
    assert.match(row, /anquan/)
    assert.match(row, /security_admin/)
    assert.doesNotMatch(row, /Audit#2024x|argon2/)

    // Edit one entry by hand: verify names the first broken link.
    const seq = Number(sql(server.db, 'SELECT MIN(seq) + 5 FROM audit_log').trim())
    sql(server.db, `UPDATE audit_log SET after_json = '{"tampered":true}' WHERE seq = ${seq}`)
    const broken = cli(['audit', 'verify', ...db])
    assert.notEqual(broken.code, 0)
    assert.match(broken.stdout, new RegExp(`第 ${seq} 条`))
  } finally {
    await server.stop()
  }
})

test('审计链：删除最新的记录也能发现', async () => {
  const server = await Server.start()
  try {
    const db = ['--db', server.db]
    const before = cli(['audit', 'verify', ...db])
    assert.equal(before.code, 0)
    const head = before.stdout.match(/链头 ([0-9a-f]{64})/)[1]
    sql(server.db, 'DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)')
    const r = cli(['audit', 'verify', ...db])
    assert.notEqual(r.code, 0)
    assert.match(r.stdout, /链头|删除/)
    // Even when the head table is rewritten too: the head the server signed when it started holds the deleted entry
    // (this passed before the chain was anchored outside the store — issue 13), and so does a head kept elsewhere.
    sql(server.db, 'UPDATE audit_head SET last_seq = last_seq - 1, last_hash = (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1)')
    const rewritten = cli(['audit', 'verify', ...db])
    assert.notEqual(rewritten.code, 0)
    assert.match(rewritten.stdout, /签名检查点/)
    assert.notEqual(cli(['audit', 'verify', '--expect-head', head, ...db]).code, 0)
  } finally {
    await server.stop()
  }
})

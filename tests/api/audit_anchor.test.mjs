// The audit chain anchored outside the store (issue 13, finding 8). Whoever holds the database can rewrite the SM3
// chain, which has no key: the three rewrites below passed a plain `audit verify` before. The platform now signs the
// chain's head with an SM2 key the database never holds (at start, on its timer, on a backup, on demand), and
// `audit verify` checks the chain against the newest signed checkpoint with the public key alone.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BIN, SECURITY_ADMIN, Server, cli, sql, waitFor } from './harness.mjs'

const GENESIS = '0'.repeat(64)

// A key pair and a checkpoint directory of the test's own, handed to the server and the CLI alike.
function anchorEnv() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sz-anchor-'))
  cli(['audit', 'keygen', '--out', dir])
  return {
    dir,
    env: {
      SHUZHUAN_AUDIT_SIGNING_KEY: path.join(dir, 'audit-signing.key'),
      SHUZHUAN_AUDIT_VERIFY_KEY: path.join(dir, 'audit-verify.pub'),
      SHUZHUAN_AUDIT_CHECKPOINT_DIR: path.join(dir, 'checkpoints'),
    },
  }
}

// A served store with a few writes after its start, all of them signed by `audit checkpoint`.
async function anchoredStore() {
  const a = anchorEnv()
  const server = await Server.start({ env: a.env })
  const admin = await server.login(SECURITY_ADMIN)  // 三员分立: accounts are the security administrator's
  for (const name of ['anchor1', 'anchor2', 'anchor3']) {
    const r = await server.call('POST', '/api/v1/users', { token: admin,
      body: { username: name, display_name: '锚定', password: 'Anchor#2024x', roles: ['expert'] } })
    assert.equal(r.status, 201, r.text)
  }
  cli(['audit', 'checkpoint', '--db', server.db], { env: a.env })
  const verify = (args = []) => cli(['audit', 'verify', '--db', server.db, ...args], { env: a.env })
  const before = verify()
  assert.equal(before.code, 0, before.stdout + before.stderr)
  return { server, verify, ...a }
}

// The store's audit rows from `seq` on, oldest first, as objects (both engines).
function rowsFrom(db, seq) {
  const cols = ['seq', 'at', 'actor_user_id', 'actor_name', 'actor_roles', 'request_id', 'ip', 'action', 'entity_type',
    'entity_id', 'before_json', 'after_json', 'prev_hash', 'hash']
  const pairs = cols.map((c) => `'${c}', ${c}`).join(', ')
  const q = db.startsWith('sqlite:')
    ? `SELECT json_group_array(json_object(${pairs})) FROM (SELECT * FROM audit_log WHERE seq >= ${seq} ORDER BY seq)`
    : `SELECT json_agg(json_build_object(${pairs}) ORDER BY seq) FROM audit_log WHERE seq >= ${seq}`
  return JSON.parse(sql(db, q).trim())
}

// The chain's link hash as the platform computes it: SM3 over length-prefixed fields (no key).
function linkHash(e) {
  let s = ''
  for (const f of [e.seq, e.at, e.actor_user_id ?? '', e.actor_name, e.actor_roles, e.request_id, e.ip, e.action,
    e.entity_type, e.entity_id, e.before_json, e.after_json, e.prev_hash]) {
    const v = String(f)
    s += `${Buffer.byteLength(v)}:${v};`
  }
  return createHash('sm3').update(s).digest('hex')
}
const quote = (v) => `'${String(v).replaceAll("'", "''")}'`

test('改写 1：删除最新的记录并改写链头——普通校验曾通过，现在与签名检查点不符', async () => {
  const { server, verify } = await anchoredStore()
  try {
    const [last] = rowsFrom(server.db, Number(sql(server.db, 'SELECT MAX(seq) - 1 FROM audit_log').trim()))
    sql(server.db, `DELETE FROM audit_log WHERE seq >= ${last.seq}`)
    const [kept] = rowsFrom(server.db, last.seq - 1)
    sql(server.db, `UPDATE audit_head SET last_seq = ${kept.seq}, last_hash = ${quote(kept.hash)}`)
    const r = verify()
    assert.notEqual(r.code, 0, r.stdout)
    assert.match(r.stdout, /审计链校验失败：.*签名检查点记录的链头是第 \d+ 条.*删除/)
  } finally {
    await server.stop()
  }
})

test('改写 2：修改一条记录后重算整条哈希链——普通校验曾通过，现在与签名检查点不符', async () => {
  const { server, verify } = await anchoredStore()
  try {
    const from = Number(sql(server.db, "SELECT MIN(seq) FROM audit_log WHERE action = 'user.create' AND after_json LIKE '%anchor2%'").trim())
    const rows = rowsFrom(server.db, from)
    rows[0].after_json = rows[0].after_json.replace('anchor2', 'someone')
    const statements = []
    let prev = rows[0].prev_hash
    for (const e of rows) {
      e.prev_hash = prev
      e.hash = linkHash(e)
      prev = e.hash
      statements.push(`UPDATE audit_log SET after_json = ${quote(e.after_json)}, prev_hash = ${quote(e.prev_hash)}, hash = ${quote(e.hash)} WHERE seq = ${e.seq}`)
    }
    statements.push(`UPDATE audit_head SET last_hash = ${quote(prev)}`)
    sql(server.db, statements.join('; '))
    // The rewrite is consistent: the chain on its own holds (the check this replaces passed here).
    const r = verify()
    assert.notEqual(r.code, 0, r.stdout)
    assert.match(r.stdout, /与签名检查点记录的哈希不符/)
  } finally {
    await server.stop()
  }
})

test('改写 3：清空审计日志——普通校验曾通过，现在失败', async () => {
  const { server, verify } = await anchoredStore()
  try {
    sql(server.db, `DELETE FROM audit_log; UPDATE audit_head SET last_seq = 0, last_hash = '${GENESIS}'`)
    const r = verify()
    assert.notEqual(r.code, 0, r.stdout)
    assert.match(r.stdout, /审计日志是空的/)
  } finally {
    await server.stop()
  }
})

test('签名检查点：启动与定时签名、年龄、缺失、过期、伪造、换公钥；openssl 可独立核验', async () => {
  const { server, verify, dir, env } = await anchoredStore()
  try {
    const ok = verify()
    assert.match(ok.stdout, /审计链完整：共 \d+ 条/)
    assert.match(ok.stdout, /签名检查点：第 \d+ 条，签于 .*前），SM2 签名有效/)

    // The timer: an hour later (the server's test clock) the head is signed again, on its own.
    const lines = () => readdirSync(env.SHUZHUAN_AUDIT_CHECKPOINT_DIR).sort().flatMap((f) =>
      readFileSync(path.join(env.SHUZHUAN_AUDIT_CHECKPOINT_DIR, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l)))
    assert.deepEqual(lines().map((c) => c.reason), ['scheduled', 'manual'])
    await server.advanceClock(3600)
    await waitFor(() => lines().length === 3, { what: 'the hourly checkpoint' })
    assert.equal(lines()[2].reason, 'scheduled')

    // Any SM2 tool checks a checkpoint with the public key alone.
    const cp = lines()[1]
    const text = `shuzhuan audit checkpoint 1\nchain ${cp.chain}\nseq ${cp.seq}\nhash ${cp.hash}\nat ${cp.at}\nreason ${cp.reason}\nkey ${cp.key_id}\n`
    writeFileSync(path.join(dir, 'msg'), text)
    writeFileSync(path.join(dir, 'sig'), Buffer.from(cp.signature, 'hex'))
    execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', env.SHUZHUAN_AUDIT_VERIFY_KEY, '-rawin', '-digest', 'sm3',
      '-pkeyopt', 'distid:1234567812345678', '-in', path.join(dir, 'msg'), '-sigfile', path.join(dir, 'sig')])

    // Stale: the newest checkpoint older than the age allowed (the timer stopped, or newer checkpoints were deleted).
    await new Promise((r) => setTimeout(r, 1100))
    const oldDir = path.join(dir, 'old')
    mkdirSync(oldDir)
    writeFileSync(path.join(oldDir, 'audit-checkpoints-2026-01-01.jsonl'), JSON.stringify(lines()[1]) + '\n')
    const tooOld = verify(['--checkpoint-dir', oldDir, '--max-age', '0'])
    assert.notEqual(tooOld.code, 0)
    assert.match(tooOld.stdout, /已是 \d+ 秒前，超过预期/)
    assert.equal(verify(['--checkpoint-dir', oldDir]).code, 0)

    // Missing: a directory with no checkpoint of this chain.
    const none = cli(['audit', 'verify', '--db', server.db, '--checkpoint-dir', path.join(dir, 'empty')], { env })
    assert.notEqual(none.code, 0)
    assert.match(none.stdout, /找不到本审计链的签名检查点/)

    // Forged: a newer line without the private key.
    const forged = { ...lines()[2], seq: 1, at: lines()[2].at + 60, signature: lines()[2].signature }
    const file = readdirSync(env.SHUZHUAN_AUDIT_CHECKPOINT_DIR).sort().at(-1)
    appendFileSync(path.join(env.SHUZHUAN_AUDIT_CHECKPOINT_DIR, file), JSON.stringify(forged) + '\n')
    const bad = verify()
    assert.notEqual(bad.code, 0)
    assert.match(bad.stdout, /签名无效/)

    // Another public key.
    const other = mkdtempSync(path.join(tmpdir(), 'sz-anchor-other-'))
    assert.equal(cli(['audit', 'keygen', '--out', other]).code, 0)
    assert.notEqual(cli(['audit', 'keygen', '--out', other]).code, 0, 'keygen never replaces a key')
    const wrong = verify(['--public-key', path.join(other, 'audit-verify.pub')])
    assert.notEqual(wrong.code, 0)
    assert.match(wrong.stdout, /另一把密钥/)
  } finally {
    await server.stop()
  }
})

test('备份时签名检查点，写入备份清单；缺少私钥的配置路径拒绝启动', async () => {
  const { server, env } = await anchoredStore()
  try {
    const to = path.join(mkdtempSync(path.join(tmpdir(), 'sz-anchor-backup-')), 'b.bak')
    const b = cli(['backup', '--to', to, '--db', server.db], { env })
    assert.equal(b.code, 0, b.stderr)
    const manifest = JSON.parse(readFileSync(to + '.manifest.json', 'utf8'))
    assert.equal(manifest.audit_checkpoint.reason, 'backup')
    assert.equal(manifest.audit_checkpoint.seq, manifest.audit_head.seq)
    assert.equal(manifest.audit_checkpoint.hash, manifest.audit_head.hash)
    // A configured key that is not there stops the server before it listens (never a key made up in its place).
    assert.throws(() => execFileSync(BIN, ['serve', '--db', server.db, '--port', '0'], {
      env: { ...process.env, ...env, SHUZHUAN_AUDIT_SIGNING_KEY: '/nonexistent/k.pem' }, stdio: 'pipe', timeout: 15000,
    }), (e) => e.status !== 0 && /无法读取签名私钥/.test(String(e.stderr)))
  } finally {
    await server.stop()
  }
})

// Starts the real shuzhuan server on a fresh store (SQLite file or a new PostgreSQL database) and speaks HTTP to it.
// Environment: SZ_BIN (default build/shuzhuan), SZ_ENGINE (sqlite | postgresql), SZ_PG_URL (a PostgreSQL server URL
// without a database name, e.g. postgresql://postgres@127.0.0.1:54329; each server gets its own new database).
import assert from 'node:assert/strict'
import { spawn, execFileSync, execFile } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const BIN = path.resolve(ROOT, process.env.SZ_BIN || 'build/shuzhuan')
// The demo data's own binary, built beside the server (the production binary carries no demo code).
export const DEMO_BIN = path.join(path.dirname(BIN), 'shuzhuan-demo')
export const ENGINE = process.env.SZ_ENGINE || 'sqlite'
export const PASSWORD = 'Demo@2024'

// Demo ids are deterministic: enterprises are created district by district in the annex's order,
// so 巩义市 holds ids 1–107 and 新密市 108–199.
export const GONGYI_ENTERPRISE = 1
export const XINMI_ENTERPRISE = 108

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

let dbCounter = 0
function newDatabaseUrl() {
  if (ENGINE === 'sqlite') return `sqlite:${mkdtempSync(path.join(tmpdir(), 'sz-api-'))}/test.db`
  const base = process.env.SZ_PG_URL
  if (!base) throw new Error('SZ_PG_URL is required for SZ_ENGINE=postgresql')
  const name = `sz_${process.pid}_${Date.now()}_${++dbCounter}`
  execFileSync('psql', [`${base}/postgres`, '-q', '-c', `CREATE DATABASE ${name}`])
  return `${base}/${name}`
}

// The suite's stores commit without waiting for the disk, as its PostgreSQL cluster runs with fsync=off: a power loss
// is no test's concern, and FULL (the default) would add a sync to each of the bare demo's commits at every start.
// Applies to the servers and their demo loads; a test may still ask for FULL through its own env.
const TEST_DEFAULTS = { SHUZHUAN_SQLITE_SYNCHRONOUS: 'NORMAL', SHUZHUAN_AUTH_REQUIRE_ADMIN_TOTP: 'false' }

// Each store's files (jobs' results, documents) in a folder of its own, as the nodes of one deployment share theirs:
// result files are named by job id, so two test stores writing into the checkout's var/ — files and suites run side
// by side — could overwrite each other's. The server and every command given `--db` for a store use its folder (a
// command without one sees the configured defaults).
const storeFolders = new Map()
function filesOf(dbUrl) {
  if (!storeFolders.has(dbUrl)) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sz-files-'))
    storeFolders.set(dbUrl, { SHUZHUAN_JOBS_DIR: path.join(dir, 'jobs'), SHUZHUAN_DOCUMENTS_DIR: path.join(dir, 'documents') })
  }
  return storeFolders.get(dbUrl)
}
// Signed audit checkpoints in a folder of this test process: a store and the stores restored from its backups share
// it, as one deployment's do (checkpoints name their chain by the store's own nonce), and no other suite writes there.
const checkpoints = { SHUZHUAN_AUDIT_CHECKPOINT_DIR: mkdtempSync(path.join(tmpdir(), 'sz-checkpoints-')) }
// What a server or a command working on the store `dbUrl` is given: its folders.
function storeEnv(dbUrl) {
  return dbUrl ? { ...checkpoints, ...filesOf(dbUrl) } : {}
}
function commandEnv(args, env) {
  const at = args.indexOf('--db')
  return { ...process.env, ...storeEnv(at >= 0 ? args[at + 1] : null), ...env }
}

// Runs the CLI (or `bin`, e.g. DEMO_BIN); returns { code, stdout, stderr }.
export function cli(args, { input, env, bin = BIN } = {}) {
  try {
    const stdout = execFileSync(bin, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], env: commandEnv(args, env) })
    return { code: 0, stdout, stderr: '' }
  } catch (e) {
    return { code: e.status ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

// The same, without blocking the event loop: requests the test keeps sending go on while the command runs.
export function cliAsync(args, { env } = {}) {
  return new Promise((resolve) => {
    execFile(BIN, args, { encoding: 'utf8', env: commandEnv(args, env) }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout: stdout ?? '', stderr: stderr ?? '' })
    })
  })
}

// Runs one SQL statement directly against the store, as an operator with shell access would.
export function sql(dbUrl, statement) {
  if (dbUrl.startsWith('sqlite:')) return execFileSync('sqlite3', [dbUrl.slice(7), statement], { encoding: 'utf8' })
  return execFileSync('psql', [dbUrl, '-q', '-t', '-A', '-c', statement], { encoding: 'utf8' })
}

export class Server {
  // db: reuse an existing store (a restart); env: extra environment variables for the server; nofile: the server's
  // file-descriptor limit (run under prlimit, same process id).
  static async start({ demo = true, fullDemo = false, args = [], env = {}, db = null, nofile = null } = {}) {
    const s = new Server()
    s.db = db ?? newDatabaseUrl()
    if (!db) {
      // The tests start from the bare demo (accounts and the 440 enterprises) and create what they check.
      const prep = fullDemo || demo
        ? cli(fullDemo ? ['--db', s.db] : ['--bare', '--db', s.db], { env: TEST_DEFAULTS, bin: DEMO_BIN })
        : cli(['init', '--db', s.db], { env: TEST_DEFAULTS })
      if (prep.code !== 0) throw new Error(`prepare failed: ${prep.stderr}${prep.stdout}`)
    }
    s.port = await freePort()
    s.base = `http://127.0.0.1:${s.port}`
    s.log = ''
    const serve = [BIN, 'serve', '--db', s.db, '--port', String(s.port), '--test-clock', ...args]
    const command = nofile ? ['prlimit', `--nofile=${nofile}:${nofile}`, '--', ...serve] : serve
    s.proc = spawn(command[0], command.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The suites log the demo's administrators in with a password alone; two_factor.test.mjs turns the second
      // factor on (the production default) and computes real TOTP codes.
      env: { ...TEST_DEFAULTS, ...process.env, ...storeEnv(s.db), ...env },
    })
    s.proc.stdout.on('data', (d) => (s.log += d))
    s.proc.stderr.on('data', (d) => (s.log += d))
    s.exited = new Promise((resolve) => s.proc.on('exit', (code, signal) => resolve({ code, signal })))
    for (let i = 0; i < 100; i++) {
      try {
        const r = await fetch(`${s.base}/api/v1/health`)
        if (r.ok) return s
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`server did not start:\n${s.log}`)
  }

  async stop() {
    if (this.proc.exitCode !== null) return this.exited
    this.proc.kill('SIGTERM')
    return this.exited
  }

  // Sends a request; body may be an object (sent as JSON) or a string (sent as is).
  async call(method, urlPath, { token, body, headers = {} } = {}) {
    const h = { ...headers }
    if (token) h.authorization = `Bearer ${token}`
    let payload
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body)
      h['content-type'] ??= 'application/json'
    }
    const res = await fetch(this.base + urlPath, { method, headers: h, body: payload, redirect: 'manual' })
    const text = await res.text()
    let json = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      // not JSON (static files)
    }
    return { status: res.status, headers: res.headers, text, json }
  }

  async login(username, password = PASSWORD) {
    const r = await this.call('POST', '/api/v1/auth/login', { body: { username, password } })
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`)
    return r.json.token
  }

  async advanceClock(seconds) {
    const r = await this.call('POST', '/api/v1/test/clock', { body: { advance_seconds: seconds } })
    if (r.status !== 200) throw new Error(`clock: ${r.status} ${r.text}`)
  }
}

// A second, empty store of the engine under test (restore targets).
export function emptyDatabaseUrl() {
  return newDatabaseUrl()
}

export async function waitFor(fn, { timeout = 20000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, interval))
  }
}

// A raw HTTP/1.1 exchange on a new TCP connection (from localAddress, e.g. another 127.x address): writes `head`
// (and `body`, if given, without waiting), and resolves with the bytes received and when the first status line and
// the close came (ms after starting to connect), or when `timeout` ms passed. Calls onData(text, socket) as bytes arrive.
export function rawExchange(port, head, { body, localAddress, timeout = 5000, onData } = {}) {
  return new Promise((resolve) => {
    const started = performance.now()
    const sock = net.connect({ port, host: '127.0.0.1', localAddress })
    const out = { text: '', statusAt: null, closedAt: null, timedOut: false, error: null }
    const done = () => {
      clearTimeout(timer)
      sock.destroy()
      resolve(out)
    }
    const timer = setTimeout(() => {
      out.timedOut = true
      done()
    }, timeout)
    sock.on('connect', () => {
      sock.write(head)
      if (body) sock.write(body)
    })
    sock.on('data', (d) => {
      out.text += d.toString('latin1')
      if (out.statusAt === null && /^HTTP\/1\.1 [2-5]\d\d /m.test(out.text)) out.statusAt = performance.now() - started
      onData?.(out.text, sock)
    })
    sock.on('error', (e) => (out.error = e.code))
    sock.on('close', () => {
      out.closedAt = performance.now() - started
      done()
    })
  })
}

export const DEMO_USERS = ['admin', 'gongyi', 'xinmi', 'qiye', 'fuwushang', 'zhuanjia', 'yinhang', 'xitong', 'anquan', 'shenji']
// 三员分立's demo accounts: the system administrator, the security administrator, the audit administrator.
export const SYSTEM_ADMIN = 'xitong'
export const SECURITY_ADMIN = 'anquan'
export const AUDITOR = 'shenji'

// The code an authenticator app shows for a base32 TOTP secret (RFC 6238: HMAC-SHA1, 30 s, 6 digits) at the
// server's time — ours plus the seconds its test clock was moved — and `stepsAhead` steps later.
export function totpCode(secret, clockOffset = 0, stepsAhead = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const c of secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)))
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(BigInt(Math.floor((Date.now() / 1000 + clockOffset) / 30) + stepsAhead))
  const h = createHmac('sha1', key).update(msg).digest()
  return String((h.readUInt32BE(h[19] & 15) & 0x7fffffff) % 1000000).padStart(6, '0')
}

// Partial deep match: every key in `expected` must be present in `actual` with a matching value.
export function matches(actual, expected, where = '$') {
  if (expected === null || typeof expected !== 'object') {
    if (actual !== expected) return `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
    return null
  }
  if (actual === null || typeof actual !== 'object') return `${where}: expected an object, got ${JSON.stringify(actual)}`
  for (const [k, v] of Object.entries(expected)) {
    const why = matches(actual[k], v, `${where}.${k}`)
    if (why) return why
  }
  return null
}

// A reply's JSON after checking its status (the reply's text in the message when it is not the one expected).
export function ok(r, status = 200) {
  assert.equal(r.status, status, r.text)
  return r.json
}

// Every item of a paged list, fetched page by page — to compare a list's own rows with its total and with the figure
// it explains (the totals of some lists come from the same summaries as the figures).
export async function allItems(server, token, path, pageSize = 100) {
  const items = []
  for (let page = 1; ; page++) {
    const sep = path.includes('?') ? '&' : '?'
    const r = ok(await server.call('GET', `${path}${sep}page=${page}&page_size=${pageSize}`, { token }))
    items.push(...r.items)
    if (r.items.length < pageSize || items.length >= r.total) return { items, total: r.total }
  }
}

export const openapi = () => JSON.parse(readFileSync(path.join(ROOT, 'docs/openapi.json'), 'utf8'))

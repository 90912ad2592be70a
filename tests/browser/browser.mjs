// What every browser test shares: Debian's chromium launched headless with a fresh profile, steps that
// screenshot the page when they fail, and the login form.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

export let BASE_URL = (process.env.SHUZHUAN_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '')
const ARTIFACTS = process.env.SHUZHUAN_ARTIFACTS || '/tmp'
const TIMEOUT = 15_000

function chromiumPath() {
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim()
    if (found) return found
  } catch {
    // fall through to Debian's default location
  }
  return '/usr/bin/chromium'
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// The server to test: SHUZHUAN_URL when set (scripts/test.sh starts one with the demo data), else — a file run on
// its own — a fresh one started by the API harness on the bare demo (with --test-clock), stopped when the test ends.
// A test that advances the clock (`clock: true`) needs POST /api/v1/test/clock, which only a server started with
// --test-clock has: when SHUZHUAN_URL's server lacks it, the test gets a fresh server of its own.
// A test that needs other settings (`env`, e.g. the administrators' second factor required) always gets its own.
export async function useServer(t, { clock = false, env = null } = {}) {
  if (!env && process.env.SHUZHUAN_URL && (!clock || (await hasTestClock(process.env.SHUZHUAN_URL)))) return
  const { Server } = await import('../api/harness.mjs')
  const server = await Server.start(env ? { env } : {})
  BASE_URL = server.base
  t.after(() => server.stop())
}

async function hasTestClock(base) {
  const r = await fetch(base.replace(/\/+$/, '') + '/api/v1/test/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance_seconds: 0 }),
  })
  return r.status !== 404
}

// Moves the server's clock on (a server started with --test-clock); sessions may expire, so log in again after.
export async function advanceClock(seconds) {
  const r = await fetch(BASE_URL + '/api/v1/test/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance_seconds: seconds }),
  })
  assert.equal(r.status, 200, await r.text())
}

export async function textOf(page, testId) {
  return (await page.getByTestId(testId).first().innerText()).trim()
}

// Runs fn(page, step) in a fresh browser; step(name, fn) is a subtest that screenshots the page when it fails
// (SHUZHUAN_ARTIFACTS/<prefix>-<name>-failure.png). Uncaught errors in the page fail the test.
export async function withBrowser(t, prefix, fn) {
  const executablePath = chromiumPath()
  assert.ok(existsSync(executablePath), `chromium not found at ${executablePath}`)
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'shuzhuan-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(TIMEOUT)
  const consoleErrors = []
  page.on('pageerror', (e) => consoleErrors.push(String(e)))

  async function step(name, stepFn) {
    await t.test(name, async () => {
      try {
        await stepFn()
      } catch (e) {
        try {
          mkdirSync(ARTIFACTS, { recursive: true })
          const file = path.join(ARTIFACTS, `${prefix}-${name.replace(/[^\w-]+/g, '_')}-failure.png`)
          await page.screenshot({ path: file, fullPage: true })
          console.error(`screenshot: ${file} (url ${page.url()})`)
        } catch (shotError) {
          console.error(`screenshot failed: ${shotError}`)
        }
        throw e
      }
    })
  }

  try {
    await fn(page, step)
    assert.deepEqual(consoleErrors, [], 'uncaught errors in the page')
  } finally {
    await context.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}

// Logs in through the form and waits for the layout; fails with the server's message if refused.
export async function login(page, username, password) {
  await page.goto(BASE_URL + '/', { waitUntil: 'domcontentloaded' })
  // Not logged in: the route guard sends us to /login.
  await page.waitForURL(/\/login(\?|$)/)
  assert.equal(await textOf(page, 'login-title'), '郑州市中小企业数字化转型公共服务平台')
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST'),
    page.getByTestId('login-submit').click(),
  ])
  // Either the layout appears or the login page shows the server's message; fail with that message.
  await page.getByTestId('current-user').or(page.getByTestId('login-error')).first().waitFor()
  if (await page.getByTestId('login-error').isVisible()) {
    assert.fail(`login refused: ${await textOf(page, 'login-error')}`)
  }
  assert.ok(!/\/login/.test(new URL(page.url()).pathname), `still on ${page.url()}`)
}

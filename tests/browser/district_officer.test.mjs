// Browser test: a district officer (巩义市工作专班) logs in through the UI and sees only their district.
//
// Needs a running server (the harness starts it): SHUZHUAN_URL=http://127.0.0.1:8080 node --test tests/browser/
// Screenshots of failures go to SHUZHUAN_ARTIFACTS (default /tmp). Chromium is Debian's, found on PATH.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

const BASE_URL = (process.env.SHUZHUAN_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '')
const ARTIFACTS = process.env.SHUZHUAN_ARTIFACTS || '/tmp'
const TIMEOUT = 15_000

const GONGYI = { username: 'gongyi', password: 'Demo@2024', district: '巩义市', districtCode: '410181', enterprises: 107 }

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

async function textOf(page, testId) {
  return (await page.getByTestId(testId).first().innerText()).trim()
}

test('区县专班（巩义市）登录后只看到本区县的目标与试点企业', { timeout: 120_000 }, async (t) => {
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

  // Each step screenshots the page when it fails, so a red run shows what the browser saw.
  async function step(name, fn) {
    await t.test(name, async () => {
      try {
        await fn()
      } catch (e) {
        try {
          mkdirSync(ARTIFACTS, { recursive: true })
          const file = path.join(ARTIFACTS, `district_officer-${name.replace(/[^\w-]+/g, '_')}-failure.png`)
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
    await step('login', async () => {
      await page.goto(BASE_URL + '/', { waitUntil: 'domcontentloaded' })
      // Not logged in: the route guard sends us to /login.
      await page.waitForURL(/\/login(\?|$)/)
      assert.equal(await textOf(page, 'login-title'), '郑州市中小企业数字化转型公共服务平台')
      await page.getByTestId('login-username').fill(GONGYI.username)
      await page.getByTestId('login-password').fill(GONGYI.password)
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
      const roles = await page.getByTestId('current-role').allInnerTexts()
      assert.deepEqual(roles.map((r) => r.trim()), ['区县专班'])
      assert.match(await textOf(page, 'user-scope'), /所属区县：巩义市/)
      // The admin menu is not offered to a district officer.
      assert.equal(await page.getByTestId('menu-admin').count(), 0)
    })

    await step('targets', async () => {
      await page.getByTestId('menu-targets').click()
      await page.waitForURL(/\/targets$/)
      // The plan's matrix: 改造企业数量 440 in total.
      await page.getByTestId('matrix-1-total').waitFor()
      assert.equal(await textOf(page, 'matrix-1-total'), '440')
      assert.equal(await textOf(page, 'matrix-11-total'), '3.25')
      // The annex: totals 440 = 236 + 204, and 巩义市 107.
      await page.getByTestId('district-sum-total').waitFor()
      assert.equal(await textOf(page, 'district-sum-total'), '440')
      assert.equal(await textOf(page, 'district-sum-y2024'), '236')
      assert.equal(await textOf(page, 'district-sum-y2025'), '204')
      assert.equal(await textOf(page, `district-${GONGYI.districtCode}-name`), GONGYI.district)
      assert.equal(await textOf(page, `district-${GONGYI.districtCode}-total`), String(GONGYI.enterprises))
      await page.getByTestId('district-targets-chart').locator('canvas').first().waitFor()
    })

    await step('enterprises', async () => {
      await page.getByTestId('menu-enterprises').click()
      await page.waitForURL(/\/enterprises/)
      const list = page.locator('[data-testid="enterprise-list"][data-loading="false"][data-page="1"]')
      await list.waitFor()
      // Only the city admin may filter by district.
      await page.getByTestId('filter-industry').first().waitFor()
      assert.equal(await page.getByTestId('filter-district').count(), 0, '区县 filter must not be offered')
      assert.equal(await textOf(page, 'enterprise-total'), String(GONGYI.enterprises))
      await assert.doesNotReject(
        page.getByTestId('enterprise-pagination').getByText(`共 ${GONGYI.enterprises} 条`).waitFor(),
      )

      // Walk every page: every row belongs to 巩义市, and the rows add up to the total.
      let seen = 0
      for (let n = 1; n <= 50; n++) {
        await page.locator(`[data-testid="enterprise-list"][data-loading="false"][data-page="${n}"]`).waitFor()
        const districts = (await page.getByTestId('enterprise-district').allInnerTexts()).map((s) => s.trim())
        assert.ok(districts.length > 0, `page ${n} is empty`)
        for (const d of districts) assert.equal(d, GONGYI.district, `page ${n}: row of ${d}`)
        seen += districts.length
        const next = page.getByTestId('enterprise-pagination').locator('button.btn-next')
        if (await next.isDisabled()) break
        await next.click()
      }
      assert.equal(seen, GONGYI.enterprises)

      // A row opens the enterprise's file in a drawer.
      await page.getByTestId('enterprise-name').first().click()
      await page.getByTestId('enterprise-detail').waitFor()
      assert.match(await textOf(page, 'enterprise-detail'), /巩义市/)
    })

    assert.deepEqual(consoleErrors, [], 'uncaught errors in the page')
  } finally {
    await context.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
})

// Browser test of the administrators' two-factor login, on a server of its own with the second factor required (the
// production default): the city admin enrols on the login page (the secret shown once; the code computed here as
// an authenticator app does), keeps the ten recovery codes shown once, and logs in again with one of them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, textOf, useServer, withBrowser } from './browser.mjs'
import { totpCode } from '../api/harness.mjs'

async function password(page, username) {
  await page.goto(BASE_URL + '/login', { waitUntil: 'domcontentloaded' })
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill('Demo@2024')
  await page.getByTestId('login-submit').click()
  await page.getByTestId('login-second-factor').waitFor()
}

test('管理员双因素登录：绑定身份验证器、保存恢复码、用恢复码登录', { timeout: 90_000 }, async (t) => {
  await useServer(t, { env: { SHUZHUAN_AUTH_REQUIRE_ADMIN_TOTP: 'true' } })
  let recovery = []
  await withBrowser(t, 'two_factor', async (page, step) => {
    await step('enrol', async () => {
      await password(page, 'admin')
      assert.equal(await page.getByTestId('current-user').count(), 0)  // no session after the password alone
      await page.getByTestId('login-enrol').click()
      const secret = await textOf(page, 'login-secret')
      assert.match(secret, /^[A-Z2-7]{32}$/)
      assert.match(await textOf(page, 'login-otpauth'), new RegExp(`^otpauth://totp/.*secret=${secret}`))
      await page.getByTestId('login-code').fill(totpCode(secret))
      await page.getByTestId('login-verify').click()
      await page.getByTestId('login-recovery-codes').waitFor()
      recovery = (await page.getByTestId('login-recovery-codes').locator('li').allInnerTexts()).map((s) => s.trim())
      assert.equal(recovery.length, 10)
      await page.getByTestId('login-recovery-done').click()
      await page.getByTestId('current-user').waitFor()
    })

    await step('recovery-code', async () => {
      await page.getByTestId('logout').click()
      await page.waitForURL(/\/login/)
      await password(page, 'admin')
      await page.getByTestId('login-code').fill('000000')
      await page.getByTestId('login-verify').click()
      assert.match(await textOf(page, 'login-error'), /动态口令错误/)
      await page.getByTestId('login-use-recovery').click()
      await page.getByTestId('login-code').fill(recovery[0])
      await page.getByTestId('login-verify').click()
      await page.getByTestId('current-user').waitFor()
    })
  })
})

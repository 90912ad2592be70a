// Browser test of 三员分立: the audit administrator reads the audit trail, exports it to Excel as a job, follows the
// job and reads the login log; the system administrator looks at the system status; each sees only its own menu.
//
// Needs a running server with the demo data (the harness starts it): SHUZHUAN_URL=... node --test tests/browser/
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { login, textOf, withBrowser } from './browser.mjs'
import { switchUser } from './helpers.mjs'

const AUDITOR = { username: 'shenji', password: 'Demo@2024' }

// Picks an option of an Element Plus select and waits for the list request it causes.
async function choose(page, selectTestId, option, urlPart) {
  await page.getByTestId(selectTestId).click()
  await Promise.all([
    page.waitForResponse((r) => r.url().includes(urlPart) && r.status() === 200),
    page.getByRole('option', { name: option, exact: true }).click(),
  ])
}

test('审计管理员查看审计日志、导出 Excel、查看任务与登录日志；系统管理员查看系统状态', { timeout: 120_000 }, async (t) => {
  let exportJobId = 0
  await withBrowser(t, 'city_admin_ops', async (page, step) => {
    await step('login', async () => {
      await login(page, AUDITOR.username, AUDITOR.password)
      for (const id of ['menu-admin-login-log', 'menu-admin-audit', 'menu-admin-jobs']) await page.getByTestId(id).waitFor()
      // Accounts are the security administrator's, the system status the system administrator's; no business menu.
      for (const id of ['menu-admin-users', 'menu-admin-system', 'menu-enterprises', 'menu-targets'])
        assert.equal(await page.getByTestId(id).count(), 0, id)
    })

    await step('audit', async () => {
      await page.getByTestId('menu-admin-audit').click()
      await page.waitForURL(/\/admin\/audit/)
      await page.getByTestId('audit-table').locator('tbody tr').first().waitFor()
      // The demo writes users, enterprises and providers, each with its audit entry.
      assert.ok(Number((await textOf(page, 'audit-total')).replace(/,/g, '')) > 400)

      await choose(page, 'audit-filter-action', '新增用户', 'action=user.create')
      await page.waitForURL(/action=user\.create/)
      const actions = (await page.getByTestId('audit-action').allInnerTexts()).map((s) => s.trim())
      assert.ok(actions.length > 0)
      for (const a of actions) assert.equal(a, '新增用户')

      // A row opens the entry: the new user's record, field by field, and its link in the hash chain.
      await page.getByTestId('audit-table').locator('tbody tr').first().click()
      await page.getByTestId('audit-diff').waitFor()
      assert.match(await textOf(page, 'audit-diff'), /username/)
      assert.match(await textOf(page, 'audit-hash'), /^[0-9a-f]{64}$/)
      assert.match(await textOf(page, 'audit-prev-hash'), /^[0-9a-f]{64}$/)
      await page.keyboard.press('Escape')
      await page.getByTestId('audit-drawer').waitFor({ state: 'hidden' })
    })

    await step('export', async () => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/audit/exports') && r.request().method() === 'POST'),
        page.getByTestId('audit-export').click(),
      ])
      assert.equal(response.status(), 202)
      assert.deepEqual(response.request().postDataJSON(), { action: 'user.create' })
      exportJobId = (await response.json()).job.id
      const dialog = page.getByTestId('job-dialog')
      await dialog.getByTestId('job-dialog-result').waitFor({ timeout: 30_000 })
      assert.equal(await dialog.getByTestId('job-state').innerText(), '已完成')
      const link = dialog.getByTestId('job-download')
      assert.match(await link.getAttribute('href'), /^\/api\/v1\/jobs\/\d+\/download$/)
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      assert.match(download.suggestedFilename(), /\.xlsx$/)
      assert.equal(await download.failure(), null)
      await dialog.getByTestId('job-dialog-close').click()
      await dialog.waitFor({ state: 'hidden' })
    })

    await step('jobs', async () => {
      await page.getByTestId('menu-admin-jobs').click()
      await page.waitForURL(/\/admin\/jobs/)
      // The newest audit export (other tests sharing the server run jobs of their own).
      const firstRow = page.getByTestId('jobs-table').locator('tbody tr').filter({ hasText: '导出审计日志' }).first()
      await firstRow.waitFor()
      assert.equal((await firstRow.getByTestId('job-state').innerText()).trim(), '已完成')
      await firstRow.getByTestId('job-download').waitFor()
      // The kinds offered are the server's names; choosing one narrows the list to it.
      await choose(page, 'jobs-filter-kind', '导出审计日志', 'kind=audit.export')
      // The answer has arrived; the table shows it once no row of another kind is left.
      const rows = page.getByTestId('jobs-table').locator('tbody tr')
      await rows.filter({ hasNotText: '导出审计日志' }).first().waitFor({ state: 'detached' })
      assert.ok((await rows.count()) > 0)

      // A link to one job (定时任务 links its last run so) shows that job alone, until 查看全部任务.
      await page.goto(new URL(`/admin/jobs?job=${exportJobId}`, page.url()).href)
      await page.getByTestId('jobs-one').waitFor()
      assert.equal(await textOf(page, 'jobs-one-id'), String(exportJobId))
      await rows.first().getByTestId('job-id').getByText(String(exportJobId), { exact: true }).waitFor()
      assert.equal(await rows.count(), 1)
      await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/jobs\?/.test(r.url()) && !r.url().includes('id=') && r.status() === 200),
        page.getByTestId('jobs-show-all').click(),
      ])
      await page.getByTestId('jobs-one').waitFor({ state: 'hidden' })
      assert.ok(!new URL(page.url()).searchParams.has('job'), page.url())
    })

    await step('login-log', async () => {
      await page.getByTestId('menu-admin-login-log').click()
      await page.getByTestId('login-log-table').locator('tbody tr').first().waitFor()
      await choose(page, 'login-log-filter-success', '成功', 'success=true')
      const results = (await page.getByTestId('login-log-table').locator('tbody .el-tag').allInnerTexts()).map((s) => s.trim())
      assert.ok(results.length > 0)
      for (const r of results) assert.equal(r, '成功')
    })

    await step('system', async () => {
      await switchUser(page, 'xitong')
      assert.equal(await page.getByTestId('menu-admin-audit').count(), 0)
      await page.getByTestId('menu-admin-system').click()
      await page.getByTestId('system-audit').waitFor()
      assert.match(await textOf(page, 'system-audit'), /[0-9a-f]{64}/)
      assert.match(await textOf(page, 'system-runtime'), /数据库结构版本/)
    })
  })
})

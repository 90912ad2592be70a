// Browser test: a district officer (巩义市工作专班) logs in through the UI and sees only their district.
//
// Needs a running server (the harness starts it): SHUZHUAN_URL=http://127.0.0.1:8080 node --test tests/browser/
// Screenshots of failures go to SHUZHUAN_ARTIFACTS (default /tmp). Chromium is Debian's, found on PATH.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { login, textOf, withBrowser } from './browser.mjs'

const GONGYI = { username: 'gongyi', password: 'Demo@2024', district: '巩义市', districtCode: '410181', enterprises: 107 }

test('区县专班（巩义市）登录后只看到本区县的目标与试点企业', { timeout: 120_000 }, async (t) => {
  await withBrowser(t, 'district_officer', async (page, step) => {
    await step('login', async () => {
      await login(page, GONGYI.username, GONGYI.password)
      const roles = await page.getByTestId('current-role').allInnerTexts()
      assert.deepEqual(roles.map((r) => r.trim()), ['区县专班'])
      assert.match(await textOf(page, 'user-scope'), /所属区县：巩义市/)
      // The admin menu is not offered to a district officer.
      assert.equal(await page.getByTestId('menu-admin').count(), 0)
    })

    await step('dashboard', async () => {
      // The district's home page: its own row only in the district table, against its annex target.
      await page.waitForURL(/\/dashboard$/)
      await page.locator('[data-testid="dashboard"][data-loaded="true"]').waitFor()
      const rows = page.getByTestId('progress-district-table').locator('tbody tr')
      assert.equal(await rows.count(), 1)
      assert.equal(await textOf(page, `progress-district-${GONGYI.districtCode}-name`), GONGYI.district)
      assert.equal(await textOf(page, `progress-district-${GONGYI.districtCode}-target`), String(GONGYI.enterprises))
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
      // The demo's 107, and any that another browser test sharing the server added to 巩义市.
      const total = Number(await textOf(page, 'enterprise-total'))
      assert.ok(total >= GONGYI.enterprises, `${total} enterprises`)
      await assert.doesNotReject(page.getByTestId('enterprise-pagination').getByText(`共 ${total} 条`).waitFor())

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
      assert.equal(seen, total)

      // A row opens the enterprise's file in a drawer.
      await page.getByTestId('enterprise-name').first().click()
      await page.getByTestId('enterprise-detail').waitFor()
      assert.match(await textOf(page, 'enterprise-detail'), /巩义市/)
    })
  })
})

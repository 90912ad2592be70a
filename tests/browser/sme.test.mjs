// Browser test: 中小企业划型 as the city admin meets it. On 数据质量 the 非中小企业 check counts what the API counts and
// its 查看全部 lands on 试点企业 filtered to non-SMEs (?sme=large): as many as the API lists, each tagged 非中小企业,
// the filter showing it; a row opens the profile, which says 非中小企业 and why (the server's reason: the year's
// people and revenue, the clause of 工信部联企业〔2011〕300号) and that it is not counted in indicators 1–4. Then an
// import with the new year columns: a row whose figures make it a non-SME is imported, and the job says so
// (其中 1 家为非中小企业…) and offers the 导入结果 file.
//
// Needs non-SMEs in the data (the full demo has a few: 1200 people and 5亿元 revenue); the imported enterprise has a
// code of its own per run.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, creditCode, isCall, ok, shooter, switchUser } from './helpers.mjs'

const shot = shooter('sme')

test('中小企业划型：数据质量的“非中小企业”链接到筛选后的企业列表，企业档案显示非中小企业及其原因；导入年度数据时提示非中小企业', { timeout: 180_000 }, async (t) => {
  await useServer(t)
  const admin = await apiLogin('admin')
  const large = await ok(api(admin, 'GET', '/api/v1/enterprises?sme=large&page_size=100'))
  assert.ok(large.total > 0, 'the data has non-SMEs (run on the full demo)')
  const quality = await ok(api(admin, 'GET', '/api/v1/data-quality'))
  const check = quality.checks.find((c) => c.code === 'not_sme')
  assert.equal(check.link, '/enterprises?sme=large')

  await withBrowser(t, 'sme', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1000 })

    await step('quality-links-to-filtered-list', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-data-quality').click()
      await page.waitForURL(/\/data-quality$/)
      const card = page.getByTestId('quality-check-not_sme')
      await card.waitFor()
      assert.equal(await card.getAttribute('data-count'), String(check.count))
      assert.equal(await textOf(card, 'quality-name'), check.name)
      await shot(page, 'quality')
      await card.getByTestId('quality-link').click()
      await page.waitForURL(/\/enterprises\?sme=large$/)
      await page.locator('[data-testid="enterprise-list"][data-loading="false"][data-page="1"]').waitFor()
      assert.equal(await textOf(page, 'enterprise-total'), String(large.total))
      assert.match(await page.getByTestId('filter-sme').innerText(), /非中小企业/)
      const tags = (await page.getByTestId('enterprise-table').getByTestId('enterprise-sme').allInnerTexts()).map((s) => s.trim())
      assert.equal(tags.length, Math.min(large.total, 20))
      for (const tag of tags) assert.equal(tag, '非中小企业')
      await shot(page, 'filtered-list')
    })

    await step('profile-says-why', async () => {
      const first = large.items[0]
      const detail = await ok(api(admin, 'GET', `/api/v1/enterprises/${first.id}`))
      assert.equal(detail.sme_class, 'large')
      await page.getByTestId('enterprise-table').getByTestId('enterprise-name').getByText(first.name, { exact: true }).click()
      const drawer = page.getByTestId('enterprise-drawer')
      await drawer.getByTestId('detail-not-sme').waitFor()
      assert.equal(await textOf(drawer, 'detail-sme'), '非中小企业')
      assert.match(await textOf(drawer, 'detail-not-sme'), /不计入目标表指标1–4/)
      assert.equal(await textOf(drawer, 'detail-not-sme-reason'), detail.sme_reason)
      assert.match(detail.sme_reason, /工信部联企业〔2011〕300号/)
      await shot(page, 'profile')
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })
    })

    await step('import-warns-of-non-sme', async () => {
      const code = creditCode(Date.now() % 1_000_000_000)
      const name = `巩义示范重工${code.slice(-6)}有限公司`
      const csv = [
        '企业名称,统一社会信用代码,行业,所属区县,试点批次,数据年度,营业收入（万元）,从业人员（人）,研发投入（万元）,新增发明专利（件）',
        `${name},${code},新型耐火材料制造业,巩义市,2025,2025,50000,1200,1500,3`,
      ].join('\r\n')
      await page.goto(page.url().replace(/\/enterprises.*$/, '/enterprises'))
      await page.getByTestId('enterprise-import').click()
      const dialog = page.getByTestId('import-dialog')
      await dialog.waitFor()
      assert.match(await textOf(dialog, 'import-year-help'), /数据年度、营业收入（万元）、从业人员（人）、研发投入（万元）、新增发明专利（件）/)
      await dialog.locator('input[type=file]').setInputFiles({ name: 'non-sme.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv + '\r\n') })
      await page.getByTestId('import-chosen').filter({ hasText: 'non-sme.csv' }).waitFor()
      const [sent] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/enterprises\/imports$/)),
        page.getByTestId('import-submit').click(),
      ])
      assert.equal(sent.status(), 202, await sent.text())
      const jobDialog = page.getByTestId('job-dialog')
      await jobDialog.getByTestId('import-done').waitFor({ timeout: 30_000 })
      assert.match(await textOf(jobDialog, 'import-counts'), /^共 1 行：新增 1 家、更新 0 家、未变 0 家；其中 1 家为非中小企业，已导入，不计入指标1–4$/)
      await jobDialog.getByTestId('import-partial').filter({ hasText: '1 家非中小企业已导入（提示）' }).waitFor()
      const link = jobDialog.getByTestId('import-error-rows')
      assert.equal((await link.innerText()).trim(), '下载导入结果')
      await shot(page, 'import')
      const found = await ok(api(admin, 'GET', `/api/v1/enterprises?q=${code}`))
      assert.equal(found.items[0]?.sme_class, 'large')
    })
  })
})

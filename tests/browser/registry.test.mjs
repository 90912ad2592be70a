// Browser test of the registry (一企一档) and the 数据驾驶舱: a district officer (巩义市) adds an enterprise — the
// server's message for a non-conforming credit code shows under the field — edits its tier, reads the change in
// 变更历史, and imports a spreadsheet with rejected rows through the dialog; the city admin opens the 驾驶舱.
//
// Needs a running server with the demo data (the harness starts it): SHUZHUAN_URL=... node --test tests/browser/
// The enterprise added here has a credit code made for this run, and the checks look only at it, at the import's
// own job, and at targets (which no test changes), so the other browser tests sharing the server do not matter.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { login, textOf, withBrowser } from './browser.mjs'

const GONGYI = { username: 'gongyi', password: 'Demo@2024' }
const ADMIN = { username: 'admin', password: 'Demo@2024' }
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import/enterprises-with-errors.xlsx')

// GB 32100-2015: weights 3^(i-1) mod 31, check = (31 − Σ mod 31) mod 31 over the code set.
const CODE_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
function withCheckChar(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CODE_SET.indexOf(first17[i]) * (3 ** i % 31)
  return first17 + CODE_SET[(31 - (sum % 31)) % 31]
}

// A code unique to this run: 91410181MA82 + five digits.
const SERIAL = String(Date.now() % 100000).padStart(5, '0')
const GOOD_CODE = withCheckChar(`91410181MA82${SERIAL}`)
// Right length, characters and check character, but registering authority 8 does not exist: only the server,
// which checks positions 1–2 too, refuses it.
const BAD_CODE = withCheckChar(`81410181MA82${SERIAL}`)
const NAME = `巩义浏览器测试${SERIAL}耐材有限公司`

// The open 新增/编辑 dialog (a closed one stays in the page, hidden).
function formDialog(page) {
  return page.locator('[data-testid="enterprise-form-dialog"]:visible')
}

function field(page, testId) {
  return formDialog(page).getByTestId(testId)
}

async function choose(page, selectTestId, option) {
  await field(page, selectTestId).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

function formItem(page, testId) {
  return formDialog(page).locator('.el-form-item', { has: page.getByTestId(testId) })
}

async function submitForm(page, method) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => /\/api\/v1\/enterprises(\/\d+)?$/.test(r.url()) && r.request().method() === method),
    field(page, 'enterprise-form-submit').click(),
  ])
  return response
}

test('区县专班新增、编辑、导入企业并查看变更历史；市级管理员查看数据驾驶舱', { timeout: 180_000 }, async (t) => {
  await withBrowser(t, 'registry', async (page, step) => {
    let enterpriseId = 0

    await step('login', async () => {
      await login(page, GONGYI.username, GONGYI.password)
      await page.getByTestId('menu-enterprises').click()
      await page.locator('[data-testid="enterprise-list"][data-loading="false"][data-page="1"]').waitFor()
    })

    await step('create', async () => {
      await page.getByTestId('enterprise-create').click()
      const dialog = formDialog(page)
      await dialog.waitFor()
      // A district officer's enterprise is in their district.
      assert.equal(await field(page, 'enterprise-form-district-fixed').inputValue(), '巩义市')
      await field(page, 'enterprise-form-name').fill(NAME)
      await choose(page, 'enterprise-form-industry', '新型耐火材料制造业')
      await field(page, 'enterprise-form-contact-phone').fill('13803719999')

      // The server's 422 is shown under the credit code.
      await field(page, 'enterprise-form-credit-code').fill(BAD_CODE)
      const refused = await submitForm(page, 'POST')
      assert.equal(refused.status(), 422)
      const body = await refused.json()
      assert.equal(body.error.field, 'credit_code')
      const fieldError = formItem(page, 'enterprise-form-credit-code').locator('.el-form-item__error')
      await fieldError.waitFor()
      assert.equal((await fieldError.innerText()).trim(), body.error.message)

      // A typing error is caught before the round trip.
      await field(page, 'enterprise-form-credit-code').fill(GOOD_CODE.slice(0, 17) + (GOOD_CODE[17] === '0' ? '1' : '0'))
      await field(page, 'enterprise-form-name').click()
      await fieldError.filter({ hasText: '校验码' }).waitFor()

      await field(page, 'enterprise-form-credit-code').fill(GOOD_CODE)
      const created = await submitForm(page, 'POST')
      assert.equal(created.status(), 201)
      enterpriseId = (await created.json()).id
      await dialog.waitFor({ state: 'hidden' })
      // The new enterprise's file opens.
      await page.getByTestId('enterprise-detail').waitFor()
      assert.equal(await textOf(page, 'detail-credit-code'), GOOD_CODE)
      assert.equal(await textOf(page, 'detail-tier'), '无')
    })

    await step('edit', async () => {
      await page.getByTestId('enterprise-edit').click()
      await formDialog(page).waitFor()
      await choose(page, 'enterprise-form-tier', '专精特新中小企业')
      const saved = await submitForm(page, 'PATCH')
      assert.equal(saved.status(), 200)
      // Only what changed is sent.
      assert.deepEqual(saved.request().postDataJSON(), { tier: 'specialized' })
      await page.getByTestId('detail-tier').filter({ hasText: '专精特新中小企业' }).waitFor()
    })

    await step('history', async () => {
      await page.getByTestId('enterprise-drawer').getByRole('tab', { name: '变更历史' }).click()
      const change = page.getByTestId('history-entry').filter({ hasText: '修改企业信息' }).getByTestId('history-change')
      await change.first().waitFor()
      assert.match(await change.first().innerText(), /企业梯度：\s*无\s*→\s*专精特新中小企业/)
      const created = page.getByTestId('history-entry').filter({ hasText: '新增企业' })
      assert.match(await created.innerText(), new RegExp(GOOD_CODE))
      await page.keyboard.press('Escape')
      await page.getByTestId('enterprise-drawer').waitFor({ state: 'hidden' })
      assert.ok(enterpriseId > 0)
    })

    await step('import', async () => {
      await page.getByTestId('enterprise-import').click()
      const dialog = page.getByTestId('import-dialog')
      await dialog.waitFor()
      assert.match(await page.getByTestId('import-template').getAttribute('href'), /^blob:/)
      await dialog.locator('input[type=file]').setInputFiles(FIXTURE)
      await page.getByTestId('import-chosen').filter({ hasText: 'enterprises-with-errors.xlsx' }).waitFor()
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/enterprises/imports') && r.request().method() === 'POST'),
        page.getByTestId('import-submit').click(),
      ])
      assert.equal(response.status(), 202)
      assert.equal(response.request().headers()['content-type'], 'application/octet-stream')

      const jobDialog = page.getByTestId('job-dialog')
      await jobDialog.getByTestId('import-done').waitFor({ timeout: 30_000 })
      await jobDialog.getByTestId('import-partial').filter({ hasText: '部分行未导入' }).waitFor()
      // What became of the 7 rows (another run on the same server finds the 2 new ones already there).
      assert.match(await jobDialog.getByTestId('import-counts').innerText(), /^共 7 行：新增 \d+ 家、更新 \d+ 家、未变 \d+ 家、4 行未导入$/)
      const link = jobDialog.getByTestId('import-error-rows')
      assert.equal((await link.innerText()).trim(), '下载导入结果')
      assert.match(await link.getAttribute('href'), /^\/api\/v1\/jobs\/\d+\/download$/)
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      assert.match(download.suggestedFilename(), /\.xlsx$/)
      assert.equal(await download.failure(), null)
      await jobDialog.getByTestId('job-dialog-close').click()
      await jobDialog.waitFor({ state: 'hidden' })
    })

    await step('dashboard', async () => {
      await page.getByTestId('logout').click()
      await page.waitForURL(/\/login/)
      await login(page, ADMIN.username, ADMIN.password)
      // The city's home page.
      await page.waitForURL(/\/dashboard$/)
      await page.locator('[data-testid="dashboard"][data-loaded="true"]').waitFor()
      assert.equal(await textOf(page, 'progress-1-name'), '改造企业数量')
      assert.equal(await textOf(page, 'progress-1-total-target'), '440')
      assert.equal(await textOf(page, 'progress-district-410181-name'), '巩义市')
      assert.equal(await textOf(page, 'progress-district-410181-target'), '107')
      assert.equal(await textOf(page, 'progress-district-410181-target-y2024'), '55')
      assert.equal(await textOf(page, 'progress-district-410181-target-y2025'), '52')
      await page.getByTestId('district-rate-chart').locator('canvas').first().waitFor()
      await page.getByTestId('pipeline-chart').locator('canvas').first().waitFor()

      // A figure lists exactly the enterprises it counts.
      const figure = Number(await textOf(page, 'progress-district-410181-pilot-total'))
      await page.getByTestId('progress-district-410181-pilot-total').click()
      const drill = page.locator('[data-testid="drill-list"][data-loading="false"][data-page="1"]')
      await drill.waitFor()
      assert.equal(Number(await textOf(page, 'drill-total')), figure)
      const districts = (await page.getByTestId('drill-table').getByTestId('enterprise-district').allInnerTexts()).map((s) => s.trim())
      assert.ok(districts.length > 0)
      for (const d of districts) assert.equal(d, '巩义市')
    })
  })
})

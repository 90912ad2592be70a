// Browser test: 补助试算 as an enterprise user — a diagnosis quote bound by its cap, a transformation quote refused
// for the level, a loan quote whose date the server refuses (the message beside the field) — then the city admin
// adds a row to the LPR table, finds it in the table and the history, and deletes it again with a reason.
//
// Uses SHUZHUAN_URL when set (scripts/test.sh); run on its own, it starts a server of its own through the harness.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { login, textOf, useServer, withBrowser } from './browser.mjs'

const ENTERPRISE = { username: 'qiye', password: 'Demo@2024' }
const ADMIN = { username: 'admin', password: 'Demo@2024' }
const LPR_DATE = '2026-01-20'

async function choose(page, selectTestId, option) {
  await page.getByTestId(selectTestId).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

// Clicks 试算 and returns the request body and the status of the quote call it made.
async function quote(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/subsidies/quote') && r.request().method() === 'POST'),
    page.getByTestId('quote-submit').click(),
  ])
  return { body: response.request().postDataJSON(), status: response.status() }
}

// The form item that holds a field: its text carries the field's error message.
function formItem(page, testId) {
  return page.locator('.el-form-item').filter({ has: page.getByTestId(testId) })
}

// A date typed into an Element Plus date picker (its input sits inside the test id's wrapper).
async function typeDate(page, scope, testId, date) {
  await scope.getByTestId(testId).locator('input').fill(date)
  await page.keyboard.press('Enter')
}

function lprRow(page) {
  return page.getByTestId('lpr-table').locator('tbody tr').filter({ has: page.getByTestId('lpr-date').getByText(LPR_DATE, { exact: true }) })
}

// Deletes the test's row through the page, with a reason, and waits for it to leave the table.
async function deleteLprRow(page, reason) {
  await lprRow(page).getByTestId('lpr-delete').click()
  const dialog = page.getByTestId('lpr-delete-dialog')
  await dialog.getByTestId('lpr-delete-reason').fill(reason)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/v1/lpr/${LPR_DATE}`) && r.request().method() === 'DELETE'),
    dialog.getByTestId('lpr-delete-submit').click(),
  ])
  assert.equal(response.status(), 204)
  await dialog.waitFor({ state: 'hidden' })
  await lprRow(page).waitFor({ state: 'detached' })
}

test('补助试算与 LPR 利率表维护', { timeout: 120_000 }, async (t) => {
  await useServer(t)
  await withBrowser(t, 'subsidies', async (page, step) => {
    await step('login-enterprise', async () => {
      await login(page, ENTERPRISE.username, ENTERPRISE.password)
      await page.getByTestId('menu-subsidy-quote').click()
      await page.waitForURL(/\/subsidies\/quote$/)
      await page.getByTestId('quote-form').waitFor()
      // The LPR table is the city admin's.
      assert.equal(await page.getByTestId('menu-admin-lpr').count(), 0)
      // The rule set: every scheme with its clause, and each cap with its scope in words.
      const rules = await textOf(page, 'subsidy-rules')
      for (const s of ['数字化诊断服务后补助', '三(一)', '每家企业最高不超过3万元', '每家企业，全部年度累计', '每个服务商，全部年度累计']) {
        assert.ok(rules.includes(s), `rules panel lacks ${s}`)
      }
    })

    await step('diagnosis', async () => {
      await choose(page, 'quote-scheme', '数字化诊断服务后补助（三(一)）')
      await page.getByTestId('quote-field-cost_fen').fill('50,000')
      await page.getByTestId('quote-field-task_completed').click()
      const { body, status } = await quote(page)
      assert.equal(status, 200)
      // 元 typed, integer 分 sent.
      assert.deepEqual(body, { scheme: 'diagnosis', cost_fen: 5_000_000, task_completed: true, paid_before_fen: 0 })
      await page.getByTestId('quote-result').waitFor()
      assert.equal(await textOf(page, 'quote-amount'), '30,000.00 元')
      assert.equal(await textOf(page, 'quote-eligible'), '符合条件')
      assert.equal(await textOf(page, 'quote-cap-label'), '每家企业最高不超过3万元')
      assert.match(await textOf(page, 'quote-steps'), /35,000\.00/)
      assert.match(await textOf(page, 'quote-explanation'), /50,000\.00 元 × 70%/)
    })

    await step('transformation-level-one', async () => {
      await choose(page, 'quote-scheme', '数字化改造补助（三(二)）')
      // The cost and the condition are kept from the last scheme; this one also asks for the level.
      assert.equal(await page.getByTestId('quote-field-cost_fen').inputValue(), '50,000')
      await choose(page, 'quote-field-level', '一级')
      const { body } = await quote(page)
      assert.deepEqual(body, { scheme: 'transformation', cost_fen: 5_000_000, level: 1, task_completed: true, paid_before_fen: 0 })
      await page.getByTestId('quote-result').waitFor()
      assert.equal(await textOf(page, 'quote-eligible'), '不符合条件')
      assert.equal(await textOf(page, 'quote-amount'), '0.00 元')
      assert.match(await textOf(page, 'quote-reason'), /数字化水平为一级，须达到二级及以上/)
      assert.equal(await page.getByTestId('quote-cap').count(), 0)
    })

    await step('loan-error-beside-field', async () => {
      await choose(page, 'quote-scheme', '“数字贷”贴息补助（三(九)）')
      await page.getByTestId('quote-field-principal_fen').fill('1000000')
      await typeDate(page, page, 'quote-field-loan_date', '2020-08-15')
      const { status } = await quote(page)
      assert.equal(status, 422)
      await formItem(page, 'quote-field-loan_date').getByText('早于利率表中最早的 LPR').waitFor()
      assert.equal(await page.getByTestId('quote-result').count(), 0)
    })

    await step('login-admin', async () => {
      await page.getByTestId('logout').click()
      await page.waitForURL(/\/login/)
      await login(page, ADMIN.username, ADMIN.password)
      await page.getByTestId('menu-admin-lpr').click()
      await page.waitForURL(/\/admin\/lpr$/)
      await page.getByTestId('lpr-table').locator('tbody tr').first().waitFor()
      await page.getByTestId('lpr-history').locator('tbody tr').first().waitFor()
    })

    const reason = `全国银行间同业拆借中心公布（浏览器测试 ${Date.now()}）`
    await step('lpr-add', async () => {
      // Left behind by an earlier run that stopped half-way (a shared server): start without it.
      if ((await lprRow(page).count()) > 0) await deleteLprRow(page, '清理此前测试遗留的数据')
      await page.getByTestId('lpr-add').click()
      const dialog = page.getByTestId('lpr-dialog')
      await typeDate(page, dialog, 'lpr-form-date', LPR_DATE)
      await dialog.getByTestId('lpr-form-one-year').fill('2.90')
      await dialog.getByTestId('lpr-form-five-year').fill('3.40')
      // No reason: refused by the form, nothing sent.
      await dialog.getByTestId('lpr-form-submit').click()
      await formItem(page, 'lpr-form-reason').getByText('请填写修改原因').waitFor()
      await dialog.getByTestId('lpr-form-reason').fill(reason)
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/lpr/${LPR_DATE}`) && r.request().method() === 'PUT'),
        dialog.getByTestId('lpr-form-submit').click(),
      ])
      assert.equal(response.status(), 200)
      // Percent typed, exact basis points sent.
      assert.deepEqual(response.request().postDataJSON(), { one_year_bp: 290, five_year_bp: 340, reason })
      await dialog.waitFor({ state: 'hidden' })

      const row = lprRow(page)
      await row.waitFor()
      assert.equal((await row.getByTestId('lpr-one-year').innerText()).trim(), '2.90%')
      assert.equal((await row.getByTestId('lpr-five-year').innerText()).trim(), '3.40%')
      const history = page.getByTestId('lpr-history').locator('tbody tr').filter({ hasText: reason })
      await history.waitFor()
      assert.equal((await history.getByTestId('lpr-history-date').innerText()).trim(), LPR_DATE)
      assert.equal((await history.getByTestId('lpr-history-action').innerText()).trim(), '新增')
      assert.match(await history.innerText(), /2\.90%[\s\S]*3\.40%/)
    })

    await step('lpr-delete', async () => {
      await deleteLprRow(page, `撤回：${reason}`)
      const history = page.getByTestId('lpr-history').locator('tbody tr').filter({ hasText: `撤回：${reason}` })
      await history.waitFor()
      assert.equal((await history.getByTestId('lpr-history-action').innerText()).trim(), '删除')
    })
  })
})

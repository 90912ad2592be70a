// Browser test: 数字贷 interest confirmed period by period. A loan of its own (through the API: the bank records it,
// granted five months back, the enterprise applies), so the demo's loan is left alone. The bank opens 确认利息: the
// months start at the first one; an amount above the plausible maximum is refused with the server's words; then
// 预览 shows what will be locked (the months and their days, the LPR comparison, the maximum, the lock text — as the
// API says), and only the second button locks it: the periods table shows 第 1–3 个月, its days, the interest, 已确认
// （锁定） and who confirmed; the loan says what it waits for next. The city admin then sends the period back: while
// an approval rests on it the server's 409 is shown in the dialog and nothing changes; once that approval is
// cancelled, the period is sent back with a written reason and shows 已退回, who sent it back and why.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { textOf, useServer, withBrowser } from './browser.mjs'
import { ENTERPRISE, api, apiLogin, isCall, ok, serverToday, shooter, switchUser } from './helpers.mjs'

const shot = shooter('loans')

test('数字贷：银行先预览再锁定一期利息确认，市级管理员书面说明理由退回（仍有核定依据该期时显示服务器的说明）', { timeout: 180_000 }, async (t) => {
  await useServer(t)
  const bank = await apiLogin('yinhang')
  const qiye = await apiLogin('qiye')
  const admin = await apiLogin('admin')
  const { inDays } = await serverToday(admin)
  const loan = await ok(api(bank, 'POST', '/api/v1/loans', { enterprise_id: ENTERPRISE, principal_fen: 120000000, loan_date: inDays(-160), term_months: 12 }), 201)
  await ok(api(qiye, 'POST', `/api/v1/loans/${loan.id}/apply`))
  const applied = (await ok(api(bank, 'GET', '/api/v1/loans'))).items.find((l) => l.id === loan.id)
  assert.deepEqual(applied.next_confirmation?.first_month, 1)
  assert.ok(applied.next_confirmation.last_month_max >= 3, `months over: ${applied.next_confirmation.last_month_max}`)
  // What the bank will be shown for months 1–3 at 9,000 元.
  const expected = await ok(api(bank, 'POST', `/api/v1/loans/${loan.id}/interest-periods/preview`, { last_month: 3, interest_paid_fen: 900000 }))

  await withBrowser(t, 'loans', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1000 })
    const row = () => page.getByTestId('loan-table').locator('tbody tr').filter({ has: page.locator(`[data-loan-id="${loan.id}"]`) })
    const periods = () => page.getByTestId(`loan-${loan.id}-periods`)

    await step('bank-previews-then-locks', async () => {
      await switchUser(page, 'yinhang')
      await page.getByTestId('menu-loans').click()
      await page.waitForURL(/\/loans$/)
      await row().waitFor()
      assert.equal(await textOf(row(), 'loan-subsidised'), '12')
      assert.equal(await textOf(row(), 'loan-confirmed-months'), '0 / 12')
      assert.equal(await textOf(row(), 'loan-waiting'), applied.waiting_for)
      await row().getByTestId('loan-confirm').click()
      const c = page.getByTestId('loan-confirm-dialog')
      await c.waitFor()
      assert.equal(await textOf(c, 'loan-confirm-from'), '自第 1 个月起')
      await c.getByTestId('loan-confirm-last-month').click()
      await page.locator('.el-select-dropdown__item:visible').filter({ hasText: /^\s*第 1–3 个月\s*$/ }).click()

      // Above principal × 15% × 3/12 (45,000 元): refused with the server's words, nothing shown to lock.
      await c.getByTestId('loan-confirm-interest').fill('50000')
      const [refused] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/interest-periods\/preview$/)),
        c.getByTestId('loan-confirm-submit').click(),
      ])
      assert.equal(refused.status(), 422)
      const message = (await refused.json()).error.message
      assert.match(message, /超过合理上限/)
      await c.getByText(message).waitFor()
      assert.equal(await c.getByTestId('loan-confirm-preview').count(), 0)

      // 预览: what will be locked, as the API says; nothing is written yet.
      await c.getByTestId('loan-confirm-interest').fill('9,000')
      const [previewed] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/interest-periods\/preview$/)),
        c.getByTestId('loan-confirm-submit').click(),
      ])
      assert.equal(previewed.status(), 200, await previewed.text())
      assert.deepEqual(previewed.request().postDataJSON(), { last_month: 3, interest_paid_fen: 900000 })
      await c.getByTestId('loan-confirm-preview').waitFor()
      assert.equal(await textOf(c, 'loan-preview-lock-text'), expected.lock_text)
      assert.equal(await textOf(c, 'loan-preview-lpr'), expected.lpr_text)
      assert.equal(await textOf(c, 'loan-preview-max'), '45,000.00 元')
      assert.equal(await textOf(c, 'loan-preview-months'), `第 1–3 个月（${expected.from_day} 至 ${expected.to_day}）`)
      assert.equal((await c.getByTestId('loan-confirm-submit').innerText()).trim(), '确认并锁定')
      assert.equal((await ok(api(bank, 'GET', '/api/v1/loans'))).items.find((l) => l.id === loan.id).periods.length, 0)
      await shot(page, 'preview')

      // The second button locks it.
      const [locked] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/loans\/\d+\/interest-periods$/)),
        c.getByTestId('loan-confirm-submit').click(),
      ])
      assert.equal(locked.status(), 201, await locked.text())
      assert.deepEqual(locked.request().postDataJSON(), { last_month: 3, interest_paid_fen: 900000 })
      await c.waitFor({ state: 'hidden' })
      await row().getByTestId('loan-confirmed-months').getByText('3 / 12', { exact: true }).waitFor()
      const p = periods().locator('tbody tr').first()
      assert.equal(await textOf(p, 'loan-period-months'), '第 1–3 个月')
      assert.equal(await textOf(p, 'loan-period-days'), `${expected.from_day} 至 ${expected.to_day}`)
      assert.equal(await textOf(p, 'loan-period-interest'), '9,000.00')
      assert.equal(await textOf(p, 'loan-period-state'), '已确认（锁定）')
      assert.match(await textOf(p, 'loan-period-confirmed'), /^确认：演示合作银行，\d{4}-\d{2}-\d{2} /)
      assert.match(await textOf(row(), 'loan-waiting'), /第 4 个月/)
      // The bank cannot send it back.
      assert.equal(await periods().getByTestId('loan-period-reopen').count(), 0)
      await shot(page, 'locked')
    })

    await step('admin-reopens-with-reason', async () => {
      // An approval resting on the period: the reopen is refused until it is cancelled.
      const subsidy = await ok(api(admin, 'POST', '/api/v1/subsidies', { scheme: 'loan_interest', loan_id: loan.id }), 201)
      await switchUser(page, 'admin')
      await page.getByTestId('menu-loans').click()
      await page.waitForURL(/\/loans$/)
      await row().waitFor()
      const reopen = async (reason) => {
        await periods().getByTestId('loan-period-reopen').click()
        const d = page.getByTestId('loan-reopen-dialog')
        await d.waitFor()
        await d.getByTestId('loan-reopen-reason').fill(reason)
        const [r] = await Promise.all([
          page.waitForResponse(isCall('POST', /\/interest-periods\/\d+\/reopen$/)),
          d.getByTestId('loan-reopen-submit').click(),
        ])
        return { r, d }
      }
      const refused = await reopen('利息含罚息，需扣除后重新确认')
      assert.equal(refused.r.status(), 409)
      const message = (await refused.r.json()).error.message
      assert.match(message, new RegExp(`贴息核定（编号 ${subsidy.id}）依据了该期利息`))
      await refused.d.getByText(message).waitFor()
      await shot(page, 'reopen-refused')
      await refused.d.getByRole('button', { name: '取消' }).click()
      await refused.d.waitFor({ state: 'hidden' })
      assert.equal(await textOf(periods(), 'loan-period-state'), '已确认（锁定）')

      await ok(api(admin, 'POST', `/api/v1/subsidies/${subsidy.id}/cancel`, { reason: '待银行更正利息后重新核定' }), 204)
      await page.reload()
      await row().waitFor()
      const done = await reopen('利息含罚息，需扣除后重新确认')
      assert.equal(done.r.status(), 200, await done.r.text())
      assert.deepEqual(done.r.request().postDataJSON(), { reason: '利息含罚息，需扣除后重新确认' })
      await done.d.waitFor({ state: 'hidden' })
      const p = periods().locator('tbody tr').first()
      await p.getByTestId('loan-period-state').getByText('已退回，待银行重新确认').waitFor()
      assert.match(await textOf(p, 'loan-period-reopened'), /^退回：市工信局管理员，\d{4}-\d{2}-\d{2} /)
      assert.equal(await textOf(p, 'loan-period-reason'), '利息含罚息，需扣除后重新确认')
      assert.equal(await textOf(row(), 'loan-confirmed-months'), '0 / 12')
      assert.equal(await periods().getByTestId('loan-period-reopen').count(), 0)
      await shot(page, 'reopened')
    })
  })
})

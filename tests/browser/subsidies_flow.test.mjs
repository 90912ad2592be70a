// Browser test: 补助 from approval to 兑现, and 数字贷. A project of qiye's enterprise is first brought to 通过 through
// the API (costs 300,000 + 200,000 元 invoiced; 目录价 1,000,000, 合同 900,000 元). Then, in the browser, the city
// admin registers two funds (中央 with a 200,000 元 budget, 市级 with 1,000,000 元, in a year no fund uses yet);
// approves the transformation subsidy after seeing the server's computation (50% of the invoiced costs = 250,000 元,
// clause 三(二), the facts with their sources); pays it in two tranches — the second refused first for the 中央
// fund's budget (the override reason is then asked for), then, from the 市级 fund, for exceeding the approval (the
// remainder named), and cut to the remainder — approves and pays both; sees the funds' remaining budgets; moves the
// project to 补助兑现. The enterprise sees 企业出一点、服务商让一点、政府补一点 on its project page and its subsidies.
// Last, 数字贷: the bank records a loan four months back (the enterprise by its number), the enterprise applies for the
// interest subsidy, the bank confirms the interest paid over the months already over (previewed, then locked), and the
// admin sees the computation of the months confirmed, capped by the interest paid.
//
// Uses SHUZHUAN_URL when set (scripts/test.sh, the full demo); run on its own, it starts a server on the bare demo.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { textOf, useServer, withBrowser } from './browser.mjs'
import { ENTERPRISE, api, apiLogin, isCall, move, ok, openProject, pick, projectToPassed, serverToday, shooter, switchUser, tab, typeDate } from './helpers.mjs'

const shot = shooter('subsidies')

async function menu(page, testid, url) {
  await page.getByTestId(testid).click()
  await page.waitForURL(url)
}

function fundRow(page, name) {
  return page.getByTestId('fund-table').locator('tbody tr').filter({ has: page.getByTestId('fund-name').getByText(name, { exact: true }) })
}

function paymentRow(page, label) {
  return page.getByTestId('payment-table').locator('tbody tr').filter({ has: page.getByTestId('payment-label').getByText(label, { exact: true }) })
}

// Opens 安排拨付, fills it and sends it; returns the response and the dialog (left open when refused).
async function schedule(page, { fund, yuan, cut = false }) {
  const d = page.getByTestId('payment-dialog')
  if (!(await d.isVisible())) {
    await page.getByTestId('payment-add').click()
    await d.waitFor()
  }
  await pick(page, d, 'payment-fund', fund)
  await d.getByTestId('payment-amount').fill(yuan)
  if (cut) await d.getByTestId('payment-cut').click()
  const [response] = await Promise.all([
    page.waitForResponse(isCall('POST', /^\/api\/v1\/subsidies\/\d+\/payments$/)),
    d.getByTestId('payment-submit').click(),
  ])
  return { response, d }
}

async function paymentMove(page, label, action, status) {
  const row = paymentRow(page, label)
  const [response] = await Promise.all([
    page.waitForResponse(isCall('POST', /^\/api\/v1\/payments\/\d+\/transitions$/)),
    row.getByTestId(`payment-${action}`).click(),
  ])
  assert.equal(response.status(), 200, await response.text())
  await paymentRow(page, label).getByTestId('payment-status').getByText(status, { exact: true }).waitFor()
}

test('补助：核定（看到计算说明）、两笔资金、分两期拨付（超预算与超核定被拒、按余额核减）、补助兑现、企业看到成本分担；数字贷', { timeout: 300_000 }, async (t) => {
  await useServer(t)
  const stamp = Date.now()
  const project = await projectToPassed({ name: `补助兑现改造 ${stamp}` })
  const id = project.id
  const admin = await apiLogin('admin')
  const existing = (await ok(api(admin, 'GET', '/api/v1/funds'))).items
  // A year no fund uses yet, so the test runs on the full demo (funds 2024–2026) and the bare one alike.
  const year = Math.max(2026, ...existing.map((f) => f.year)) + 1
  const central = `${year}年中央试点资金`
  const city = `${year}年市级配套资金`
  let subsidyId = 0

  await withBrowser(t, 'subsidies-flow', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1300 })

    await step('funds', async () => {
      await switchUser(page, 'admin')
      await menu(page, 'menu-funds', /\/funds$/)
      await page.getByTestId('fund-table').waitFor()
      const add = async (source, yuan, fen) => {
        await page.getByTestId('fund-add').click()
        const d = page.getByTestId('fund-add-dialog')
        await pick(page, d, 'fund-form-source', source)
        await d.getByTestId('fund-form-year').locator('input').fill(String(year))
        await d.getByTestId('fund-form-budget').fill(yuan)
        const [response] = await Promise.all([
          page.waitForResponse(isCall('POST', /^\/api\/v1\/funds$/)),
          d.getByTestId('fund-add-submit').click(),
        ])
        assert.equal(response.status(), 201, await response.text())
        assert.deepEqual(response.request().postDataJSON(), { source: source === '中央试点资金' ? 'central' : 'city', year, budget_fen: fen })
        await d.waitFor({ state: 'hidden' })
      }
      await add('中央试点资金', '200,000', 20000000)
      await add('市级配套资金', '1000000', 100000000)
      assert.equal(await fundRow(page, central).getByTestId('fund-budget').innerText(), '200,000.00')
      assert.equal(await fundRow(page, city).getByTestId('fund-remaining').innerText(), '1,000,000.00')
      await shot(page, 'funds-added')
    })

    await step('approve', async () => {
      await menu(page, 'menu-subsidies', /\/subsidies$/)
      await page.getByTestId('subsidy-table').waitFor()
      await page.getByTestId('subsidy-approve').click()
      const d = page.getByTestId('approve-dialog')
      await d.waitFor()
      // 数字化改造补助 is the default scheme; the subject is the passed project.
      await pick(page, d, 'approve-project', `#${id} `)
      const [preview] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/subsidies\/preview$/)),
        d.getByTestId('approve-submit').click(),
      ])
      assert.equal(preview.status(), 200, await preview.text())
      assert.deepEqual(preview.request().postDataJSON(), { scheme: 'transformation', project_id: id })
      // The computation before confirming: 50% of the invoiced costs, the clause, the steps, the facts' sources.
      assert.equal(await textOf(d, 'quote-amount'), '250,000.00 元')
      assert.equal(await textOf(d, 'quote-eligible'), '符合条件')
      assert.match(await textOf(d, 'quote-explanation'), /500,000\.00 元 × 50% = 250,000\.00 元/)
      assert.match(await d.getByTestId('quote-steps').innerText(), /按 50% 计算/)
      assert.match(await d.innerText(), /三\(二\)/)
      assert.equal(await textOf(d, 'subsidy-input-cost_fen'), '500,000.00 元')
      assert.match(await d.getByTestId('subsidy-inputs').innerText(), /项目登记的实际改造费用合计（附发票）/)
      assert.equal(await textOf(d, 'subsidy-input-level'), '二级')
      assert.equal(await textOf(d, 'approve-submit'), '确认核定')
      // Not above what the rules allow.
      await d.getByTestId('approve-approved').fill('250000.01')
      await d.getByTestId('approve-submit').click()
      await d.locator('.el-form-item__error').getByText(/不能超过规则允许的 250,000\.00 元/).waitFor()
      await d.getByTestId('approve-approved').fill('')
      await d.getByTestId('approve-note').fill('验收通过，按实际发生费用核定')
      await shot(page, 'approve-dialog')
      const [approved] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/subsidies$/)),
        d.getByTestId('approve-submit').click(),
      ])
      assert.equal(approved.status(), 201, await approved.text())
      assert.deepEqual(approved.request().postDataJSON(), { scheme: 'transformation', project_id: id, note: '验收通过，按实际发生费用核定' })
      subsidyId = (await approved.json()).id
      await page.waitForURL(new RegExp(`/subsidies/${subsidyId}$`))
      assert.equal(await textOf(page, 'subsidy-approved-amount'), '250,000.00 元')
      assert.equal(await textOf(page, 'subsidy-unscheduled'), '250,000.00')
      assert.match(await textOf(page, 'quote-explanation'), /50%/)
    })

    await step('pay-in-two-tranches', async () => {
      const first = await schedule(page, { fund: central, yuan: '150,000' })
      assert.equal(first.response.status(), 201, await first.response.text())
      assert.deepEqual(first.response.request().postDataJSON(), { fund_id: (await first.response.json()).fund_id, amount_fen: 15000000, label: '第一期' })
      await first.d.waitFor({ state: 'hidden' })
      await paymentRow(page, '第一期').getByTestId('payment-status').getByText('已安排').waitFor()

      // Beyond the 中央 fund's budget (150,000 + 100,000 > 200,000): refused, and the reason to go beyond it is asked.
      const overBudget = await schedule(page, { fund: central, yuan: '100000' })
      assert.equal(overBudget.response.status(), 409)
      await overBudget.d.getByText(/超出资金预算/).first().waitFor()
      await overBudget.d.getByTestId('payment-override').waitFor()
      assert.equal(await overBudget.d.getByTestId('payment-label').inputValue(), '第二期')
      await shot(page, 'payment-over-budget')

      // From the 市级 fund, 150,000 exceeds what is left of the approval: refused naming the remainder.
      const overApproval = await schedule(page, { fund: city, yuan: '150000' })
      assert.equal(overApproval.response.status(), 409)
      assert.equal(await overApproval.d.getByTestId('payment-override').count(), 0)
      await overApproval.d.getByText(/尚可安排 100,000\.00 元/).waitFor()
      await shot(page, 'payment-over-approval')
      // Cut to the remainder.
      await overApproval.d.getByTestId('payment-cut').click()
      const [cut] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/subsidies\/\d+\/payments$/)),
        overApproval.d.getByTestId('payment-submit').click(),
      ])
      assert.equal(cut.status(), 201, await cut.text())
      assert.equal(cut.request().postDataJSON().cut, true)
      assert.equal((await cut.json()).amount_fen, 10000000)
      await overApproval.d.waitFor({ state: 'hidden' })
      const second = paymentRow(page, '第二期')
      assert.equal(await second.getByTestId('payment-amount-cell').innerText(), '100,000.00')
      assert.match(await second.getByTestId('payment-note-cell').innerText(), /核减/)
      assert.equal(await textOf(page, 'subsidy-unscheduled'), '0.00')

      for (const label of ['第一期', '第二期']) {
        await paymentMove(page, label, 'approve', '已审批')
        await paymentMove(page, label, 'pay', '已拨付')
      }
      assert.equal(await textOf(page, 'subsidy-paid-total'), '250,000.00')
      assert.equal(await textOf(page, 'subsidy-scheduled-total'), '250,000.00')
      await shot(page, 'subsidy-paid')
    })

    await step('fund-remaining', async () => {
      await menu(page, 'menu-funds', /\/funds$/)
      await fundRow(page, central).getByTestId('fund-remaining').getByText('50,000.00', { exact: true }).waitFor()
      assert.equal(await fundRow(page, central).getByTestId('fund-paid').innerText(), '150,000.00')
      assert.equal(await fundRow(page, city).getByTestId('fund-remaining').innerText(), '900,000.00')
      await page.getByTestId('fund-chart').locator('canvas').first().waitFor()
      await shot(page, 'funds-after')
    })

    await step('pay-out', async () => {
      await openProject(page, id)
      const { response } = await move(page, 'pay_out')
      assert.equal(response.status(), 200, await response.text())
      await page.getByTestId('project-state').getByText('补助兑现', { exact: true }).waitFor()
    })

    await step('enterprise-cost-sharing', async () => {
      await switchUser(page, 'qiye')
      await openProject(page, id)
      await tab(page, '补助')
      await page.getByTestId('cost-sharing').waitFor()
      assert.equal(await textOf(page, 'cs-cost-total'), '500,000.00')
      assert.equal(await textOf(page, 'cs-provider-discount'), '100,000.00')
      assert.equal(await textOf(page, 'cs-subsidy-approved'), '250,000.00')
      assert.equal(await textOf(page, 'cs-subsidy-paid'), '250,000.00')
      assert.equal(await textOf(page, 'cs-enterprise-share'), '250,000.00')
      assert.equal(await page.getByTestId('project-subsidy-approve').count(), 0)
      await page.getByTestId('project-subsidies').getByTestId('project-subsidy-link').getByText(String(subsidyId), { exact: true }).waitFor()
      await shot(page, 'enterprise-cost-sharing')
      // The enterprise reads the approval and its tranches, without the city's buttons.
      await menu(page, 'menu-subsidies', /\/subsidies$/)
      await page.getByTestId('subsidy-table').getByTestId('subsidy-link').getByText(String(subsidyId), { exact: true }).click()
      await page.waitForURL(new RegExp(`/subsidies/${subsidyId}$`))
      assert.equal(await textOf(page, 'subsidy-paid-total'), '250,000.00')
      assert.equal(await page.getByTestId('payment-add').count(), 0)
      assert.equal(await page.getByTestId('payment-approve').count(), 0)
      await shot(page, 'enterprise-subsidy')
    })

    await step('loan', async () => {
      // The bank records a loan for the enterprise by its number, granted four months ago.
      const { inDays } = await serverToday(await apiLogin('admin'))
      const loanDate = inDays(-125)
      await switchUser(page, 'yinhang')
      await menu(page, 'menu-loans', /\/loans$/)
      await page.getByTestId('loan-table').waitFor()
      await page.getByTestId('loan-add').click()
      const d = page.getByTestId('loan-add-dialog')
      await d.getByTestId('loan-form-enterprise').fill(String(ENTERPRISE))
      await d.getByTestId('loan-form-principal').fill('100,000')
      await typeDate(page, d, 'loan-form-date', loanDate)
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/loans$/)),
        d.getByTestId('loan-add-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      const loan = await created.json()
      assert.equal(created.request().postDataJSON().principal_fen, 10000000)
      assert.equal(created.request().postDataJSON().loan_date, loanDate)
      await d.waitFor({ state: 'hidden' })
      const row = () => page.getByTestId('loan-table').locator('tbody tr').filter({ has: page.locator(`[data-loan-id="${loan.id}"]`) })
      await row().getByTestId('loan-state').getByText('已放款').waitFor()
      // The bank sees the borrower's name, the 贴息期 and what the loan waits for.
      assert.equal(await textOf(row(), 'loan-enterprise'), loan.enterprise_name)
      assert.equal(await textOf(row(), 'loan-subsidised'), '24')
      assert.equal(await textOf(row(), 'loan-waiting'), '待企业申请贴息')
      // The city's project pool names the enterprise it recommends (the demo recommends this one).
      const pooled = page.getByTestId('pool-table').locator('tbody tr').first()
      assert.equal((await pooled.getByTestId('pool-enterprise').innerText()).trim(), loan.enterprise_name)
      await shot(page, 'loans-bank')

      // The enterprise applies for the interest subsidy.
      await switchUser(page, 'qiye')
      await menu(page, 'menu-loans', /\/loans$/)
      await row().getByTestId('loan-apply').click()
      const [applied] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/loans\/\d+\/apply$/)),
        page.locator('.el-message-box').getByRole('button', { name: '申请贴息' }).click(),
      ])
      assert.equal(applied.status(), 200, await applied.text())
      await row().getByTestId('loan-state').getByText('已申请贴息').waitFor()

      // The bank confirms the interest paid over the months already over: first what will be locked, then the lock.
      await switchUser(page, 'yinhang')
      await menu(page, 'menu-loans', /\/loans$/)
      await row().getByTestId('loan-confirm').click()
      const c = page.getByTestId('loan-confirm-dialog')
      await c.getByTestId('loan-confirm-interest').fill('100')
      const [previewed] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/loans\/\d+\/interest-periods\/preview$/)),
        c.getByTestId('loan-confirm-submit').click(),
      ])
      assert.equal(previewed.status(), 200, await previewed.text())
      const { last_month: last } = previewed.request().postDataJSON()
      assert.ok(last >= 1, `months over: ${last}`)
      await c.getByTestId('loan-preview-lock-text').waitFor()
      const [confirmed] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/loans\/\d+\/interest-periods$/)),
        c.getByTestId('loan-confirm-submit').click(),
      ])
      assert.equal(confirmed.status(), 201, await confirmed.text())
      assert.deepEqual(confirmed.request().postDataJSON(), { last_month: last, interest_paid_fen: 10000 })
      await row().getByTestId('loan-confirmed-months').getByText(`${last} / 24`).waitFor()

      // The admin computes the interest subsidy: on the months confirmed, capped by the interest the bank confirmed.
      await switchUser(page, 'admin')
      await menu(page, 'menu-loans', /\/loans$/)
      await row().getByTestId('loan-approve').click()
      const a = page.getByTestId('approve-dialog')
      await a.waitFor()
      const [preview] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/subsidies\/preview$/)),
        a.getByTestId('approve-submit').click(),
      ])
      assert.deepEqual(preview.request().postDataJSON(), { scheme: 'loan_interest', loan_id: loan.id })
      assert.equal(await textOf(a, 'quote-amount'), '100.00 元')
      assert.match(await textOf(a, 'quote-cap-label'), /实际支付利息/)
      assert.equal(await textOf(a, 'subsidy-input-interest_paid_fen'), '100.00 元')
      assert.equal(await textOf(a, 'subsidy-input-confirmed_months'), `${last} 个月`)
      await page.getByTestId('pool-table').waitFor()
      await shot(page, 'loans-admin-approve')
      await a.getByRole('button', { name: '取消' }).click()
      await shot(page, 'loans-admin')
    })
  })
})

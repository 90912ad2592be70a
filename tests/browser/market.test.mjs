// Browser test: the provider directory (能进能出) and the 小快轻准 products, driven as the real users would.
// The city admin registers a provider (a mistyped credit code caught before sending) and opens its account; the
// provider's user finds its application refused with the server's list of what is missing, completes the profile
// and applies; the admin organises the admission review from the provider's page, zhuanjia scores and gives the
// consensus; the admin starts the 公示, records an objection and resolves it, is refused 准予入库 while the 公示
// runs, advances the clock past it (POST /api/v1/test/clock; sessions expire, so everyone logs in again) and admits
// the provider; selects it for its industry in 公开遴选 and registers a 定期考核 report (the frozen scorecards, the
// SM3). The provider files a product (price typed in 元, sent in 分) and submits it; listing it before the review is
// refused; the admin organises the product review, zhuanjia passes it, the admin lists it and links it to a new N+X
// scenario. Last, the admin warns the provider, orders rectification by a date and removes it; the provider appeals
// and the admin upholds the removal; the status history shows every step with its reason and the due date.
//
// Needs a server with --test-clock: run on its own it starts one on the bare demo; under scripts/test.sh, whose
// full-demo server has no settable clock, it starts its own as well (useServer's `clock`).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, advanceClock, textOf, useServer, withBrowser } from './browser.mjs'
import { api, creditCode, expertZhuanjia, isCall, organiseReview, pick, scoreAndPass, serverToday, shooter, switchUser, typeDate, apiLogin } from './helpers.mjs'

const shot = shooter('market')

// Takes a move of RecordMoves: confirmed, or with a reason (and a due date); returns the server's answer.
async function recordMove(page, prefix, action, { reason, due } = {}) {
  await page.getByTestId(`${prefix}-${action}`).click()
  const d = page.getByTestId(reason ? `${prefix}-reason-dialog` : `${prefix}-dialog`)
  await d.waitFor()
  if (reason) await d.getByTestId(`${prefix}-reason`).fill(reason)
  if (due) await typeDate(page, d, `${prefix}-due`, due)
  const [response] = await Promise.all([
    page.waitForResponse(isCall('POST', /\/transitions$/)),
    d.getByTestId(reason ? `${prefix}-reason-submit` : `${prefix}-confirm`).click(),
  ])
  return { response, d }
}

async function expectStatus(page, testid, text) {
  await page.getByTestId(testid).first().getByText(text, { exact: true }).waitFor()
}

test('服务商库：登记与开户、申请、评审、公示与异议、入库、遴选与考核；产品申报、评审、上架与场景；警告、整改、出库与申诉', { timeout: 600_000 }, async (t) => {
  await useServer(t, { clock: true })
  const stamp = Date.now()
  const short = String(stamp).slice(-6)
  const name = `河南智造云${short}科技有限公司`
  const code = creditCode(stamp)
  const username = `zzy${short}`
  const productName = `智能排产SaaS-${short}`
  const scenarioName = `耐材智能排产-${short}`
  const zhuanjia = await expertZhuanjia()
  let providerId = 0
  let productId = 0

  await withBrowser(t, 'market', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1100 })
    const openProvider = async (tab) => {
      await page.goto(`${BASE_URL}/providers/${providerId}${tab ? `?tab=${tab}` : ''}`)
      await page.getByTestId('provider-summary').waitFor()
    }

    await step('provider-registered-with-account', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-providers').click()
      await page.waitForURL(/\/providers$/)
      await page.getByTestId('provider-table').locator('tbody tr').first().waitFor()
      await shot(page, 'providers-admin')
      await page.getByTestId('provider-new').click()
      const d = page.getByTestId('provider-create-dialog')
      await d.getByTestId('provider-create-name').fill(name)
      // A mistyped check character is caught before anything is sent.
      const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0')
      await d.getByTestId('provider-create-credit-code').fill(wrong)
      await d.getByTestId('provider-create-submit').click()
      await d.getByText('统一社会信用代码第18位校验码错误').waitFor()
      await d.getByTestId('provider-create-credit-code').fill(code)
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/providers$/)),
        d.getByTestId('provider-create-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), { name, credit_code: code, kind: 'integrator', in_zhengzhou: true })
      providerId = (await created.json()).id

      // 三员分立: the city admin is told to have the security administrator open the provider's account, who does
      // so in 用户管理 with the provider's number.
      await page.getByText(`服务商编号 ${providerId}`).waitFor()
      const account = await api(await apiLogin('anquan'), 'POST', '/api/v1/users',
        { username, display_name: name, password: 'Demo@2024', roles: ['provider'], provider_id: providerId })
      assert.equal(account.status, 201, account.text)
      await page.waitForURL(new RegExp(`/providers/${providerId}$`))
      await expectStatus(page, 'provider-status', '填报中')
      await shot(page, 'provider-draft')
    })

    await step('provider-applies', async () => {
      await switchUser(page, username)
      await page.getByTestId('menu-my-provider').click()
      await page.waitForURL(/\/my\/provider$/)
      await expectStatus(page, 'my-provider-status', '填报中')
      // Applying with an empty profile: the server names what is missing.
      const [refused] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/providers\/\d+\/transitions$/)),
        page.getByTestId('my-provider-apply').click(),
      ])
      assert.equal(refused.status(), 409)
      assert.match(await textOf(page, 'my-provider-error'), /申请资料不全.*资质/)
      await shot(page, 'my-provider-refused')
      await page.getByTestId('my-provider-qualifications').fill('CMMI3，工业互联网平台解决方案供应商')
      await page.getByTestId('my-provider-cases').fill('耐材企业排产优化 12 家')
      await page.getByTestId('my-provider-industry-refractories').click()
      await page.getByTestId('my-provider-address').fill('郑州市高新区科学大道 100 号')
      await page.getByTestId('my-provider-contact-name').fill('陈工')
      await page.getByTestId('my-provider-contact-phone').fill('13800001111')
      const [saved] = await Promise.all([
        page.waitForResponse(isCall('PATCH', /\/api\/v1\/providers\/\d+$/)),
        page.waitForResponse(isCall('POST', /\/api\/v1\/providers\/\d+\/transitions$/)),
        page.getByTestId('my-provider-apply').click(),
      ])
      assert.deepEqual(saved.request().postDataJSON().industries, ['refractories'])
      await expectStatus(page, 'my-provider-status', '已申请')
      await shot(page, 'my-provider-applied')
    })

    await step('provider-reviewed', async () => {
      await switchUser(page, 'admin')
      await openProvider()
      // 开始公示 before a review: the server's message.
      const early = await recordMove(page, 'provider-move', 'start_notice')
      assert.equal(early.response.status(), 409)
      assert.match(await early.d.getByTestId('form-dialog-error').innerText(), /评审/)
      await early.d.getByRole('button', { name: '取消' }).click()
      await page.getByTestId('provider-tabs').getByRole('tab', { name: '专家评审', exact: true }).click()
      const reviewUrl = await organiseReview(page, zhuanjia.display_name)
      assert.equal(await textOf(page, 'review-subject-name'), name)
      await shot(page, 'provider-review')
      await scoreAndPass(page, reviewUrl, { qualification: 25, cases: 24, service: 16, price: 15 }, '能力较强', '同意入库')
    })

    await step('notice-and-objection', async () => {
      await switchUser(page, 'admin')
      await openProvider()
      const started = await recordMove(page, 'provider-move', 'start_notice')
      assert.equal(started.response.status(), 200, await started.response.text())
      await expectStatus(page, 'provider-status', '公示中')
      assert.match(await textOf(page, 'provider-notice'), /^\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}$/)
      // Too early to admit.
      const early = await recordMove(page, 'provider-move', 'admit')
      assert.equal(early.response.status(), 409)
      assert.match(await early.d.getByTestId('form-dialog-error').innerText(), /公示期/)
      await early.d.getByRole('button', { name: '取消' }).click()

      await page.getByTestId('objection-new').click()
      const o = page.getByTestId('objection-dialog')
      await o.getByTestId('objection-objector').fill('某耐材企业')
      await o.getByTestId('objection-content-input').fill('所报案例数量存疑')
      const [recorded] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/providers\/\d+\/objections$/)),
        o.getByTestId('objection-submit').click(),
      ])
      assert.equal(recorded.status(), 201, await recorded.text())
      await page.getByTestId('objection-pending').waitFor()
      assert.equal(await textOf(page, 'provider-objections-open'), '1')
      await page.getByTestId('objection-resolve').click()
      const r = page.getByTestId('objection-resolve-dialog')
      await r.getByTestId('objection-resolution-input').fill('经核实，案例属实')
      const [resolved] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/objections\/\d+\/resolution$/)),
        r.getByTestId('objection-resolution-submit').click(),
      ])
      assert.equal(resolved.status(), 204)
      assert.deepEqual(resolved.request().postDataJSON(), { resolution: '经核实，案例属实' })
      await page.getByTestId('objection-resolution').getByText('经核实，案例属实').waitFor()
      assert.equal(await textOf(page, 'provider-objections-open'), '0')
      await shot(page, 'provider-notice')
    })

    await step('admitted-after-notice', async () => {
      await advanceClock(8 * 86400)
      await switchUser(page, 'admin')
      await openProvider()
      const admitted = await recordMove(page, 'provider-move', 'admit')
      assert.equal(admitted.response.status(), 200, await admitted.response.text())
      await expectStatus(page, 'provider-status', '已入库')
    })

    await step('selection-and-evaluation', async () => {
      await page.getByTestId('menu-provider-programme').click()
      await page.waitForURL(/\/providers\/selection$/)
      await page.getByTestId('selection-table').waitFor()
      await page.getByTestId('selection-new').click()
      const d = page.getByTestId('selection-dialog')
      await pick(page, d, 'selection-industry-select', '新型耐火材料制造业')
      await pick(page, d, 'selection-provider-select', name)
      await d.getByTestId('selection-note').fill('公开遴选入选')
      const [selected] = await Promise.all([
        page.waitForResponse(isCall('PUT', /^\/api\/v1\/provider-selections$/)),
        d.getByTestId('selection-submit').click(),
      ])
      assert.equal(selected.status(), 204)
      assert.deepEqual(selected.request().postDataJSON(), { industry: 'refractories', provider_id: providerId, selected: true, note: '公开遴选入选' })
      const row = page.getByTestId('selection-table').locator('tbody tr').filter({ hasText: '新型耐火材料制造业' })
      await row.getByTestId('selection-provider').filter({ hasText: name }).waitFor()
      await page.getByTestId('provider-flow-chart').waitFor()

      const period = `考核期-${short}`
      await page.getByTestId('evaluation-new').click()
      const e = page.getByTestId('evaluation-dialog')
      await e.getByTestId('evaluation-period-input').fill(period)
      await e.getByTestId('evaluation-opinion').fill('整体良好，个别项目进度偏慢')
      const [report] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/provider-evaluations$/)),
        e.getByTestId('evaluation-submit').click(),
      ])
      assert.equal(report.status(), 201, await report.text())
      const sm3 = (await report.json()).snapshot_sm3
      assert.match(sm3, /^[0-9a-f]{64}$/)
      const drawer = page.getByTestId('evaluation-drawer')
      await drawer.getByTestId('evaluation-provider').filter({ hasText: name }).waitFor()
      assert.equal((await drawer.getByTestId('evaluation-drawer-sm3').innerText()).trim(), sm3)
      await shot(page, 'evaluation-report')
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })
      await page.getByTestId('evaluation-table').locator('tbody tr').filter({ hasText: period }).getByTestId('evaluation-sm3').getByText(sm3).waitFor()
      await shot(page, 'programme')
    })

    await step('product-filed', async () => {
      await switchUser(page, username)
      await page.getByTestId('menu-products').click()
      await page.waitForURL(/\/products$/)
      await page.getByTestId('product-new').click()
      const d = page.getByTestId('product-form-dialog')
      await d.getByTestId('product-form-name').fill(productName)
      await pick(page, d, 'product-form-category', '生产计划优化与智能排产')
      await d.getByTestId('product-form-industries').getByText('耐火材料', { exact: true }).click()
      await d.getByTestId('product-form-price').fill('38,000.50')
      await d.getByTestId('product-form-delivery-days').locator('input').fill('45')
      await d.getByTestId('product-form-description').fill('按订单与设备能力自动排产')
      await shot(page, 'product-form')
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/products$/)),
        d.getByTestId('product-form-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), {
        name: productName, category: 'scheduling', deployment: 'saas', industries: ['refractories'],
        price_fen: 3800050, delivery_days: 45, description: '按订单与设备能力自动排产',
      })
      productId = (await created.json()).id
      await page.waitForURL(new RegExp(`/products/${productId}$`))
      assert.equal(await textOf(page, 'product-price'), '38,000.50 元')
      // 产品资料 go with the draft to the experts: a brochure, then no more once it is submitted.
      const [uploaded] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/documents\?/.test(r.url()) && r.request().method() === 'POST'),
        page.getByTestId('document-upload-input').setInputFiles({ name: '产品白皮书.pdf', mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n% 产品白皮书\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') }),
      ])
      assert.equal(uploaded.status(), 201, await uploaded.text())
      assert.match(uploaded.url(), new RegExp(`entity_type=product&entity_id=${productId}&`))
      await page.getByTestId('document-table').getByTestId('document-name').getByText('产品白皮书.pdf', { exact: true }).waitFor()
      const submitted = await recordMove(page, 'product-move', 'submit')
      assert.equal(submitted.response.status(), 200, await submitted.response.text())
      await expectStatus(page, 'product-status', '评审中')
      await page.getByTestId('document-upload-input').waitFor({ state: 'detached' })
    })

    await step('product-reviewed-and-listed', async () => {
      await switchUser(page, 'admin')
      await page.goto(`${BASE_URL}/products/${productId}`)
      await page.getByTestId('product-summary').waitFor()
      const early = await recordMove(page, 'product-move', 'list')
      assert.equal(early.response.status(), 409)
      assert.match(await early.d.getByTestId('form-dialog-error').innerText(), /评审/)
      await early.d.getByRole('button', { name: '取消' }).click()
      const reviewUrl = await organiseReview(page, zhuanjia.display_name)
      assert.match(await textOf(page, 'review-subject-name'), new RegExp(productName))
      await scoreAndPass(page, reviewUrl, { fit: 26, maturity: 20, value: 20, replicability: 16 }, '适合耐材行业', '同意上架')
      await switchUser(page, 'admin')
      await page.goto(`${BASE_URL}/products/${productId}`)
      await page.getByTestId('product-summary').waitFor()
      const listed = await recordMove(page, 'product-move', 'list')
      assert.equal(listed.response.status(), 200, await listed.response.text())
      await expectStatus(page, 'product-status', '已上架')
      assert.equal(await textOf(page, 'product-usage-projects'), '0')
      await shot(page, 'product-listed')
      await page.getByTestId('menu-products').click()
      await page.getByTestId('product-table').getByText(productName).waitFor()
      await shot(page, 'products')
      await page.getByTestId('menu-product-ranking').click()
      await page.getByTestId('ranking-table').getByText(productName).waitFor()
      await shot(page, 'ranking')
      // Listed: an enterprise reads its 产品资料, and cannot add any.
      await switchUser(page, 'qiye')
      await page.goto(`${BASE_URL}/products/${productId}`)
      await page.getByTestId('document-table').getByTestId('document-name').getByText('产品白皮书.pdf', { exact: true }).waitFor()
      assert.equal(await page.getByTestId('document-upload-input').count(), 0)
      await switchUser(page, 'admin')
    })

    await step('scenario-linked', async () => {
      await page.getByTestId('menu-scenarios').click()
      await page.waitForURL(/\/scenarios$/)
      await page.getByTestId('scenario-industries').getByRole('tab', { name: /^耐火材料/ }).click()
      await page.locator('[data-testid="scenario-new-N"]:visible').click()
      const d = page.getByTestId('scenario-dialog')
      await d.getByTestId('scenario-form-name').fill(scenarioName)
      await pick(page, d, 'scenario-form-category', '生产计划优化与智能排产')
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/scenarios$/)),
        d.getByTestId('scenario-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), { industry: 'refractories', kind: 'N', name: scenarioName, category: 'scheduling' })
      const row = page.locator('[data-testid="scenario-table-N"]:visible tbody tr').filter({ hasText: scenarioName })
      await row.getByTestId('scenario-link').click()
      const l = page.getByTestId('scenario-link-dialog')
      await pick(page, l, 'scenario-link-product', productName)
      const [linked] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/scenarios\/\d+\/links$/)),
        l.getByTestId('scenario-link-submit').click(),
      ])
      assert.equal(linked.status(), 204)
      await row.getByTestId('scenario-product').filter({ hasText: productName }).waitFor()
      // 可复制可推广 is the expert committee's to judge: not yet.
      assert.equal((await row.getByTestId('scenario-not-replicable').innerText()).trim(), '未评定')
      await shot(page, 'scenarios')
    })

    await step('sanctions-and-appeal', async () => {
      const { inDays } = await serverToday(await apiLogin('admin'))
      const due = inDays(90)
      await openProvider()
      const warned = await recordMove(page, 'provider-move', 'warn', { reason: '两个项目里程碑逾期超过 60 天' })
      assert.equal(warned.response.status(), 200, await warned.response.text())
      await expectStatus(page, 'provider-status', '已警告')
      const rect = await recordMove(page, 'provider-move', 'order_rectification', { reason: '限期整改项目进度', due })
      assert.equal(rect.response.status(), 200, await rect.response.text())
      assert.deepEqual(rect.response.request().postDataJSON(), { action: 'order_rectification', reason: '限期整改项目进度', due_on: due })
      await expectStatus(page, 'provider-status', '限期整改')
      assert.equal(await textOf(page, 'provider-rectify-due'), due)
      const removed = await recordMove(page, 'provider-move', 'remove', { reason: '整改不到位，验收通过率低于 50%' })
      assert.equal(removed.response.status(), 200, await removed.response.text())
      await expectStatus(page, 'provider-status', '已出库')

      // The provider appeals the removal; the admin upholds it.
      await switchUser(page, username)
      await openProvider('appeals')
      await page.getByTestId('appeal-new').click()
      const a = page.getByTestId('appeal-dialog')
      await a.getByTestId('appeal-reason-input').fill('逾期系企业停产所致，附说明')
      const [filed] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/providers\/\d+\/appeals$/)),
        a.getByTestId('appeal-submit').click(),
      ])
      assert.equal(filed.status(), 201, await filed.text())
      await expectStatus(page, 'appeal-status', '待处理')
      assert.equal(await page.getByTestId('appeal-new').count(), 0)  // one appeal per decision
      await switchUser(page, 'admin')
      await openProvider('appeals')
      await page.getByTestId('appeal-uphold').click()
      const u = page.getByTestId('appeal-decide-dialog')
      await u.getByTestId('appeal-note').fill('经核查，整改确不到位，维持出库决定')
      const [decided] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/appeals\/\d+\/decision$/)),
        u.getByTestId('appeal-decide-submit').click(),
      ])
      assert.equal(decided.status(), 200, await decided.text())
      assert.deepEqual(decided.request().postDataJSON(), { overturn: false, note: '经核查，整改确不到位，维持出库决定' })
      await expectStatus(page, 'appeal-status', '维持原决定')
      await shot(page, 'provider-appeal')

      await page.getByTestId('provider-tabs').getByRole('tab', { name: '状态记录', exact: true }).click()
      const steps = page.getByTestId('provider-events-step')
      await steps.first().waitFor()
      assert.deepEqual((await steps.allInnerTexts()).map((s) => s.trim()), [
        '限期整改 → 已出库', '已警告 → 限期整改', '已入库 → 已警告', '公示中 → 已入库', '已申请 → 公示中', '填报中 → 已申请', '填报中',
      ])
      const reasons = (await page.getByTestId('provider-events-reason').allInnerTexts()).map((s) => s.trim())
      assert.deepEqual(reasons.slice(0, 3), ['整改不到位，验收通过率低于 50%', '限期整改项目进度', '两个项目里程碑逾期超过 60 天'])
      assert.equal(await textOf(page, 'provider-events-due'), `（整改期限 ${due}）`)
      await shot(page, 'provider-history')
      await page.getByTestId('provider-tabs').getByRole('tab', { name: '服务商评价', exact: true }).click()
      assert.equal(await page.getByTestId('scorecard-component').count(), 5)
      await shot(page, 'provider-scorecard')
    })
  })
})

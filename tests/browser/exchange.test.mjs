// Browser test: 企商互动, 站内消息 and 转型成果台账, driven as the real users would.
// Set up through the API first, as its own users would have done: a second integrator (智链, serving 耐火材料) is
// registered, reviewed, publicised and admitted (the clock is advanced past its 公示), and its 排产 product listed after
// a review — so a 耐火材料 排产 need has something to suggest. Then in the browser: qiye posts a need (budget typed in
// 元, sent in 分) and finds 智链 and its product suggested with their stars; 智链 answers through the API and
// fuwushang (the bare demo's admitted integrator) finds the need in its list, answers it with a proposal and leaves a
// message; qiye sees the unread count on the bell, opens the need from the bell (the count drops), reads the message
// and picks fuwushang's proposal (the need becomes 已对接, the other proposal 未选中); fuwushang is told in its
// notifications and marks them all read. Refusals show the server's message: a district officer of another district
// opening the need, a proposal sent from a page left open while the need was closed (which the city admin then finds
// closed, with its reason), a registration for a full 供需对接会. Last, the city admin publishes a 供需对接会 (qiye registers; capacity shown) and registers a 小微企业园
// — registered, not yet counted — then records its 数字化改造 completed, and the tally by industry counts it.
//
// Needs a server with --test-clock (the 公示): run on its own it starts one on the bare demo; under scripts/test.sh it
// starts its own as well (useServer's `clock`).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, advanceClock, textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, creditCode, expertZhuanjia, isCall, ok, pick, serverToday, shooter, switchUser, typeDate, PASSWORD } from './helpers.mjs'

const shot = shooter('exchange')
const FUWUSHANG = '郑州数智工业互联网科技有限公司'

// A listed integrator serving 耐火材料 with its own account and a listed 排产 product, through the API: registered by
// the city, profile and application by its account, review by zhuanjia, 公示 (the clock advanced past it), admission;
// the product filed, reviewed and listed the same way. Returns the names, the account and the product's id.
async function listedProviderWithProduct(short) {
  const name = `河南智链${short}科技有限公司`
  const username = `zl${short}`
  const productName = `窑炉排产SaaS-${short}`
  const zhuanjia = await expertZhuanjia()
  let admin = await apiLogin('admin')
  let expert = await apiLogin('zhuanjia')
  const review = async (subjectType, subjectId, scores) => {
    const round = await ok(api(admin, 'POST', '/api/v1/reviews', { subject_type: subjectType, subject_id: subjectId, expert_user_ids: [zhuanjia.id] }), 201)
    await ok(api(expert, 'PUT', `/api/v1/reviews/${round.id}/score`, { scores, comment: '符合要求', submit: true }))
    await ok(api(expert, 'POST', `/api/v1/reviews/${round.id}/consensus`, { pass: true, opinion: '同意' }))
  }

  const provider = await ok(api(admin, 'POST', '/api/v1/providers', { name, credit_code: creditCode(Number(short) + 7_000_000), kind: 'integrator', in_zhengzhou: true }), 201)
  await ok(api(await apiLogin('anquan'), 'POST', '/api/v1/users', {
    username, display_name: '智链服务商用户', password: PASSWORD, roles: ['provider'], district: null, enterprise_id: null, provider_id: provider.id,
  }), 201)
  let own = await apiLogin(username)
  await ok(api(own, 'PATCH', `/api/v1/providers/${provider.id}`, {
    qualifications: '工业互联网平台解决方案供应商', cases: '耐材企业排产 8 家', industries: ['refractories'],
    address: '郑州市高新区长椿路 11 号', contact_name: '王工', contact_phone: '13800002222',
  }))
  await ok(api(own, 'POST', `/api/v1/providers/${provider.id}/transitions`, { action: 'apply' }))
  await review('provider', provider.id, { qualification: 25, cases: 24, service: 16, price: 15 })
  await ok(api(admin, 'POST', `/api/v1/providers/${provider.id}/transitions`, { action: 'start_notice' }))
  await advanceClock(8 * 86400)
  // Sessions expired with the clock.
  admin = await apiLogin('admin')
  expert = await apiLogin('zhuanjia')
  own = await apiLogin(username)
  await ok(api(admin, 'POST', `/api/v1/providers/${provider.id}/transitions`, { action: 'admit' }))

  const product = await ok(api(own, 'POST', '/api/v1/products', {
    name: productName, category: 'scheduling', deployment: 'saas', industries: ['refractories'],
    price_fen: 3800000, delivery_days: 45, description: '窑炉与订单约束下的自动排产',
  }), 201)
  await ok(api(own, 'POST', `/api/v1/products/${product.id}/transitions`, { action: 'submit' }))
  await review('product', product.id, { fit: 26, maturity: 20, value: 20, replicability: 16 })
  await ok(api(admin, 'POST', `/api/v1/products/${product.id}/transitions`, { action: 'list' }))
  return { name, username, productName, productId: product.id }
}

async function expectText(locator, text) {
  await locator.getByText(text, { exact: true }).first().waitFor()
}

// Waits for the bell to show this unread count, or (0) no count at all.
async function bellShows(page, count) {
  const badge = page.getByTestId('header-unread').locator('.el-badge__content')
  if (count === 0) await badge.waitFor({ state: 'hidden' })
  else await badge.getByText(String(count), { exact: true }).waitFor()
}

async function openNeed(page, id) {
  await page.goto(`${BASE_URL}/needs/${id}`)
  await page.getByTestId('need-summary').waitFor()
}

test('企商互动：发布需求、匹配推荐、服务商响应与留言、站内消息、选定方案；越权与过时操作的提示；供需对接会；小微企业园与按行业统计', { timeout: 600_000 }, async (t) => {
  await useServer(t, { clock: true })
  const short = String(Date.now()).slice(-6)
  const title = `窑炉生产排程优化-${short}`
  const zhilian = await listedProviderWithProduct(short)
  let needId = 0

  await withBrowser(t, 'exchange', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1100 })

    await step('enterprise-posts-need', async () => {
      await switchUser(page, 'qiye')
      await page.getByTestId('menu-needs').click()
      await page.waitForURL(/\/needs$/)
      await page.getByTestId('need-new').click()
      const d = page.getByTestId('need-form-dialog')
      // Nothing chosen: the form says so before anything is sent.
      await d.getByTestId('need-form-submit').click()
      await d.getByText('请选择场景分类').waitFor()
      await pick(page, d, 'need-form-category', '生产计划优化与智能排产')
      await d.getByTestId('need-form-title').fill(title)
      await d.getByTestId('need-form-description').fill('订单多、换产频繁，窑炉排程靠人工')
      await d.getByTestId('need-form-budget').fill('500,000')
      await shot(page, 'need-form')
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/needs$/)),
        d.getByTestId('need-form-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), {
        category: 'scheduling', title, description: '订单多、换产频繁，窑炉排程靠人工', budget_fen: 50000000,
      })
      needId = (await created.json()).id
      await page.waitForURL(new RegExp(`/needs/${needId}$`))
      await expectText(page.getByTestId('need-status'), '征集中')
      assert.equal(await textOf(page, 'need-budget'), '500,000.00 元')
      assert.equal(await textOf(page, 'need-enterprise'), '新密恒泰耐火材料有限公司')
      // Suggested: 智链 (it serves 耐火材料; fuwushang does not) and its listed 排产 product, with their stars.
      const providers = page.getByTestId('suggested-providers')
      await expectText(providers, zhilian.name)
      assert.equal(await providers.getByText(FUWUSHANG).count(), 0)
      assert.equal(await textOf(providers, 'suggested-provider-stars-text'), '暂无星级')
      const products = page.getByTestId('suggested-products')
      const row = products.locator('tbody tr').filter({ hasText: zhilian.productName })
      await row.waitFor()
      assert.match(await row.innerText(), new RegExp(`${zhilian.name}[\\s\\S]*暂无星级[\\s\\S]*38,000\\.00`))
      assert.equal(await textOf(page, 'proposal-count'), '0')
      await page.getByTestId('menu-needs').click()
      await expectText(page.getByTestId('need-table'), title)
      assert.equal(await textOf(page, 'need-total'), '1')
      await shot(page, 'needs-enterprise')
    })

    await step('providers-answer', async () => {
      // 智链 answers through the API, recommending its product.
      const own = await apiLogin(zhilian.username)
      await ok(api(own, 'POST', `/api/v1/needs/${needId}/proposals`, { summary: '窑炉排产 SaaS 上云', price_fen: 42000000, product_id: zhilian.productId }), 201)

      await switchUser(page, 'fuwushang')
      await page.getByTestId('menu-needs').click()
      await page.waitForURL(/\/needs$/)
      await page.getByTestId('need-table').getByText(title).click()
      await page.waitForURL(new RegExp(`/needs/${needId}$`))
      await page.getByTestId('need-summary').waitFor()
      // A provider sees its own proposals only: none yet, though 智链 answered.
      assert.equal(await textOf(page, 'proposal-count'), '0')
      await page.getByTestId('need-propose').click()
      const d = page.getByTestId('proposal-form-dialog')
      await d.getByTestId('proposal-form-summary').fill('智能排产系统 + 驻场实施 3 个月')
      await d.getByTestId('proposal-form-price').fill('450000')
      const [proposed] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/needs\/\d+\/proposals$/)),
        d.getByTestId('proposal-form-submit').click(),
      ])
      assert.equal(proposed.status(), 201, await proposed.text())
      assert.deepEqual(proposed.request().postDataJSON(), { summary: '智能排产系统 + 驻场实施 3 个月', price_fen: 45000000 })
      await expectText(page.getByTestId('proposal-status'), '待选择')
      assert.equal(await textOf(page, 'proposal-count'), '1')
      assert.equal(await textOf(page, 'proposal-price'), '450,000.00')
      assert.equal(await page.getByTestId('need-propose').count(), 0)  // one proposal per provider

      await page.getByTestId('need-message-input').fill('可安排下周现场调研')
      const [said] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/needs\/\d+\/messages$/)),
        page.getByTestId('need-message-send').click(),
      ])
      assert.equal(said.status(), 201, await said.text())
      await expectText(page.getByTestId('need-messages'), '可安排下周现场调研')
      await shot(page, 'need-provider')
    })

    await step('enterprise-notified-and-accepts', async () => {
      await switchUser(page, 'qiye')
      // Two answers and a message.
      await bellShows(page, 3)
      await page.getByTestId('header-bell').click()
      const panel = page.getByTestId('bell-panel')
      const item = panel.getByTestId('bell-item').filter({ hasText: `「${FUWUSHANG}」响应了您的需求「${title}」` })
      await item.waitFor()
      await expectText(panel, `需求「${title}」有新留言`)
      await shot(page, 'bell')
      await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/notifications\/\d+\/read$/)),
        item.click(),
      ])
      await page.waitForURL(new RegExp(`/needs/${needId}$`))
      await bellShows(page, 2)
      await expectText(page.getByTestId('need-messages'), '可安排下周现场调研')
      assert.equal(await textOf(page, 'proposal-count'), '2')
      const rows = page.getByTestId('proposal-table').locator('tbody tr')
      const mine = rows.filter({ hasText: FUWUSHANG })
      const other = rows.filter({ hasText: zhilian.name })
      await expectText(other.getByTestId('proposal-product'), zhilian.productName)
      await mine.getByTestId('proposal-accept').click()
      const d = page.getByTestId('proposal-accept-dialog')
      assert.match(await d.innerText(), new RegExp(`选定「${FUWUSHANG}」的方案（报价 450,000.00 元）`))
      const [accepted] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/needs\/\d+\/accept$/)),
        d.getByTestId('proposal-accept-confirm').click(),
      ])
      assert.equal(accepted.status(), 204)
      await expectText(page.getByTestId('need-status'), '已对接')
      await expectText(mine, '已选定')
      await expectText(other, '未选中')
      assert.equal(await page.getByTestId('proposal-accept').count(), 0)
      assert.equal(await page.getByTestId('need-close').count(), 0)
      await shot(page, 'need-matched')
    })

    await step('provider-told', async () => {
      await switchUser(page, 'fuwushang')
      await page.getByTestId('menu-notifications').click()
      await page.waitForURL(/\/notifications$/)
      const table = page.getByTestId('notification-table')
      await expectText(table, `您的方案已被选中：${title}`)
      assert.notEqual(await textOf(page, 'notification-unread'), '0')
      await shot(page, 'notifications')
      const [all] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/notifications\/read-all$/)),
        page.getByTestId('notification-read-all').click(),
      ])
      assert.equal(all.status(), 204)
      await page.getByTestId('notification-unread').getByText('0', { exact: true }).waitFor()
      await bellShows(page, 0)
      assert.deepEqual([...new Set((await page.getByTestId('notification-state').allInnerTexts()).map((s) => s.trim()))], ['已读'])
    })

    await step('refusals-show-the-server-message', async () => {
      // A district officer of another district.
      await switchUser(page, 'gongyi')
      await page.goto(`${BASE_URL}/needs/${needId}`)
      assert.equal(await textOf(page, 'need-error'), '无权查看该需求')

      // A proposal sent from a page left open while the enterprise closed the need.
      const qiye = await apiLogin('qiye')
      const later = await ok(api(qiye, 'POST', '/api/v1/needs', { category: 'quality', title: `釉面缺陷在线检测-${short}` }), 201)
      await switchUser(page, 'fuwushang')
      await openNeed(page, later.id)
      await expectText(page.getByTestId('need-status'), '征集中')
      await ok(api(qiye, 'POST', `/api/v1/needs/${later.id}/close`, { reason: '已自行解决' }), 204)
      await page.getByTestId('need-propose').click()
      const d = page.getByTestId('proposal-form-dialog')
      await d.getByTestId('proposal-form-summary').fill('视觉检测方案')
      await d.getByTestId('proposal-form-price').fill('120000')
      const [refused] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/needs\/\d+\/proposals$/)),
        d.getByTestId('proposal-form-submit').click(),
      ])
      assert.equal(refused.status(), 409)
      assert.equal(await textOf(d, 'form-dialog-error'), '需求当前处于「已关闭」状态，不能执行「响应需求」')
      await shot(page, 'proposal-refused')
      await d.getByRole('button', { name: '取消' }).click()

      // The city admin finds it among the closed needs, its enterprise named in the list, and the reason on its page.
      await switchUser(page, 'admin')
      await page.goto(`${BASE_URL}/needs?status=closed`)
      const closed = page.getByTestId('need-table').locator('tbody tr').filter({ hasText: `釉面缺陷在线检测-${short}` })
      await expectText(closed.getByTestId('need-enterprise-name'), '新密恒泰耐火材料有限公司')
      await closed.getByTestId('need-title').click()
      await page.waitForURL(new RegExp(`/needs/${later.id}$`))
      await expectText(page.getByTestId('need-status'), '已关闭')
      assert.equal(await textOf(page, 'need-closed-reason'), '已自行解决')
      assert.equal(await page.getByTestId('need-close').count(), 0)
      assert.equal(await page.getByTestId('need-propose').count(), 0)
    })

    await step('match-event', async () => {
      const { inDays } = await serverToday(await apiLogin('admin'))
      const eventTitle = `耐材行业供需对接会-${short}`
      await switchUser(page, 'admin')
      await page.getByTestId('menu-match-events').click()
      await page.waitForURL(/\/match-events$/)
      await page.getByTestId('event-new').click()
      const d = page.getByTestId('event-form-dialog')
      await d.getByTestId('event-form-title').fill(eventTitle)
      await typeDate(page, d, 'event-form-held-on', inDays(20))
      await d.getByTestId('event-form-place').fill('新密市会展中心')
      await pick(page, d, 'event-form-industry', '新型耐火材料制造业')
      await d.getByTestId('event-form-capacity').locator('input').fill('1')
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/match-events$/)),
        d.getByTestId('event-form-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), { title: eventTitle, held_on: inDays(20), capacity: 1, place: '新密市会展中心', industry: 'refractories' })
      const row = () => page.getByTestId('event-table').locator('tbody tr').filter({ hasText: eventTitle })
      await expectText(row(), '0 / 1')

      await switchUser(page, 'qiye')
      await page.getByTestId('menu-match-events').click()
      await expectText(row(), '报名中')
      await row().getByTestId('event-register').click()
      const [registered] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/match-events\/\d+\/registrations$/)),
        page.getByTestId('event-register-dialog').getByTestId('event-register-confirm').click(),
      ])
      assert.equal(registered.status(), 204)
      await expectText(row(), '1 / 1')
      await expectText(row(), '名额已满')
      await expectText(row(), '已报名')
      await shot(page, 'match-events')

      // The last place is taken: the server says so.
      await switchUser(page, 'fuwushang')
      await page.getByTestId('menu-match-events').click()
      await row().getByTestId('event-register').click()
      const r = page.getByTestId('event-register-dialog')
      const [full] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/match-events\/\d+\/registrations$/)),
        r.getByTestId('event-register-confirm').click(),
      ])
      assert.equal(full.status(), 409)
      assert.equal(await textOf(r, 'form-dialog-error'), '名额已满')
      await r.getByRole('button', { name: '取消' }).click()

      await switchUser(page, 'admin')
      await page.getByTestId('menu-match-events').click()
      await row().getByTestId('event-roster').click()
      const roster = page.getByTestId('event-roster-table')
      await expectText(roster, '演示企业用户')
      assert.equal(await roster.locator('tbody tr').count(), 1)
      await page.keyboard.press('Escape')
      await roster.waitFor({ state: 'hidden' })
    })

    await step('park-counted-by-industry', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-records').click()
      await page.waitForURL(/\/records/)
      await page.getByTestId('tally-parks-refractories').waitFor()
      const before = Number(await textOf(page, 'tally-parks-refractories'))
      const beforeTotal = Number(await textOf(page, 'tally-parks-total'))
      const tabs = page.getByTestId('records-tabs')
      await tabs.getByRole('tab', { name: '小微企业园', exact: true }).click()
      await page.waitForURL(/tab=parks/)
      await page.getByTestId('park-new').click()
      const d = page.getByTestId('park-form-dialog')
      const parkName = `新密耐材小微企业园-${short}`
      await d.getByTestId('park-form-name').fill(parkName)
      await pick(page, d, 'park-form-district', '新密市')
      await pick(page, d, 'park-form-industry', '新型耐火材料制造业')
      await typeDate(page, d, 'park-form-recognized-on', '2025-06-30')
      await d.getByTestId('park-form-enterprises').locator('input').fill('36')
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/parks$/)),
        d.getByTestId('park-form-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), { name: parkName, district: '410183', industry: 'refractories', recognized_on: '2025-06-30', enterprises: 36 })
      const park = page.getByTestId('park-table').locator('tbody tr').filter({ hasText: parkName })
      await expectText(park, '新密市')
      await expectText(park, '新型耐火材料制造业')
      // Registered only: not counted until its 数字化改造 is recorded complete.
      assert.equal(await textOf(park, 'park-state'), '已登记、未完成改造')
      await park.getByTestId('park-transform').click()
      const t = page.getByTestId('park-decision-dialog')
      await typeDate(page, t, 'park-decision-on', '2025-10-31')
      await t.getByTestId('park-decision-decided-by').fill('新密市人民政府')
      await t.getByTestId('park-decision-evidence').fill(`${parkName}数字化改造验收报告`)
      const [transformed] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/parks\/\d+\/transformation$/)),
        t.getByTestId('park-decision-submit').click(),
      ])
      assert.equal(transformed.status(), 200, await transformed.text())
      assert.deepEqual(transformed.request().postDataJSON(), { on: '2025-10-31', decided_by: '新密市人民政府', evidence: `${parkName}数字化改造验收报告` })
      await park.getByTestId('park-state').getByText('已完成数字化改造', { exact: true }).waitFor()
      assert.equal(await textOf(park, 'park-transformed-on'), '2025-10-31')
      await shot(page, 'parks')
      await tabs.getByRole('tab', { name: '按行业统计', exact: true }).click()
      await page.getByTestId('tally-parks-refractories').getByText(String(before + 1), { exact: true }).waitFor()
      assert.equal(await textOf(page, 'tally-parks-total'), String(beforeTotal + 1))
      assert.equal(await textOf(page, 'tally-parks-aluminium'), '0')
      await shot(page, 'tally')
    })
  })
})

// Browser test: 一对一辅导 (方案三(六)) as its users drive it, at desktop size and on a phone (390 px wide).
// Desktop: qiye asks for coaching from the menu (topic, needs, 线上) and lands on the request, which says it waits for
// the city and offers only 撤回申请; the city admin assigns zhuanjia, picked by name; 新密's district officer reads it
// with no button; zhuanjia finds it in his list, is refused a session dated tomorrow (the server's message beside the
// day), records one, and only then is offered 结束辅导, which asks for a summary; qiye rates it with four stars and a
// comment, after which nothing is left to do. Each move's body is checked as sent. Phone: qiye opens the list from the
// folded menu, finds the rated request as a card, the page no wider than the screen; asks again and withdraws.
//
// Everything it creates is its own (texts per run), so it can run again on the same server (the bare demo or the full).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, isCall, ok, pick, searchAndPick, serverToday, shooter, switchUser, typeDate } from './helpers.mjs'

const shot = shooter('coaching')

// Sends a move from the open dialog; returns the server's answer.
async function submitMove(page, url) {
  const dialog = page.getByTestId('coaching-move-dialog')
  const [response] = await Promise.all([
    page.waitForResponse(isCall('POST', /^\/api\/v1\/coaching\/\d+\/transitions$/)),
    dialog.getByTestId('coaching-move-submit').click(),
  ])
  assert.equal(new URL(response.url()).pathname, `${new URL(url).pathname.replace('/coaching/', '/api/v1/coaching/')}/transitions`)
  return response
}

async function openRequest(page, url) {
  await page.goto(url)
  await page.getByTestId('coaching-state').waitFor()
}

async function offered(page) {
  const bar = page.getByTestId('coaching-actions')
  await bar.waitFor()
  const ids = await bar.locator('button').evaluateAll((buttons) => buttons.map((b) => b.dataset.testid))
  return ids.map((id) => id.replace('coaching-action-', ''))
}

async function noWiderThanScreen(page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
  assert.ok(scroll <= width + 1, `page is ${scroll}px wide on a ${width}px screen`)
}

test('一对一辅导：企业申请、市级管理员指派专家、专家登记辅导并结束、企业评价（桌面与手机）', { timeout: 240_000 }, async (t) => {
  await useServer(t)
  const admin = await apiLogin('admin')
  const { today, inDays } = await serverToday(admin)
  const short = Date.now().toString(36).slice(-5)
  const needs = `窑炉温度数据分散在三套系统里，希望专家帮助统一数据口径（${short}）`
  const zhuanjia = (await ok(api(await apiLogin('zhuanjia'), 'GET', '/api/v1/auth/me'))).user
  let url = ''

  await t.test('desktop', async (t) => {
    await withBrowser(t, 'coaching', async (page, step) => {
      await page.setViewportSize({ width: 1440, height: 1000 })

      await step('enterprise-asks', async () => {
        await switchUser(page, 'qiye')
        await page.getByTestId('menu-coaching').click()
        await page.waitForURL(/\/coaching$/)
        assert.equal(await textOf(page, 'coaching-scope'), '仅显示本企业的申请')
        await page.getByTestId('coaching-new').click()
        const d = page.getByTestId('coaching-ask-dialog')
        await d.waitFor()
        await pick(page, d, 'coaching-ask-topic', '数据治理')
        await d.getByTestId('coaching-ask-needs').fill(needs)
        await d.getByTestId('coaching-ask-mode').getByText('线上', { exact: true }).click()
        const [response] = await Promise.all([
          page.waitForResponse(isCall('POST', /^\/api\/v1\/coaching$/)),
          d.getByTestId('coaching-ask-submit').click(),
        ])
        assert.equal(response.status(), 201, await response.text())
        assert.deepEqual(response.request().postDataJSON(), { topic: 'data_governance', needs, mode: 'online' })
        await page.waitForURL(/\/coaching\/\d+$/)
        url = page.url()
        await page.getByTestId('coaching-state').getByText('已申请', { exact: true }).waitFor()
        assert.equal(await textOf(page, 'coaching-waiting'), '等待市级管理员指派专家')
        assert.equal(await textOf(page, 'coaching-topic'), '数据治理')
        assert.equal(await textOf(page, 'coaching-mode'), '线上')
        assert.equal(await textOf(page, 'coaching-expert'), '尚未指派')
        assert.deepEqual(await offered(page), ['withdraw'])
        await shot(page, 'asked')
      })

      await step('city-assigns-an-expert', async () => {
        await switchUser(page, 'admin')
        await openRequest(page, url)
        assert.deepEqual(await offered(page), ['assign', 'decline'])
        await page.getByTestId('coaching-action-assign').click()
        const d = page.getByTestId('coaching-move-dialog')
        await d.waitFor()
        await searchAndPick(page, d, 'coaching-move-expert', zhuanjia.display_name)
        const response = await submitMove(page, url)
        assert.equal(response.status(), 200, await response.text())
        assert.deepEqual(response.request().postDataJSON(), { action: 'assign', expert_user_id: zhuanjia.id })
        await d.waitFor({ state: 'hidden' })
        await page.getByTestId('coaching-state').getByText('已指派专家', { exact: true }).waitFor()
        assert.equal(await textOf(page, 'coaching-expert'), zhuanjia.display_name)
        await page.getByTestId('coaching-actions-none').waitFor()
      })

      await step('district-reads-only', async () => {
        await switchUser(page, 'xinmi')
        await page.getByTestId('menu-coaching').click()
        await page.waitForURL(/\/coaching$/)
        assert.equal(await textOf(page, 'coaching-scope'), '仅显示本区县（新密市）企业的申请，只读')
        const row = page.getByTestId('coaching-table').locator('tbody tr').filter({ has: page.locator(`a[href="${new URL(url).pathname}"]`) })
        await row.waitFor()
        assert.equal(await textOf(row, 'coaching-expert'), zhuanjia.display_name)
        assert.equal(await textOf(row, 'coaching-state'), '已指派专家')
        await openRequest(page, url)
        await page.getByTestId('coaching-actions-none').waitFor()
        assert.equal(await page.getByTestId('coaching-actions').locator('button').count(), 0)
      })

      await step('expert-records-then-closes', async () => {
        await switchUser(page, 'zhuanjia')
        await page.getByTestId('menu-coaching').click()
        await page.getByTestId('coaching-scope').getByText('仅显示指派给您的辅导', { exact: true }).waitFor()
        await page.getByTestId('coaching-table').locator(`a[href="${new URL(url).pathname}"]`).click()
        await page.waitForURL(url)
        await page.getByTestId('coaching-state').waitFor()
        assert.deepEqual(await offered(page), ['record_session'], 'closing waits for a recorded session')

        await page.getByTestId('coaching-action-record_session').click()
        const d = page.getByTestId('coaching-move-dialog')
        await d.waitFor()
        await typeDate(page, d, 'coaching-session-day', inDays(1))
        const minutes = d.getByTestId('coaching-session-minutes').locator('input')
        await minutes.fill('90')
        await minutes.blur()
        await d.getByTestId('coaching-session-mode').getByText('现场', { exact: true }).click()
        await d.getByTestId('coaching-session-content').fill('梳理窑炉温度点位与三套系统的数据口径')
        await d.getByTestId('coaching-session-advice').fill('以 MES 为准建立统一数据字典')
        const refused = await submitMove(page, url)
        assert.equal(refused.status(), 422)
        await d.getByText('辅导日期不能晚于今天').waitFor()

        await typeDate(page, d, 'coaching-session-day', today)
        const recorded = await submitMove(page, url)
        assert.equal(recorded.status(), 200, await recorded.text())
        assert.deepEqual(recorded.request().postDataJSON(), { action: 'record_session', session: {
          held_on: today, minutes: 90, mode: 'onsite', content: '梳理窑炉温度点位与三套系统的数据口径', advice: '以 MES 为准建立统一数据字典' } })
        await d.waitFor({ state: 'hidden' })
        assert.equal(await textOf(page, 'coaching-session-count'), '1')
        assert.equal(await textOf(page, 'coaching-minutes'), '90')
        assert.equal(await textOf(page, 'coaching-session-held-on'), today)
        assert.equal(await textOf(page, 'coaching-session-advice'), '以 MES 为准建立统一数据字典')
        await page.getByTestId('coaching-action-close').waitFor()
        assert.deepEqual(await offered(page), ['record_session', 'close'])

        await page.getByTestId('coaching-action-close').click()
        await d.waitFor()
        await d.getByTestId('coaching-move-summary').fill('已统一温度数据口径，建议三个月内完成设备接入')
        const closed = await submitMove(page, url)
        assert.equal(closed.status(), 200, await closed.text())
        await page.getByTestId('coaching-state').getByText('已结束', { exact: true }).waitFor()
        assert.equal(await textOf(page, 'coaching-waiting'), '等待企业评价')
        assert.equal(await textOf(page, 'coaching-summary-text'), '已统一温度数据口径，建议三个月内完成设备接入')
        await shot(page, 'closed')
      })

      await step('enterprise-rates', async () => {
        await switchUser(page, 'qiye')
        await openRequest(page, url)
        assert.deepEqual(await offered(page), ['rate'])
        await page.getByTestId('coaching-action-rate').click()
        const d = page.getByTestId('coaching-move-dialog')
        await d.waitFor()
        await d.getByTestId('coaching-rating-stars').locator('.el-rate__item').nth(3).click()
        await d.getByTestId('coaching-rating-comment').fill('建议具体，可以落地')
        const rated = await submitMove(page, url)
        assert.equal(rated.status(), 200, await rated.text())
        assert.deepEqual(rated.request().postDataJSON(), { action: 'rate', rating: 4, comment: '建议具体，可以落地' })
        await page.getByTestId('coaching-state').getByText('已评价', { exact: true }).waitFor()
        assert.equal(await textOf(page, 'coaching-comment'), '建议具体，可以落地')
        assert.equal(await textOf(page, 'coaching-actions-none'), '该申请已办结')
        assert.equal(await page.getByTestId('coaching-waiting').count(), 0)
        await shot(page, 'rated')
      })
    })
  })

  await t.test('phone', async (t) => {
    await withBrowser(t, 'coaching-phone', async (page, step) => {
      await page.setViewportSize({ width: 390, height: 844 })

      await step('list-as-cards', async () => {
        await switchUser(page, 'qiye')
        await page.getByTestId('menu-toggle').click()
        await page.getByTestId('menu-coaching').click()
        await page.waitForURL(/\/coaching$/)
        await page.getByTestId('menu-coaching').waitFor({ state: 'hidden' })
        const card = page.locator(`a[data-testid="coaching-card"][href="${new URL(url).pathname}"]`)
        await card.waitFor()
        assert.equal(await textOf(card, 'coaching-state'), '已评价')
        await noWiderThanScreen(page)
        await card.click()
        await page.waitForURL(url)
        await page.getByTestId('coaching-state').getByText('已评价', { exact: true }).waitFor()
        assert.equal(await textOf(page, 'coaching-session-count'), '1')
        await noWiderThanScreen(page)
        await shot(page, 'phone-detail')
      })

      await step('ask-and-withdraw', async () => {
        await page.goto(`${BASE_URL}/coaching`)
        await page.getByTestId('coaching-new').click()
        const d = page.getByTestId('coaching-ask-dialog')
        await d.waitFor()
        await pick(page, d, 'coaching-ask-topic', '设备上云')
        await d.getByTestId('coaching-ask-needs').fill(`设备上云选型（${short}）`)
        const [asked] = await Promise.all([
          page.waitForResponse(isCall('POST', /^\/api\/v1\/coaching$/)),
          d.getByTestId('coaching-ask-submit').click(),
        ])
        assert.equal(asked.status(), 201, await asked.text())
        assert.equal(asked.request().postDataJSON().mode, 'onsite', 'the first mode is proposed')
        await page.waitForURL(/\/coaching\/\d+$/)
        const mine = page.url()
        await noWiderThanScreen(page)
        await page.getByTestId('coaching-action-withdraw').click()
        const m = page.getByTestId('coaching-move-dialog')
        await m.waitFor()
        await noWiderThanScreen(page)
        const withdrawn = await submitMove(page, mine)
        assert.equal(withdrawn.status(), 200, await withdrawn.text())
        assert.deepEqual(withdrawn.request().postDataJSON(), { action: 'withdraw' })
        await page.getByTestId('coaching-state').getByText('已撤回', { exact: true }).waitFor()
        assert.equal(await textOf(page, 'coaching-actions-none'), '该申请已办结')
        await shot(page, 'phone-withdrawn')
      })
    })
  })
})

// Browser test: the 数据驾驶舱's stages, at desktop size and on a phone (390 px wide). The city admin switches to the
// 2024 stage: the figures are the API's for ?year=2024 and stand at 2024-12-31 (said on the page, and kept in the
// address), each indicator says how it is counted; an item figure of the stage (解决方案) lists exactly as many
// items as it shows, asked for as of 2024-12-31. The district table reads the annex: 巩义市's row shows its 2024 and
// 2025 targets beside the enterprises accepted in each year, the task beside those counted at the end of 2025, the
// rate, the rank and today's count, and the registrations by batch; the 2025年内完成 cell lists exactly its
// enterprises, asked for by year of acceptance as of 2025-12-31. Back to 当前, the figures are today's again.
//
// Read-only: runs on SHUZHUAN_URL (the full demo) or, on its own, on a fresh server with the bare demo.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, isCall, ok, shooter, switchUser } from './helpers.mjs'

const shot = shooter('dashboard_stages')
const GONGYI = '410181'

// A figure as the table shows it.
const figure = (v) => (v === null ? '—' : v.toLocaleString('zh-CN'))

async function stage2024(page, step, api2024, { phone = false } = {}) {
  const dashboard = page.getByTestId('dashboard')
  const drawer = page.getByTestId('drill-drawer')

  await step(`${phone ? 'phone-' : ''}switch-to-2024`, async () => {
    await switchUser(page, 'admin')
    await page.waitForURL(/\/dashboard$/)
    await page.locator('[data-testid="dashboard"][data-loaded="true"]').waitFor()
    if (phone) {
      // The side menu is folded away behind the header's button.
      assert.equal(await page.getByTestId('menu-toggle').isVisible(), true)
      assert.equal(await page.getByTestId('menu-records').isVisible(), false)
    }
    const [asked] = await Promise.all([
      page.waitForResponse((r) => isCall('GET', /^\/api\/v1\/stats\/progress$/)(r) && new URL(r.url()).searchParams.get('year') === '2024'),
      page.getByTestId('dashboard-stage-2024').click(),
    ])
    assert.equal(asked.status(), 200)
    await page.locator('[data-testid="dashboard"][data-stage="2024"][data-loading="false"]').waitFor()
    await page.waitForURL(/\/dashboard\?stage=2024$/)
    assert.equal(await textOf(page, 'dashboard-figures-as-of'), '2024-12-31')
    // Every figure is the stage's, and says which records it is drawn from (to the stage's end).
    for (const ind of api2024.indicators) {
      assert.equal(await textOf(dashboard, `progress-${ind.no}-total-target`), ind.kind === 'ratio' ? ind.total.target.toFixed(2) : figure(ind.total.target), `target ${ind.no}`)
      if (ind.total.actual !== null && ind.kind !== 'ratio') assert.equal(await textOf(dashboard, `progress-${ind.no}-total-actual`), figure(ind.total.actual), `actual ${ind.no}`)
      assert.equal((await dashboard.getByTestId(`progress-${ind.no}-basis`).textContent()).trim(), ind.basis)
    }
    assert.match(api2024.indicators[0].basis, /计至 2024-12-31/)
    await shot(page, `${phone ? 'phone-' : ''}stage-2024`)
  })

  await step(`${phone ? 'phone-' : ''}stage-item-drill`, async () => {
    // 解决方案 (indicator 7) of the stage lists its items as of 2024-12-31, as many as the figure.
    const seven = api2024.indicators.find((i) => i.no === 7)
    const cell = dashboard.getByTestId('progress-7-total-actual')
    await cell.scrollIntoViewIfNeeded()
    const [asked] = await Promise.all([
      page.waitForResponse(isCall('GET', /^\/api\/v1\/stats\/progress\/items$/)),
      cell.click(),
    ])
    assert.equal(new URL(asked.url()).searchParams.get('as_of'), '2024-12-31')
    assert.equal(new URL(asked.url()).searchParams.get('metric'), 'products')
    const list = drawer.locator('[data-testid="drill-items"][data-loading="false"][data-page="1"]')
    await list.waitFor()
    assert.equal(await list.getAttribute('data-as-of'), '2024-12-31')
    assert.equal(Number(await textOf(drawer, 'drill-total')), seven.total.actual)
    assert.equal(await list.getByTestId('drill-items-table').locator('tbody tr').count(), Math.min(seven.total.actual, 20))
    assert.equal(await drawer.getByTestId('drill-mismatch').count(), 0)
    await shot(page, `${phone ? 'phone-' : ''}stage-item-drill`)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
  })

  await step(`${phone ? 'phone-' : ''}annex-row`, async () => {
    const d = api2024.districts.find((x) => x.district.code === GONGYI)
    const cell = (part) => textOf(dashboard, `progress-district-${GONGYI}-${part}`)
    await dashboard.getByTestId(`progress-district-${GONGYI}-name`).scrollIntoViewIfNeeded()
    assert.equal(await cell('name'), '巩义市')
    assert.equal(await cell('target-y2024'), String(d.target.y2024))
    assert.equal(await cell('accepted-y2024'), String(d.accepted.y2024))
    assert.equal(await cell('target-y2025'), String(d.target.y2025))
    assert.equal(await cell('accepted-y2025'), String(d.accepted.y2025))
    assert.equal(await cell('target'), String(d.target.total))
    assert.equal(await cell('accepted-total'), String(d.accepted.total))
    assert.equal(await cell('accepted-now'), String(d.accepted.now))
    assert.equal(await cell('rank'), String(d.rank))
    assert.equal(await cell('rate'), `${(d.rate * 100).toFixed(1)}%`)
    assert.equal(await cell('pilot-batch_2024'), String(d.pilot.batch_2024))
    assert.equal(await cell('pilot-batch_2025'), String(d.pilot.batch_2025))
    const table = dashboard.getByTestId('progress-district-table')
    assert.match(await table.locator('thead').innerText(), /按批次登记的试点企业/)
    assert.match(await table.locator('thead').innerText(), /截至2025年底完成/)

    // 2025年内完成 lists the enterprises accepted in 2025 as counted at 2025-12-31: as many as the cell.
    const [asked] = await Promise.all([
      page.waitForResponse(isCall('GET', /^\/api\/v1\/stats\/progress\/enterprises$/)),
      dashboard.getByTestId(`progress-district-${GONGYI}-accepted-y2025`).click(),
    ])
    const q = new URL(asked.url()).searchParams
    assert.deepEqual(
      { metric: q.get('metric'), accepted_in: q.get('accepted_in'), as_of: q.get('as_of'), district: q.get('district') },
      { metric: 'accepted', accepted_in: '2025', as_of: '2025-12-31', district: GONGYI },
    )
    const list = drawer.locator('[data-testid="drill-list"][data-loading="false"][data-page="1"]')
    await list.waitFor()
    assert.equal(Number(await textOf(drawer, 'drill-total')), d.accepted.y2025)
    assert.equal(await list.getByTestId('drill-table').locator('tbody tr').filter({ has: page.getByTestId('enterprise-name') }).count(), Math.min(d.accepted.y2025, 20))
    for (const district of await list.getByTestId('enterprise-district').allInnerTexts()) assert.equal(district.trim(), '巩义市')
    await shot(page, `${phone ? 'phone-' : ''}annex-drill`)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
  })
}

test('数据驾驶舱：切换到 2024 年阶段末，看到阶段数字、计数口径与附件口径的区县表，下钻名单与所点数字一致；桌面与手机宽度', { timeout: 240_000 }, async (t) => {
  await useServer(t)
  const admin = await apiLogin('admin')
  const api2024 = await ok(api(admin, 'GET', '/api/v1/stats/progress?year=2024'))
  const now = await ok(api(admin, 'GET', '/api/v1/stats/progress'))
  assert.equal(api2024.figures_as_of, '2024-12-31')

  await t.test('desktop', async (t) => {
    await withBrowser(t, 'dashboard_stages', async (page, step) => {
      await page.setViewportSize({ width: 1440, height: 1000 })
      await stage2024(page, step, api2024)

      await step('back-to-now', async () => {
        const dashboard = page.getByTestId('dashboard')
        await page.getByTestId('dashboard-stage-now').click()
        await page.locator('[data-testid="dashboard"][data-stage=""][data-loading="false"]').waitFor()
        await page.waitForURL(/\/dashboard$/)
        assert.equal(await textOf(page, 'dashboard-figures-as-of'), now.figures_as_of)
        for (const ind of now.indicators)
          if (ind.total.actual !== null && ind.kind !== 'ratio')
            assert.equal(await textOf(dashboard, `progress-${ind.no}-total-actual`), figure(ind.total.actual), `today's ${ind.no}`)
      })
    })
  })

  await t.test('phone', async (t) => {
    await withBrowser(t, 'dashboard_stages-phone', async (page, step) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await stage2024(page, step, api2024, { phone: true })

      await step('phone-menu', async () => {
        // The folded menu opens, leads to a page and folds away again.
        await page.getByTestId('menu-toggle').click()
        await page.getByTestId('menu-records').click()
        await page.waitForURL(/\/records/)
        await page.getByTestId('records-tally').waitFor()
        await page.getByTestId('menu-records').waitFor({ state: 'hidden' })
      })
    })
  })
})

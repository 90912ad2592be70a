// Browser test: 监测通报 and 达标预测. The city admin issues a month's reports in the browser (a future month is refused
// with the server's message), follows the job to its end and finds the period's 17 reports (the city and its 16
// districts); opens the city's report — its figures and the 数据核对 box equal the API's — and downloads its PDF and
// workbook through the page (the PDF's text names the report, both files' SM3 equal the ones shown). A district officer
// (gongyi, 巩义市) sees 巩义市's reports only and not the city's, and the dashboard's 达标预测 shows 巩义市 behind its
// 2024 target (落后) with the band the server computed. An enterprise user is offered neither.
//
// Runs on its own (a fresh server on the bare demo) or against SHUZHUAN_URL (the full demo, shared with the other
// browser tests): the month issued is the latest one up to 2026-10 that has no report yet, so the period's list holds
// exactly this job's reports.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { BASE_URL, textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, isCall, ok, serverToday, shooter, switchUser, typeDate } from './helpers.mjs'

const shot = shooter('reports')
const GONGYI = { code: '410181', name: '巩义市' }

function monthBefore(period) {
  const [y, m] = period.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

// The latest month up to 2026-10 (and before the server's current month) without reports.
async function freshMonth(token) {
  const { today } = await serverToday(token)
  let period = '2026-10'
  while (period >= today.slice(0, 7)) period = monthBefore(period)
  for (;;) {
    const r = await ok(api(token, 'GET', `/api/v1/reports?period=${period}&page_size=1`))
    if (r.total === 0) return period
    period = monthBefore(period)
  }
}

const sm3 = (bytes) => createHash('sm3').update(bytes).digest('hex')
// A snapshot figure (hundredths) as the page shows it.
const figure = (v) => (v / 100).toLocaleString('zh-CN')

async function download(page, link) {
  const [d] = await Promise.all([page.waitForEvent('download'), link.click()])
  assert.equal(await d.failure(), null)
  return { name: d.suggestedFilename(), path: await d.path() }
}

test('监测通报：市级管理员发布月度通报并跟踪任务、查看全市通报与数据核对、下载 PDF 与 Excel；区县专班只看本区县；数据驾驶舱的达标预测', { timeout: 300_000 }, async (t) => {
  await useServer(t)
  const admin = await apiLogin('admin')
  const period = await freshMonth(admin)
  const [y, m] = period.split('-').map(Number)
  const label = `${y}年${m}月`
  const districts = (await ok(api(admin, 'GET', '/api/v1/districts'))).items
  assert.equal(districts.length, 16)
  let jobId = 0
  let cityId = 0

  await withBrowser(t, 'reports', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1100 })

    await step('admin-issues-month', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-reports').click()
      await page.waitForURL(/\/reports$/)
      await page.getByTestId('report-table').waitFor()
      await page.getByTestId('report-issue').click()
      const d = page.getByTestId('report-issue-dialog')
      await d.waitFor()

      // A month not yet begun: the server's message, in the dialog.
      await typeDate(page, d, 'report-issue-month', '2099-01')
      assert.equal(await textOf(d, 'report-issue-label'), '2099年1月')
      const [refused] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/reports$/)),
        d.getByTestId('report-issue-submit').click(),
      ])
      assert.equal(refused.status(), 422)
      const message = (await refused.json()).error.message
      assert.equal(message, '不能发布尚未开始的期次：2099年1月')
      assert.equal(await textOf(d, 'form-dialog-error'), message)

      await typeDate(page, d, 'report-issue-month', period)
      assert.equal(await textOf(d, 'report-issue-label'), label)
      await shot(page, 'issue-dialog')
      const [queued] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/reports$/)),
        d.getByTestId('report-issue-submit').click(),
      ])
      assert.equal(queued.status(), 202, await queued.text())
      assert.deepEqual(queued.request().postDataJSON(), { period })
      jobId = (await queued.json()).job.id
      await d.waitFor({ state: 'hidden' })

      // The job is followed to its end.
      const job = page.getByTestId('job-dialog')
      await job.getByTestId('report-issue-done').waitFor({ timeout: 90_000 })
      assert.equal(await textOf(job, 'job-state'), '已完成')
      assert.equal(await job.getByTestId('job-progress').getAttribute('data-percent'), '100')
      assert.match(await textOf(job, 'report-issue-done'), new RegExp(`${label}通报已发布`))
      await shot(page, 'job-done')
      await job.getByTestId('job-dialog-close').click()
      await job.waitFor({ state: 'hidden' })

      // The list shows the period: the city and each district, once, all from this job.
      await page.waitForURL(new RegExp(`period=${period}`))
      const table = page.getByTestId('report-table')
      await page.getByTestId('report-total').getByText('17', { exact: true }).waitFor()
      assert.equal(await table.locator('tbody tr').count(), 17)
      const scopes = (await table.getByTestId('report-scope').allInnerTexts()).map((s) => s.trim()).sort()
      assert.deepEqual(scopes, ['全市', ...districts.map((x) => x.name)].sort())
      assert.deepEqual([...new Set((await table.getByTestId('report-period').allInnerTexts()).map((s) => s.trim()))], [label])
      const listed = await ok(api(admin, 'GET', `/api/v1/reports?period=${period}&page_size=100`))
      assert.equal(listed.total, 17)
      assert.deepEqual([...new Set(listed.items.map((r) => r.job_id))], [jobId])
      cityId = listed.items.find((r) => r.scope.code === '').id
      // Each row's SM3 is the snapshot's, in full behind the shortened text.
      const city = table.locator('tbody tr').filter({ has: page.getByTestId('report-scope').getByText('全市', { exact: true }) })
      assert.equal(await city.getByTestId('report-sm3').getAttribute('data-full'), listed.items.find((r) => r.id === cityId).snapshot_sm3)
      assert.equal(await city.getByTestId('report-pdf').getAttribute('href'), `/api/v1/reports/${cityId}/pdf`)
      await shot(page, 'list')
    })

    await step('city-report-detail', async () => {
      const city = page.getByTestId('report-table').locator('tbody tr').filter({ has: page.getByTestId('report-scope').getByText('全市', { exact: true }) })
      await city.getByTestId('report-period').click()
      await page.waitForURL(new RegExp(`/reports/${cityId}$`))
      await page.getByTestId('report-verification').waitFor()
      const r = await ok(api(admin, 'GET', `/api/v1/reports/${cityId}`))
      assert.equal(r.snapshot_intact, true)
      assert.equal(await textOf(page, 'report-detail-period'), label)
      assert.equal(await textOf(page, 'report-detail-scope'), '全市')
      // 数据核对: equal to the API's.
      assert.equal(await textOf(page, 'report-snapshot-sm3'), r.snapshot_sm3)
      assert.match(await textOf(page, 'report-intact'), /^✓/)
      assert.equal(await textOf(page, 'report-audit-seq'), String(r.audit.seq))
      assert.equal(await textOf(page, 'report-audit-hash'), r.audit.hash)
      assert.equal(await textOf(page, 'report-pdf-sm3'), r.pdf.sm3)
      assert.equal(await textOf(page, 'report-xlsx-sm3'), r.xlsx.sm3)
      assert.match(await textOf(page, 'report-pdf-size'), new RegExp(`（${r.pdf.size} 字节）`))
      assert.equal(await textOf(page, 'report-font-file'), r.renderer.font_file)
      assert.equal(await textOf(page, 'report-cairo'), r.renderer.cairo)
      assert.equal(await textOf(page, 'report-pango'), r.renderer.pango)
      // Figures: the funnel's enterprises, indicator 1 (hundredths in the snapshot) and 巩义市's accepted.
      const s = r.snapshot
      assert.equal(await textOf(page, 'report-registered'), s.funnel[0].count.toLocaleString('zh-CN'))
      const first = page.getByTestId('report-indicators').locator('tbody tr').first()
      assert.equal(await textOf(first, 'report-indicator-name'), s.indicators[0].name)
      assert.equal(await textOf(first, 'report-indicator-target'), figure(s.indicators[0].target))
      assert.equal(await textOf(first, 'report-indicator-actual'), figure(s.indicators[0].actual))
      const gongyi = page.getByTestId('report-districts').locator('tbody tr').filter({ hasText: GONGYI.name })
      const d = s.districts.find((x) => x.code === GONGYI.code)
      assert.equal(await textOf(gongyi, 'report-district-accepted'), String(d.accepted))
      // Snapshots issued since the annex's yearly reading: each year's acceptances and today's.
      assert.equal(await page.getByTestId('report-districts').getAttribute('data-layout'), 'annex')
      assert.equal(await textOf(gongyi, 'report-district-accepted-2024'), String(d.accepted_2024))
      assert.equal(await textOf(gongyi, 'report-district-accepted-2025'), String(d.accepted_2025))
      assert.equal(await textOf(gongyi, 'report-district-accepted-now'), String(d.accepted_now))
      // 成果记录: each kind, how many stand and those added in the period.
      const records = page.getByTestId('report-records').locator('tbody tr')
      assert.equal(await records.count(), s.records.rows.length)
      for (const [i, row] of s.records.rows.entries()) {
        assert.equal(await textOf(records.nth(i), 'report-record-kind'), row.kind)
        assert.equal(await textOf(records.nth(i), 'report-record-count'), String(row.count))
        assert.equal(await textOf(records.nth(i), 'report-record-added'), row.added.length ? row.added.join('；') : '—')
      }
      await shot(page, 'detail')
    })

    await step('downloads', async () => {
      const r = await ok(api(admin, 'GET', `/api/v1/reports/${cityId}`))
      const pdf = await download(page, page.getByTestId('report-download-pdf'))
      assert.equal(pdf.name, `通报-${period}-全市.pdf`)
      const bytes = readFileSync(pdf.path)
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')
      assert.equal(sm3(bytes), r.pdf.sm3)
      const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' })
      for (const s of ['郑州市中小企业数字化转型试点工作通报', label, r.snapshot_sm3]) assert.ok(text.includes(s), `PDF text lacks ${s}`)

      const xlsx = await download(page, page.getByTestId('report-download-xlsx'))
      assert.equal(xlsx.name, `通报-${period}-全市.xlsx`)
      const book = readFileSync(xlsx.path)
      assert.equal(book.subarray(0, 4).toString('latin1'), 'PK\x03\x04')
      assert.equal(sm3(book), r.xlsx.sm3)
      assert.match(execFileSync('unzip', ['-p', xlsx.path, 'xl/workbook.xml'], { encoding: 'utf8' }), /目标任务完成情况/)
    })

    await step('district-officer-own-reports', async () => {
      await switchUser(page, 'gongyi')
      await page.getByTestId('menu-reports').click()
      await page.waitForURL(/\/reports$/)
      assert.equal(await textOf(page, 'report-scope-note'), `仅显示本区县（${GONGYI.name}）的通报`)
      assert.equal(await page.getByTestId('report-issue').count(), 0)
      assert.equal(await page.getByTestId('report-filter-scope').count(), 0)
      const table = page.getByTestId('report-table')
      await table.locator('tbody tr').first().waitFor()
      const scopes = (await table.getByTestId('report-scope').allInnerTexts()).map((s) => s.trim())
      assert.ok(scopes.length > 0)
      assert.deepEqual([...new Set(scopes)], [GONGYI.name])
      // The period issued: 巩义市's one report.
      await page.getByTestId('report-filter-period').fill(period)
      await Promise.all([
        page.waitForResponse((res) => isCall('GET', /^\/api\/v1\/reports$/)(res) && new URL(res.url()).searchParams.get('period') === period),
        page.getByTestId('report-filter-period').press('Enter'),
      ])
      await page.getByTestId('report-total').getByText('1', { exact: true }).waitFor()
      assert.equal(await textOf(table, 'report-scope'), GONGYI.name)
      await shot(page, 'district-list')
      await table.getByTestId('report-period').click()
      await page.getByTestId('report-verification').waitFor()
      assert.equal(await textOf(page, 'report-detail-scope'), GONGYI.name)
      // The city's report is not theirs.
      await page.goto(`${BASE_URL}/reports/${cityId}`)
      assert.equal(await textOf(page, 'report-error'), '通报不存在')
    })

    await step('dashboard-forecast', async () => {
      const gongyiToken = await apiLogin('gongyi')
      const f = await ok(api(gongyiToken, 'GET', '/api/v1/stats/forecast'))
      const y2024 = f.forecast.years.find((x) => x.last_day === '2024-12-31')
      const own = y2024.districts
      assert.deepEqual(own.map((x) => x.code), [GONGYI.code])
      assert.equal(own[0].risk, 'behind')

      await page.getByTestId('menu-dashboard').click()
      const card = page.getByTestId('forecast-card')
      await card.getByTestId('forecast-years').waitFor()
      await card.getByTestId('forecast-year-2024-12-31').click()
      await card.getByTestId('forecast-year-over').waitFor()
      const rows = card.getByTestId('forecast-districts').locator('tbody tr')
      assert.equal(await rows.count(), 1)
      assert.equal(await textOf(rows, 'forecast-name'), GONGYI.name)
      assert.equal(await textOf(rows, 'forecast-risk'), '落后')
      assert.equal(await textOf(rows, 'forecast-target'), String(own[0].target))
      assert.equal(await textOf(rows, 'forecast-accepted'), String(own[0].accepted))
      assert.equal(await textOf(rows, 'forecast-band'), `${own[0].p10}–${own[0].p90}`)
      assert.equal(await textOf(rows, 'forecast-median'), String(own[0].p50))
      assert.match(await textOf(card, 'forecast-method'), /400 次模拟/)
      await shot(page, 'forecast-district')

      // The city sees every district, and by industry against the whole task.
      await switchUser(page, 'admin')
      const city = page.getByTestId('forecast-card')
      await city.getByTestId('forecast-year-2024-12-31').click()
      const all = city.getByTestId('forecast-districts').locator('tbody tr')
      await all.nth(15).waitFor()
      assert.equal(await all.count(), 16)
      assert.equal(await textOf(all.filter({ hasText: GONGYI.name }), 'forecast-risk'), '落后')
      assert.equal(await city.getByTestId('forecast-industries').count(), 0)
      await city.getByTestId('forecast-year-2025-12-31').click()
      assert.equal(await city.getByTestId('forecast-industries').locator('tbody tr').count(), 4)
    })

    await step('enterprise-not-offered', async () => {
      await switchUser(page, 'qiye')
      assert.equal(await page.getByTestId('menu-reports').count(), 0)
      await page.goto(`${BASE_URL}/reports`)
      await page.getByTestId('forbidden').waitFor()
    })
  })
})

// Browser test: 定时任务, 数据质量 and 绩效评价. The city admin creates a weekly 数据质量检查 in the browser (the body sent,
// then 每周一 7:00 and its next run — a Monday 07:00 in Beijing — in the list), turns it off and on with its switch
// (each PATCH's body, the row and the API agree); opens 数据质量 — every card's count equals the API's, 尚未评测 names
// its first enterprises; opens 绩效评价 — 2024 has a target for indicator 1 only, 2025 has 440 and the achievements
// the API gives — opens the evidence of indicators 1, 4 and 7 (drawn as of 2025-12-31: their totals equal the achieved
// figures) and 12 (新增发明专利 of the stage's years, said so) — downloads the 2025 PDF and workbook through the page, and sees a refused download (simulated 409)
// shown as the server's message rather than saved. A district officer (gongyi) sees 数据质量 for 巩义市 only, and
// neither 绩效评价 nor 定时任务.
//
// Runs on its own (a fresh server on the bare demo) or against SHUZHUAN_URL (the full demo shared with the other
// browser tests): the schedule it creates has a name of its own, and is left switched off.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { BASE_URL, textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, isCall, ok, shooter, switchUser } from './helpers.mjs'

const shot = shooter('ops_reports')
const GONGYI = { code: '410181', name: '巩义市' }

// An ISO instant as the pages show it: Beijing time, "YYYY-MM-DD HH:mm:ss".
const beijing = (iso) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
// A count as the cards show it.
const count = (n) => (n === 0 ? '正常' : n.toLocaleString('zh-CN'))

// Picks the option whose whole text is `label` in an Element Plus select ("7:00", not "17:00").
async function choose(page, scope, testId, label) {
  await scope.getByTestId(testId).click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).click()
}

async function download(page, link) {
  const [d] = await Promise.all([page.waitForEvent('download'), link.click()])
  assert.equal(await d.failure(), null)
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()), path: await d.path() }
}

test('定时任务、数据质量与绩效评价：市级管理员新建每周数据质量检查并停用、启用，查看数据质量与 2025 年绩效评价及其明细、下载 PDF；区县专班只看本区县的数据质量', { timeout: 240_000 }, async (t) => {
  await useServer(t)
  const admin = await apiLogin('admin')
  const name = `数据质量检查-${Date.now().toString(36)}`
  let scheduleId = 0

  try {
    await withBrowser(t, 'ops_reports', async (page, step) => {
      await page.setViewportSize({ width: 1440, height: 1000 })
      const row = () => page.getByTestId('schedules-table').locator('tbody tr').filter({ has: page.getByTestId('schedule-name').getByText(name, { exact: true }) })

      await step('admin-creates-weekly-quality-check', async () => {
        await switchUser(page, 'admin')
        await page.getByTestId('menu-admin-schedules').click()
        await page.waitForURL(/\/admin\/schedules$/)
        await page.getByTestId('schedules-table').waitFor()
        await page.getByTestId('schedule-new').click()
        const d = page.getByTestId('schedule-dialog')
        await d.waitFor()
        await d.getByTestId('schedule-form-name').fill(name)
        await choose(page, d, 'schedule-form-kind', '数据质量检查')
        await d.getByTestId('schedule-form-no-params').waitFor()
        // 每天 has no day; back to 每周, then 周一 at 7:00.
        await d.getByTestId('schedule-form-every-daily').click()
        assert.equal(await d.getByTestId('schedule-form-day').count(), 0)
        await d.getByTestId('schedule-form-every-weekly').click()
        await choose(page, d, 'schedule-form-day', '周一')
        await choose(page, d, 'schedule-form-hour', '7:00')
        assert.equal(await textOf(d, 'schedule-form-when'), '每周一 7:00')
        await shot(page, 'schedule-dialog')
        const [created] = await Promise.all([
          page.waitForResponse(isCall('POST', /^\/api\/v1\/schedules$/)),
          d.getByTestId('schedule-form-submit').click(),
        ])
        assert.equal(created.status(), 201, await created.text())
        assert.deepEqual(created.request().postDataJSON(), {
          name, job_kind: 'reports.quality', params: {}, every: 'weekly', day: 1, hour: 7, enabled: true,
        })
        const s = await created.json()
        scheduleId = s.id
        await d.waitFor({ state: 'hidden' })

        // The list: when in words, the next run in Beijing time — a Monday at 07:00 within the coming week.
        await row().waitFor()
        assert.equal(await textOf(row(), 'schedule-when'), '每周一 7:00')
        assert.equal(await textOf(row(), 'schedule-params'), '无参数')
        assert.equal(await textOf(row(), 'schedule-last'), '尚未运行')
        const listed = (await ok(api(admin, 'GET', '/api/v1/schedules'))).items.find((x) => x.id === scheduleId)
        assert.deepEqual([listed.name, listed.job_kind, listed.every, listed.day, listed.hour, listed.enabled], [name, 'reports.quality', 'weekly', 1, 7, true])
        assert.equal(await textOf(row(), 'schedule-next'), beijing(listed.next_run_at))
        const next = new Date(Date.parse(listed.next_run_at) + 8 * 3_600_000)
        assert.deepEqual([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()], [1, 7, 0])
        const now = Date.parse((await ok(api(admin, 'GET', '/api/v1/health'))).time)
        const ahead = Date.parse(listed.next_run_at) - now
        assert.ok(ahead > 0 && ahead <= 7 * 86_400_000, `next run ${listed.next_run_at}`)
        await shot(page, 'schedules')
      })

      await step('switched-off-and-on', async () => {
        for (const enabled of [false, true]) {
          const [patched] = await Promise.all([
            page.waitForResponse(isCall('PATCH', new RegExp(`^/api/v1/schedules/${scheduleId}$`))),
            row().getByTestId('schedule-enabled').click(),
          ])
          assert.equal(patched.status(), 200, await patched.text())
          assert.deepEqual(patched.request().postDataJSON(), { enabled })
          await row().locator(`[data-testid="schedule-enabled"][data-enabled="${enabled}"]`).waitFor()
          const s = (await ok(api(admin, 'GET', '/api/v1/schedules'))).items.find((x) => x.id === scheduleId)
          assert.equal(s.enabled, enabled)
          if (enabled) {
            await row().getByTestId('schedule-next').getByText(beijing(s.next_run_at), { exact: true }).waitFor()
          } else {
            await row().getByTestId('schedule-next').getByText('已停用，不运行', { exact: true }).waitFor()
            await shot(page, 'schedule-off')
          }
        }
      })

      await step('city-data-quality', async () => {
        await page.getByTestId('menu-data-quality').click()
        await page.waitForURL(/\/data-quality$/)
        await page.locator('[data-testid="quality-checks"][data-loaded="true"]').waitFor()
        assert.equal(await textOf(page, 'quality-scope'), '全市')
        const { checks, as_of } = await ok(api(admin, 'GET', '/api/v1/data-quality'))
        // 检查于: the server's time of the page's own request, a moment before the one just made.
        const shown = Date.parse(`${(await textOf(page, 'quality-as-of')).replace(' ', 'T')}+08:00`)
        assert.ok(shown <= Date.parse(as_of) && Date.parse(as_of) - shown < 60_000, `${shown} vs ${as_of}`)
        assert.equal(await page.locator('[data-testid^="quality-check-"]').count(), checks.length)
        for (const c of checks) {
          const card = page.getByTestId(`quality-check-${c.code}`)
          assert.equal(await textOf(card, 'quality-name'), c.name)
          // The check of the summary tables before its first scheduled run has found nothing because it has not looked.
          const pending = c.checked_at === null
          assert.equal(await textOf(card, 'quality-count'), pending ? '尚未核对' : count(c.count), c.code)
        }
        // 尚未评测: the first enterprises the server names, each opening the list found by its name.
        const unassessed = checks.find((c) => c.code === 'unassessed')
        assert.ok(unassessed.count > 0)
        const card = page.getByTestId('quality-check-unassessed')
        assert.equal(await textOf(card, 'quality-severity'), '警告')
        const samples = (await card.getByTestId('quality-sample').locator('a').allInnerTexts()).map((s) => s.trim())
        assert.deepEqual(samples, unassessed.samples.slice(0, samples.length).map((s) => s.name))
        assert.ok(samples.length > 0)
        assert.equal(await card.getByTestId('quality-link').getAttribute('href'), '/enterprises?stage=registered')
        await shot(page, 'quality-city')
        await card.getByTestId('quality-link').click()
        await page.waitForURL(/\/enterprises\?stage=registered$/)
      })

      await step('evaluation-stages', async () => {
        const y2024 = await ok(api(admin, 'GET', '/api/v1/evaluations/2024'))
        const y2025 = await ok(api(admin, 'GET', '/api/v1/evaluations/2025'))
        await page.getByTestId('menu-evaluations').click()
        await page.waitForURL(/\/evaluations$/)
        const table = page.getByTestId('evaluation-table')
        await page.locator('[data-testid="evaluation-table"][data-stage="2025"]').waitFor()

        // 2024: indicator 1 alone has a target (the annex's 2024 targets summed).
        await page.getByTestId('evaluation-stage-2024').click()
        await page.waitForURL(/stage=2024/)
        await page.locator('[data-testid="evaluation-table"][data-stage="2024"]').waitFor()
        assert.equal(await textOf(table, 'evaluation-1-target'), String(y2024.rows[0].target))
        assert.equal(await textOf(table, 'evaluation-2-target'), '—')
        assert.equal(await textOf(table, 'evaluation-2-rate'), '—')
        assert.match(await textOf(table, 'evaluation-2-basis'), /方案未将该指标分解到 2024 年/)

        await page.getByTestId('evaluation-stage-2025').click()
        await page.locator('[data-testid="evaluation-table"][data-stage="2025"]').waitFor()
        assert.equal(await textOf(page, 'evaluation-last-day'), '2025-12-31')
        const [first] = y2025.rows
        assert.deepEqual([first.no, first.target], [1, 440])
        assert.equal(await textOf(table, 'evaluation-1-name'), first.name)
        assert.equal(await textOf(table, 'evaluation-1-target'), '440')
        assert.equal(await textOf(table, 'evaluation-1-achieved'), first.achieved.toLocaleString('zh-CN'))
        assert.equal(await textOf(table, 'evaluation-1-rate'), first.rate)
        assert.equal(await textOf(table, 'evaluation-1-basis'), first.basis)
        for (const r of y2025.rows) assert.equal(await textOf(table, `evaluation-${r.no}-target`), r.unit === '%' ? r.target.toFixed(2) : r.target.toLocaleString('zh-CN'))
        await shot(page, 'evaluation-2025')
      })

      await step('evaluation-evidence', async () => {
        const y2025 = await ok(api(admin, 'GET', '/api/v1/evaluations/2025'))
        const table = page.getByTestId('evaluation-table')
        // Indicator 7 (解决方案) counts items: its list is the 驾驶舱's, drawn as of the stage's last day, and adds up
        // to the achieved figure (the request asks for exactly that day).
        const seven = y2025.rows.find((r) => r.no === 7)
        assert.deepEqual(seven.evidence, { drill: 'items', metric: 'products', as_of: '2025-12-31' })
        assert.equal(await textOf(table, 'evaluation-7-achieved'), seven.achieved.toLocaleString('zh-CN'))
        const drawer = page.getByTestId('drill-drawer')
        const [itemsAsked] = await Promise.all([
          page.waitForResponse(isCall('GET', /^\/api\/v1\/stats\/progress\/items$/)),
          table.getByTestId('evaluation-7-achieved').click(),
        ])
        assert.equal(new URL(itemsAsked.url()).searchParams.get('as_of'), '2025-12-31')
        await drawer.locator('[data-testid="drill-items"][data-loading="false"][data-page="1"]').waitFor()
        assert.equal(await textOf(drawer, 'drill-total'), String(seven.achieved))
        assert.match(await textOf(drawer, 'drill-note'), /截至 2025-12-31/)
        assert.equal(await drawer.getByTestId('drill-mismatch').count(), 0)
        await shot(page, 'evidence-7')
        await page.keyboard.press('Escape')
        await drawer.waitFor({ state: 'hidden' })

        // Indicator 1 lists the enterprises accepted by then, through its 查看明细 button.
        await table.getByTestId('evaluation-1-evidence').click()
        await drawer.locator('[data-testid="drill-list"][data-loading="false"][data-page="1"]').waitFor()
        assert.equal(await textOf(drawer, 'drill-total'), String(y2025.rows[0].achieved))
        assert.equal(await drawer.getByTestId('drill-mismatch').count(), 0)
        await page.keyboard.press('Escape')
        await drawer.waitFor({ state: 'hidden' })

        // Indicator 4 (上云用云的改造企业) is drawn by the day each went on the cloud, as of the stage's end too.
        const four = y2025.rows.find((r) => r.no === 4)
        assert.deepEqual(four.evidence, { drill: 'enterprises', metric: 'cloud_accepted', as_of: '2025-12-31' })
        await table.getByTestId('evaluation-4-evidence').click()
        await drawer.locator('[data-testid="drill-list"][data-loading="false"][data-page="1"]').waitFor()
        assert.equal(await textOf(drawer, 'drill-total'), String(four.achieved))
        assert.equal(await drawer.getByTestId('drill-mismatch').count(), 0)
        await page.keyboard.press('Escape')
        await drawer.waitFor({ state: 'hidden' })

        // Indicator 12 (新增发明专利) lists the patents of 2024 to the stage's year: the request names the year.
        const twelve = y2025.rows.find((r) => r.no === 12)
        assert.equal(twelve.evidence.as_of, null)
        const [patentsAsked] = await Promise.all([
          page.waitForResponse(isCall('GET', /^\/api\/v1\/stats\/progress\/enterprises$/)),
          table.getByTestId('evaluation-12-evidence').click(),
        ])
        assert.equal(new URL(patentsAsked.url()).searchParams.get('year'), '2025')
        await drawer.locator('[data-testid="drill-list"][data-loading="false"][data-page="1"]').waitFor()
        assert.match(await textOf(drawer, 'drill-note'), /列出 2024 年至 2025 年各年度新增发明专利/)
        await page.keyboard.press('Escape')
        await drawer.waitFor({ state: 'hidden' })
      })

      await step('evaluation-downloads', async () => {
        const pdf = await download(page, page.getByTestId('evaluation-pdf'))
        assert.equal(pdf.name, '2025年度绩效评价.pdf')
        assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-')
        const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' })
        assert.ok(text.includes('2025 年度绩效评价表'), 'the PDF names its stage')

        // A refusal (the server's 409, simulated here) is shown as its message and nothing is saved.
        const message = '文件已丢失，按快照重新生成的结果与发布时不一致（字体或渲染库已变化）'
        await page.route('**/api/v1/evaluations/2025/xlsx', (route) =>
          route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message, field: 'file' } }) }))
        let saved = 0
        const count = () => saved++
        page.on('download', count)
        await page.getByTestId('evaluation-xlsx').click()
        await page.locator('.download-error').getByText(`下载失败：${message}`).waitFor()
        page.off('download', count)
        assert.equal(saved, 0, 'a refused download must not be saved')
        await page.unroute('**/api/v1/evaluations/2025/xlsx')

        const xlsx = await download(page, page.getByTestId('evaluation-xlsx'))
        assert.equal(xlsx.name, '2025年度绩效评价.xlsx')
        assert.equal(xlsx.bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04')
      })

      await step('district-officer-own-quality', async () => {
        await switchUser(page, 'gongyi')
        assert.equal(await page.getByTestId('menu-evaluations').count(), 0)
        assert.equal(await page.getByTestId('menu-admin-schedules').count(), 0)
        await page.getByTestId('menu-data-quality').click()
        await page.waitForURL(/\/data-quality$/)
        await page.locator('[data-testid="quality-checks"][data-loaded="true"]').waitFor()
        assert.equal(await textOf(page, 'quality-scope'), `本区县（${GONGYI.name}）`)
        const gongyi = await apiLogin('gongyi')
        const { checks } = await ok(api(gongyi, 'GET', '/api/v1/data-quality'))
        // The city-wide checks (providers, the plan) are not theirs.
        assert.equal(await page.locator('[data-testid^="quality-check-"]').count(), checks.length)
        assert.equal(await page.getByTestId('quality-check-plan_inconsistent').count(), 0)
        const unassessed = checks.find((c) => c.code === 'unassessed')
        const card = page.getByTestId('quality-check-unassessed')
        assert.equal(await textOf(card, 'quality-count'), count(unassessed.count))
        const city = (await ok(api(admin, 'GET', '/api/v1/data-quality'))).checks.find((c) => c.code === 'unassessed')
        assert.ok(unassessed.count > 0 && unassessed.count < city.count, `${unassessed.count} of ${city.count}`)
        const districts = [...new Set((await card.getByTestId('quality-sample-detail').allInnerTexts()).map((s) => s.trim()))]
        assert.deepEqual(districts, [GONGYI.name])
        await shot(page, 'quality-district')

        for (const path of ['/evaluations', '/admin/schedules']) {
          await page.goto(BASE_URL + path)
          await page.getByTestId('forbidden').waitFor()
        }
      })
    })
  } finally {
    // A schedule left on would run in the shared server's later tests.
    if (scheduleId) await ok(api(admin, 'PATCH', `/api/v1/schedules/${scheduleId}`, { enabled: false }))
  }
})

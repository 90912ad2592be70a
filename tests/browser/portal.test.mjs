// Browser test: 信息发布 and the public portal. The city admin writes a notice, attaches a file, submits it, sends it
// back with a reason (shown on the page), submits it again and publishes it; the history shows every step. Then an
// anonymous browser goes from the login page to the portal, finds the notice, reads it and downloads the attachment;
// looks an enterprise up (its stage shown), and a second look-up within 10 seconds gets the server's 429 message
// with a countdown from Retry-After; the open data shows hidden figures as "<3" and links its CSV.
//
// Uses SHUZHUAN_URL when set (scripts/test.sh, the full demo); run on its own, it starts a server on the bare demo.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { BASE_URL, textOf, useServer, withBrowser } from './browser.mjs'
import { isCall, shooter, switchUser, upload } from './helpers.mjs'

const shot = shooter('portal')

async function articleMove(page, action, reason) {
  await page.getByTestId(`article-move-${action}`).click()
  const d = page.getByTestId(reason ? 'article-move-reason-dialog' : 'article-move-dialog')
  if (reason) await d.getByTestId('article-move-reason').fill(reason)
  const [response] = await Promise.all([
    page.waitForResponse(isCall('POST', /^\/api\/v1\/articles\/\d+\/transitions$/)),
    d.getByTestId(reason ? 'article-move-reason-submit' : 'article-move-confirm').click(),
  ])
  assert.equal(response.status(), 200, await response.text())
  assert.deepEqual(response.request().postDataJSON(), reason ? { action, reason } : { action })
}

test('信息发布：撰写、附件、提交、退回、发布；公开门户：阅读与下载附件、公开查询（10 秒 1 次）、开放数据', { timeout: 300_000 }, async (t) => {
  await useServer(t)
  const short = String(Date.now()).slice(-6)
  const title = `关于开展第二批试点企业申报的通知（${short}）`
  const attachment = `申报表-${short}.pdf`

  await withBrowser(t, 'portal-admin', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1000 })

    await step('notice-published', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-articles').click()
      await page.waitForURL(/\/articles$/)
      await page.getByTestId('article-table').waitFor()
      await page.getByTestId('article-new').click()
      const d = page.getByTestId('article-form-dialog')
      await d.getByTestId('article-form-title').fill(title)
      await d.getByTestId('article-form-summary').fill('申报时间、条件与材料')
      await d.getByTestId('article-form-body').fill('各区县（市）工信部门：\n现将第二批试点企业申报工作通知如下。')
      await shot(page, 'article-form')
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/articles$/)),
        d.getByTestId('article-form-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), {
        kind: 'notice', title, summary: '申报时间、条件与材料', body: '各区县（市）工信部门：\n现将第二批试点企业申报工作通知如下。',
      })
      await page.waitForURL(/\/articles\/\d+$/)
      await page.getByTestId('article-state').getByText('草稿', { exact: true }).waitFor()
      await upload(page, page, 'document-upload', attachment)
      await page.getByTestId('document-name').getByText(attachment).waitFor()

      await articleMove(page, 'submit')
      await page.getByTestId('article-state').getByText('待审核', { exact: true }).waitFor()
      await articleMove(page, 'reject', '请补充申报截止时间')
      await page.getByTestId('article-state').getByText('草稿', { exact: true }).waitFor()
      assert.match(await textOf(page, 'article-review-note'), /请补充申报截止时间/)
      await articleMove(page, 'submit')
      await articleMove(page, 'publish')
      await page.getByTestId('article-state').getByText('已发布', { exact: true }).waitFor()
      const steps = page.getByTestId('article-history-step')
      await steps.nth(4).waitFor()
      assert.deepEqual((await steps.allInnerTexts()).map((s) => s.trim()), ['待审核 → 已发布', '草稿 → 待审核', '待审核 → 草稿', '草稿 → 待审核', '草稿'])
      await shot(page, 'article-published')
      await page.getByTestId('menu-articles').click()
      await page.getByTestId('article-table').getByText(title).waitFor()
      await shot(page, 'articles')
    })
  })

  await withBrowser(t, 'portal-public', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1000 })

    await step('notice-read-and-attachment-downloaded', async () => {
      await page.goto(BASE_URL + '/login')
      await page.getByTestId('login-portal').click()
      await page.waitForURL(/\/portal$/)
      await page.getByTestId('portal-kinds').getByRole('tab', { name: '通知公告', exact: true }).click()
      await page.waitForURL(/\/portal\?kind=notice$/)
      const item = page.getByTestId('portal-article').filter({ hasText: title })
      await item.waitFor()
      await shot(page, 'home')
      await item.click()
      await page.waitForURL(/\/portal\/articles\/\d+$/)
      assert.equal(await textOf(page, 'portal-article-heading'), title)
      assert.match(await textOf(page, 'portal-article-body'), /第二批试点企业申报/)
      const link = page.getByTestId('portal-attachment').filter({ hasText: attachment })
      assert.match(await link.getAttribute('href'), /^\/api\/v1\/public\/articles\/\d+\/attachments\/\d+$/)
      await shot(page, 'article')
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      assert.equal(download.suggestedFilename(), attachment)
      assert.match(readFileSync(await download.path(), 'latin1'), /^%PDF-1\.4/)
    })

    await step('lookup-limited-to-one-per-10-seconds', async () => {
      await page.getByTestId('portal-nav-query').click()
      await page.waitForURL(/\/portal\/query$/)
      await page.getByTestId('query-input').fill('巩义')
      const lookUp = () => Promise.all([
        page.waitForResponse(isCall('GET', /^\/api\/v1\/public\/enterprises$/)),
        page.getByTestId('query-submit').click(),
      ]).then(([r]) => r)
      let first = await lookUp()
      if (first.status() === 429) {
        // Another client on this address queried a moment ago: wait out its Retry-After, as the page says.
        await page.getByTestId('query-submit').getByText('查询', { exact: true }).waitFor({ timeout: 15_000 })
        first = await lookUp()
      }
      assert.equal(first.status(), 200, await first.text())
      await page.getByTestId('query-enterprise-name').first().waitFor()
      assert.match(await textOf(page, 'query-enterprise-name'), /巩义/)
      assert.ok((await textOf(page, 'query-enterprise-stage')).length > 0)
      await shot(page, 'query')

      const second = await lookUp()
      assert.equal(second.status(), 429)
      const retryAfter = Number(second.headers()['retry-after'])
      assert.ok(retryAfter >= 1 && retryAfter <= 10, `Retry-After ${retryAfter}`)
      assert.match(await textOf(page, 'query-error-message'), /查询过于频繁.*10 秒/)
      assert.match(await textOf(page, 'query-countdown'), /还需等待 \d+ 秒/)
      assert.match(await textOf(page, 'query-submit'), /\d+ 秒后可查询/)
      assert.ok(await page.getByTestId('query-submit').isDisabled())
      await shot(page, 'query-limited')
    })

    await step('open-data', async () => {
      await page.getByTestId('portal-nav-open-data').click()
      await page.waitForURL(/\/portal\/open-data$/)
      await page.getByTestId('open-data-table').first().waitFor()
      assert.equal(await page.getByTestId('open-data-title').first().innerText(), '试点企业数（按区县 × 行业）')
      assert.ok((await page.getByTestId('open-data-cell').allInnerTexts()).includes('<3'))
      const csv = page.getByTestId('open-data-csv')
      assert.equal(await csv.getAttribute('href'), '/api/v1/public/open-data?format=csv')
      const r = await fetch(BASE_URL + '/api/v1/public/open-data?format=csv')
      assert.equal(r.status, 200)
      assert.match(r.headers.get('content-type'), /text\/csv/)
      await shot(page, 'open-data')
    })
  })
})

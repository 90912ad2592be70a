// Browser test: 转型成果台账 records rest on dated decisions, recorded by the city admin. On records of its own (a 链式
// model and a 小微企业园 registered through the API, an enterprise not yet a 小灯塔): the model reads 建设中 until
// 登记建成 (day, 决定单位, 佐证 — the body sent, then the decision shown with who recorded it), after which
// 登记工信部认定 is offered and recorded (the 工信部典型案例 tag); the park reads 已登记、未完成改造 until 登记改造完成;
// the enterprise is designated a 小灯塔 (chosen by name) and then leads a 数字工坊; the enterprise's profile shows
// both; the tally agrees with the API afterwards. Last, a 标识解析二级节点 is recorded on a platform's page.
//
// Everything it records is its own (names and a node prefix per run), so it can run again on the same server.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, isCall, ok, searchAndPick, serverToday, shooter, switchUser, typeDate } from './helpers.mjs'

const shot = shooter('records')


async function fillDecision(page, scope, prefix, { on, by, evidence }) {
  await typeDate(page, scope, `${prefix}-on`, on)
  if (by !== undefined) await scope.getByTestId(`${prefix}-decided-by`).fill(by)
  await scope.getByTestId(`${prefix}-evidence`).fill(evidence)
}

test('转型成果台账：市级管理员登记链式模式建成与工信部认定、园区改造完成、“小灯塔”与数字工坊、标识解析二级节点', { timeout: 240_000 }, async (t) => {
  await useServer(t)
  const admin = await apiLogin('admin')
  const { inDays } = await serverToday(admin)
  const short = Date.now().toString(36).slice(-5)
  const chainName = `耐材链式协同改造-${short}`
  const parkName = `巩义耐材小微企业园-${short}`
  const workshopName = `耐材数字工坊-${short}`

  // An active enterprise not yet a 小灯塔, and two more for the chain.
  const taken = new Set((await ok(api(admin, 'GET', '/api/v1/lighthouses'))).items.map((l) => l.enterprise_id))
  const enterprises = (await ok(api(admin, 'GET', '/api/v1/enterprises?status=active&industry=refractories&page_size=100'))).items
  const lighthouse = enterprises.find((e) => !taken.has(e.id))
  assert.ok(lighthouse, 'an enterprise not yet designated')
  const [lead, member] = enterprises.filter((e) => e.id !== lighthouse.id)
  const chain = await ok(api(admin, 'POST', '/api/v1/chain-models', {
    name: chainName, industry: 'refractories', lead_enterprise_id: lead.id, scenarios: ['供应链协同'], members: [member.id],
  }), 201)
  await ok(api(admin, 'POST', '/api/v1/parks', { name: parkName, district: '410181', industry: 'refractories', recognized_on: inDays(-200), enterprises: 20 }), 201)

  await withBrowser(t, 'records', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1000 })
    const tabs = () => page.getByTestId('records-tabs')
    const openTab = async (name, tab) => {
      await tabs().getByRole('tab', { name, exact: true }).click()
      await page.waitForURL(new RegExp(`tab=${tab}`))
    }

    await step('chain-completed-then-recognised', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-records').click()
      await page.waitForURL(/\/records/)
      await openTab('链式转型模式', 'chains')
      const row = page.getByTestId('chain-table').locator('tbody tr').filter({ has: page.getByTestId('chain-name').getByText(chainName, { exact: true }) })
      await row.waitFor()
      assert.equal(await textOf(row, 'chain-status'), '建设中')
      await row.getByTestId('chain-completed-none').waitFor()
      assert.equal(await row.getByTestId('chain-recognize').count(), 0)

      await row.getByTestId('chain-complete').click()
      const d = page.getByTestId('chain-decision-dialog')
      await d.waitFor()
      const built = { on: inDays(-30), by: '郑州市工业和信息化局', evidence: `郑工信〔2026〕${short}号 建成验收意见` }
      await fillDecision(page, d, 'chain-decision', built)
      const [completed] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/chain-models\/\d+\/completion$/)),
        d.getByTestId('chain-decision-submit').click(),
      ])
      assert.equal(completed.status(), 200, await completed.text())
      assert.equal(new URL(completed.url()).pathname, `/api/v1/chain-models/${chain.id}/completion`)
      assert.deepEqual(completed.request().postDataJSON(), { on: built.on, decided_by: built.by, evidence: built.evidence })
      await d.waitFor({ state: 'hidden' })
      await row.getByTestId('chain-status').getByText('已建成', { exact: true }).waitFor()
      assert.equal(await textOf(row, 'chain-completed-on'), built.on)
      assert.equal(await textOf(row, 'chain-completed-evidence'), built.evidence)
      assert.match(await textOf(row, 'chain-completed'), /市工信局管理员 登记于/)

      // Now, and only now, the 工信部's recognition (the body proposed).
      await row.getByTestId('chain-recognize').click()
      await d.waitFor()
      assert.equal(await d.getByTestId('chain-decision-decided-by').inputValue(), '工业和信息化部')
      const miit = { on: inDays(-5), evidence: `工信厅企业函〔2026〕${short}号 “链式”典型案例名单` }
      await fillDecision(page, d, 'chain-decision', miit)
      const [recognised] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/chain-models\/\d+\/miit-recognition$/)),
        d.getByTestId('chain-decision-submit').click(),
      ])
      assert.equal(recognised.status(), 200, await recognised.text())
      await row.getByTestId('chain-miit-tag').waitFor()
      assert.equal(await textOf(row, 'chain-miit-on'), miit.on)
      assert.equal(await row.getByTestId('chain-complete').count(), 0)
      assert.equal(await row.getByTestId('chain-recognize').count(), 0)
      await shot(page, 'chains')
    })

    await step('park-transformed', async () => {
      await openTab('小微企业园', 'parks')
      const row = page.getByTestId('park-table').locator('tbody tr').filter({ has: page.getByTestId('park-name').getByText(parkName, { exact: true }) })
      await row.waitFor()
      assert.equal(await textOf(row, 'park-state'), '已登记、未完成改造')
      await row.getByTestId('park-transform').click()
      const d = page.getByTestId('park-decision-dialog')
      const done = { on: inDays(-20), by: '巩义市人民政府', evidence: `${parkName}数字化改造验收报告` }
      await fillDecision(page, d, 'park-decision', done)
      const [transformed] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/parks\/\d+\/transformation$/)),
        d.getByTestId('park-decision-submit').click(),
      ])
      assert.equal(transformed.status(), 200, await transformed.text())
      assert.deepEqual(transformed.request().postDataJSON(), { on: done.on, decided_by: done.by, evidence: done.evidence })
      await row.getByTestId('park-state').getByText('已完成数字化改造', { exact: true }).waitFor()
      assert.equal(await textOf(row, 'park-transformed-on'), done.on)
      assert.equal(await row.getByTestId('park-transform').count(), 0)
      await shot(page, 'parks')
    })

    await step('lighthouse-and-workshop', async () => {
      await openTab('“小灯塔”企业', 'lighthouses')
      await page.getByTestId('lighthouse-new').click()
      const d = page.getByTestId('lighthouse-form-dialog')
      await d.waitFor()
      await searchAndPick(page, d, 'lighthouse-form-enterprise', lighthouse.name)
      const designated = { on: inDays(-60), evidence: `郑工信〔2026〕${short}号 “小灯塔”企业名单` }
      await fillDecision(page, d, 'lighthouse-form', designated)
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/lighthouses$/)),
        d.getByTestId('lighthouse-form-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), {
        enterprise_id: lighthouse.id, on: designated.on, decided_by: '郑州市工业和信息化局', evidence: designated.evidence,
      })
      const row = page.getByTestId('lighthouse-table').locator('tbody tr').filter({ has: page.getByTestId('lighthouse-enterprise').getByText(lighthouse.name, { exact: true }) })
      await row.waitFor()
      assert.equal(await textOf(row, 'lighthouse-designated-on'), designated.on)

      // The 小灯塔 leads a 数字工坊.
      await openTab('数字工坊', 'workshops')
      await page.getByTestId('workshop-new').click()
      const w = page.getByTestId('workshop-form-dialog')
      await w.waitFor()
      await w.getByTestId('workshop-form-name').fill(workshopName)
      await w.getByTestId('workshop-form-lead').click()
      await page.locator('.el-select-dropdown__item:visible').filter({ hasText: lighthouse.name }).click()
      await w.getByTestId('workshop-form-partners').fill('中国联通郑州分公司')
      await fillDecision(page, w, 'workshop-form', { on: inDays(-10), evidence: `数字工坊建设备案-${short}` })
      const [established] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/digital-workshops$/)),
        w.getByTestId('workshop-form-submit').click(),
      ])
      assert.equal(established.status(), 201, await established.text())
      assert.equal(established.request().postDataJSON().lead_enterprise_id, lighthouse.id)
      await page.getByTestId('workshop-table').getByTestId('workshop-name').getByText(workshopName, { exact: true }).waitFor()
      await shot(page, 'workshops')

      // The tally agrees with the API.
      const tally = await ok(api(admin, 'GET', '/api/v1/records/tally'))
      await openTab('按行业统计', 'tally')
      await page.getByTestId('tally-lighthouses').getByText(String(tally.lighthouses), { exact: true }).waitFor()
      assert.equal(await textOf(page, 'tally-workshops'), String(tally.digital_workshops))
      assert.equal(await textOf(page, 'tally-chains-built'), String(tally.chain_models.total))
      assert.equal(await textOf(page, 'tally-chains-registered'), String(tally.chain_models_registered))
      assert.equal(await textOf(page, 'tally-parks-transformed'), String(tally.parks.total))
      assert.equal(await textOf(page, 'tally-parks-registered'), String(tally.parks_registered))
      assert.equal(await textOf(page, 'tally-miit-cases'), String(tally.miit_chain_cases))
      assert.equal(await textOf(page, 'tally-chains-refractories'), String(tally.chain_models.refractories))

      // The enterprise's profile shows its designation and the workshop it leads.
      await page.goto(page.url().replace(/\/records.*$/, `/enterprises?q=${encodeURIComponent(lighthouse.credit_code)}`))
      await page.getByTestId('enterprise-table').getByTestId('enterprise-name').getByText(lighthouse.name, { exact: true }).click()
      const drawer = page.getByTestId('enterprise-drawer')
      await drawer.getByTestId('detail-lighthouse').getByText(new RegExp(`^${designated.on} 由郑州市工业和信息化局认定`)).waitFor()
      assert.match(await textOf(drawer, 'detail-workshop'), new RegExp(`^${workshopName}（牵头建设`))
      await shot(page, 'profile')
      await page.keyboard.press('Escape')
    })

    await step('identifier-node', async () => {
      const platform = (await ok(api(admin, 'GET', '/api/v1/platforms'))).items[0]
      const prefix = `88.${100 + (Date.now() % 800)}.${Date.now() % 100000}`
      await page.goto(page.url().replace(/\/enterprises.*$/, `/platforms/${platform.id}?tab=nodes`))
      await page.getByTestId('platform-nodes').waitFor()
      await page.getByTestId('node-new').click()
      const d = page.getByTestId('node-form-dialog')
      await d.waitFor()
      const name = `工业互联网标识解析二级节点（${short}）`
      await d.getByTestId('node-form-name').fill(name)
      await d.getByTestId('node-form-prefix').fill(prefix)
      await fillDecision(page, d, 'node-form', { on: inDays(-3), by: '中国信息通信研究院', evidence: `二级节点接入批复-${short}` })
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/platforms\/\d+\/identifier-nodes$/)),
        d.getByTestId('node-form-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), {
        name, prefix, industry: platform.industries[0], on: inDays(-3), decided_by: '中国信息通信研究院', evidence: `二级节点接入批复-${short}`,
      })
      const row = page.getByTestId('platform-nodes').locator('tbody tr').filter({ has: page.getByTestId('platform-node-prefix').getByText(prefix, { exact: true }) })
      await row.waitFor()
      assert.equal(await textOf(row, 'platform-node-name'), name)
      await shot(page, 'node')
      // The records page lists it with its platform and who recorded it, by name.
      await page.goto(page.url().replace(/\/platforms\/.*$/, '/records?tab=nodes'))
      const listed = page.getByTestId('node-table').locator('tbody tr').filter({ has: page.getByTestId('node-prefix').getByText(prefix, { exact: true }) })
      await listed.waitFor()
      assert.equal(await textOf(listed, 'node-recorded-by'), '市工信局管理员')
      assert.equal((await listed.getByRole('link').innerText()).trim(), platform.name)
    })
  })
})

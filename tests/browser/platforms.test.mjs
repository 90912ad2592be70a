// Browser test: the 行业级工业互联网平台 and the N+X 样本库, driven as the real users would, and the 驾驶舱's item
// drill-downs (indicators 5–10).
//
// 1. The city admin registers a platform (a mistyped credit code caught before sending), issues it an API key — the
//    key is shown once, and after the dialog is closed the list shows the key's id but the page no longer holds the
//    secret — then the platform, from this test with Node's fetch, pushes a 上云 batch with that key (two pilot
//    enterprises read from GET /api/v1/enterprises and a code that is not a pilot enterprise). The platform's page
//    shows the batch, the two enterprises and the count; the admin records an evaluation (the total and grade shown
//    in the results), suspends and resumes the platform, and revokes the key: the same push now gets 401.
// 2. The admin proposes two samples for 铝基新材料 (one with a criterion unmet, which cannot be selected; proposing the
//    same enterprise twice shows the server's refusal), records a deliberation selecting the one and rejecting the
//    other, drafts a new version of the 需求清单 from the latest one with an N and an X scenario (the X traced to the
//    new sample), confirms it at that deliberation, and finds both scenarios in the N+X 场景库. Then, with a 链式 model
//    registered through the API, the dashboard's indicator 9 lists its items (the model among them) as many as the
//    figure; a district officer sees the city-wide indicator 7 as "—（全市统计）".
//
// Passes on the bare demo (run on its own it starts one) and on the full demo (SHUZHUAN_URL): every record it makes
// has a unique name, and nothing assumes empty lists.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, creditCode, isCall, ok, pick, searchAndPick, serverToday, shooter, switchUser, typeDate } from './helpers.mjs'

const shot = shooter('platforms')
const INDUSTRY = 'aluminium'
const INDUSTRY_NAME = '铝基新材料'

// Clicks a button of the Element Plus confirmation box that is open.
async function confirmBox(page, button) {
  const box = page.locator('.el-message-box:visible')
  await box.waitFor()
  await box.getByRole('button', { name: button, exact: true }).click()
}

async function platformTab(page, name) {
  await page.getByTestId('platform-detail-tabs').getByRole('tab', { name: new RegExp(`^${name}`) }).click()
}

test('工业互联网平台：登记、签发密钥（只显示一次）、平台推送上云批次、上云企业、考评、暂停恢复、吊销后推送被拒', { timeout: 300_000 }, async (t) => {
  await useServer(t)
  const stamp = Date.now()
  const short = String(stamp).slice(-6)
  const name = `测试工业互联网平台${short}`
  const operator = `郑州测试平台运营${short}有限公司`
  const code = creditCode(stamp + 11)
  const admin = await apiLogin('admin')
  // Two pilot enterprises the platform reports, and a well-formed code that is no pilot enterprise.
  const pilots = (await ok(api(admin, 'GET', '/api/v1/enterprises?page=1&page_size=2&status=active'))).items
  assert.equal(pilots.length, 2)
  const stranger = creditCode(stamp + 12)
  const batch = {
    batch_id: `b-${short}`,
    items: [
      ...pilots.map((e) => ({ credit_code: e.credit_code, service: '设备上云', since: '2025-06-01' })),
      { credit_code: stranger, service: '设备上云', since: '2025-06-01' },
    ],
  }
  const push = (key) =>
    fetch(BASE_URL + '/api/v1/platform-api/cloud-batches', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    })
  let platformId = 0
  let issued = null

  await withBrowser(t, 'platforms', async (page, step) => {
    await step('platform-registered', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-platforms').click()
      await page.waitForURL(/\/platforms$/)
      await page.getByTestId('platform-table').waitFor()
      const before = Number(await textOf(page, 'platform-total'))
      await shot(page, 'list')
      await page.getByTestId('platform-new').click()
      const d = page.getByTestId('platform-form-dialog')
      await d.getByTestId('platform-form-name').fill(name)
      await d.getByTestId('platform-form-operator').fill(operator)
      // A typing error in the check character is caught before anything is sent.
      await d.getByTestId('platform-form-credit-code').fill(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'))
      await d.getByTestId('platform-form-url').fill('https://iip.example.cn/al')
      await d.getByTestId('platform-form-industries').getByText(INDUSTRY_NAME, { exact: true }).click()
      await d.getByTestId('platform-form-service-name').first().fill('设备上云')
      await d.getByTestId('platform-form-service-description').first().fill('电解槽、铸轧机联网监测')
      await d.getByTestId('platform-form-service-add').click()
      await d.getByTestId('platform-form-service-name').last().fill('运维驻场')
      await pick(page, d.getByTestId('platform-form-services').locator('tbody tr').last(), 'platform-form-service-kind', '项目运维')
      await d.getByTestId('platform-form-submit').click()
      await d.getByText('统一社会信用代码第18位校验码错误').waitFor()
      await d.getByTestId('platform-form-credit-code').fill(code)
      await shot(page, 'form')
      const [created] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/platforms$/)),
        d.getByTestId('platform-form-submit').click(),
      ])
      assert.equal(created.status(), 201, await created.text())
      assert.deepEqual(created.request().postDataJSON(), {
        name, operator, credit_code: code, url: 'https://iip.example.cn/al', industries: [INDUSTRY],
        services: [
          { name: '设备上云', kind: 'saas', description: '电解槽、铸轧机联网监测' },
          { name: '运维驻场', kind: 'maintenance', description: '' },
        ],
      })
      platformId = (await created.json()).id
      await page.waitForURL(new RegExp(`/platforms/${platformId}$`))
      assert.equal(await textOf(page, 'platform-status'), '在用')
      assert.equal(await textOf(page, 'platform-served'), '0')
      assert.equal(await textOf(page, 'platform-operator'), operator)
      const services = await page.getByTestId('platform-service-name').allInnerTexts()
      assert.deepEqual(services.map((s) => s.trim()), ['设备上云', '运维驻场'])
      // The directory has it too.
      await page.getByTestId('menu-platforms').click()
      await page.getByTestId('platform-table').getByText(name).waitFor()
      assert.equal(Number(await textOf(page, 'platform-total')), before + 1)
      await page.getByTestId('platform-table').getByText(name).click()
      await page.waitForURL(new RegExp(`/platforms/${platformId}$`))
    })

    await step('key-shown-once', async () => {
      await platformTab(page, '接口密钥')
      await page.getByTestId('platform-keys').getByText('尚未签发密钥').waitFor()
      await page.getByTestId('platform-key-new').click()
      const d = page.getByTestId('platform-key-dialog')
      await d.getByTestId('platform-key-scopes').getByText('推送上云用平台企业').waitFor()
      await d.getByTestId('platform-key-label').fill('生产环境推送')
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/platforms\/\d+\/keys$/)),
        d.getByTestId('platform-key-submit').click(),
      ])
      assert.equal(response.status(), 201, await response.text())
      assert.deepEqual(response.request().postDataJSON(), { label: '生产环境推送', scopes: ['cloud:push', 'cloud:read'] })
      issued = await response.json()
      assert.match(issued.key, /^szp_[0-9a-f]{16}_.+/)
      const shown = page.getByTestId('platform-key-shown')
      await shown.waitFor()
      assert.equal(await shown.getByTestId('platform-key-secret').inputValue(), issued.key)
      assert.match(await shown.innerText(), /密钥只显示这一次/)
      await shot(page, 'key-shown')
      await shown.getByTestId('platform-key-shown-close').click()
      await shown.waitFor({ state: 'hidden' })
      const row = page.getByTestId('platform-keys').locator('tbody tr').filter({ hasText: issued.key_id })
      await row.getByTestId('platform-key-status').getByText('有效').waitFor()
      assert.equal((await row.getByTestId('platform-key-id').innerText()).trim(), issued.key_id)
      assert.equal((await row.getByTestId('platform-key-last-used').innerText()).trim(), '从未使用')
      // The secret is nowhere in the page any more.
      const secret = issued.key.split('_').slice(2).join('_')
      assert.ok(!(await page.content()).includes(secret), 'the secret is still in the page')
      await shot(page, 'keys')
    })

    await step('batch-pushed', async () => {
      const r = await push(issued.key)
      const body = await r.json()
      assert.equal(r.status, 201, JSON.stringify(body))
      assert.deepEqual([body.accepted, body.rejected, body.replay], [2, 1, false])
      assert.equal(body.items.find((i) => i.credit_code === stranger).reason, '不是平台登记的试点企业')
      // The same batch again is answered as the first time.
      const again = await push(issued.key)
      assert.equal(again.status, 200)
      assert.equal((await again.json()).replay, true)

      await page.reload()
      await page.getByTestId('platform-summary').waitFor()
      assert.equal(await textOf(page, 'platform-served'), '2')
      await page.getByTestId('platform-keys').getByTestId('platform-key-last-used').filter({ hasText: /^\d{4}-\d{2}-\d{2} / }).waitFor()
      await platformTab(page, '上云批次')
      const b = page.getByTestId('platform-batches').locator('tbody tr').filter({ hasText: batch.batch_id })
      await b.waitFor()
      assert.equal((await b.getByTestId('platform-batch-accepted').innerText()).trim(), '2')
      assert.equal((await b.getByTestId('platform-batch-rejected').innerText()).trim(), '1')
      await platformTab(page, '上云企业')
      await page.getByTestId('platform-users').getByTestId('platform-user-name').first().waitFor()
      const names = (await page.getByTestId('platform-user-name').allInnerTexts()).map((s) => s.trim()).sort()
      assert.deepEqual(names, pilots.map((e) => e.name).sort())
      assert.equal(await textOf(page, 'platform-users-total'), '2')
      await shot(page, 'users')
      await page.getByTestId('menu-platforms').click()
      const listed = page.getByTestId('platform-table').locator('tbody tr').filter({ hasText: name })
      assert.equal((await listed.getByTestId('platform-served').innerText()).trim(), '2')
      await listed.getByTestId('platform-name').click()
      await page.waitForURL(new RegExp(`/platforms/${platformId}$`))
    })

    await step('evaluated', async () => {
      await page.getByTestId('platform-evaluate').click()
      const d = page.getByTestId('platform-evaluation-dialog')
      await d.getByTestId('platform-evaluation-period').fill('2025-12')
      const scores = { access: 20, knowledge: 19, apps: 18, satisfaction: 20 }
      // One missing score is caught before sending.
      for (const [c, v] of Object.entries(scores).slice(0, 3)) await d.getByTestId(`platform-evaluation-score-${c}`).locator('input').fill(String(v))
      await d.getByTestId('platform-evaluation-submit').click()
      await d.getByText('请为“企业满意度”评分').waitFor()
      await d.getByTestId('platform-evaluation-score-satisfaction').locator('input').fill('20')
      await d.getByTestId('platform-evaluation-note').click()
      assert.equal(await textOf(page, 'platform-evaluation-subtotal'), '77')
      assert.match(await textOf(page, 'platform-evaluation-served'), /已报送的 2 家企业/)
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/platforms\/\d+\/evaluations$/)),
        d.getByTestId('platform-evaluation-submit').click(),
      ])
      assert.equal(response.status(), 201, await response.text())
      assert.deepEqual(response.request().postDataJSON(), { period: '2025-12', scores })
      const e = await response.json()
      // 2 enterprises served of the 50 that earn the full 20 points: 0.
      assert.deepEqual([e.scores.served, e.total, e.grade_name, e.award], [0, 77, '良好', false])
      await platformTab(page, '考评')
      const row = page.getByTestId('platform-evaluations').locator('tbody tr').filter({ hasText: '2025-12' })
      await row.getByTestId('platform-evaluation-total').getByText('77', { exact: true }).waitFor()
      assert.equal((await row.getByTestId('platform-evaluation-grade').innerText()).trim(), '良好')
      assert.equal((await row.getByTestId('platform-evaluation-award').innerText()).trim(), '—')
      // The same period again: the server's refusal stays in the dialog.
      await page.getByTestId('platform-evaluate').click()
      await d.getByTestId('platform-evaluation-period').fill('2025-12')
      for (const [c, v] of Object.entries(scores)) await d.getByTestId(`platform-evaluation-score-${c}`).locator('input').fill(String(v))
      const [twice] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/platforms\/\d+\/evaluations$/)),
        d.getByTestId('platform-evaluation-submit').click(),
      ])
      assert.equal(twice.status(), 409)
      await d.getByText('该平台本期已考评：2025-12').waitFor()
      await d.getByRole('button', { name: '取消' }).click()
      // The results of the period, with the award list, for everyone.
      await page.goto(`${BASE_URL}/platforms?tab=evaluations`)
      await pick(page, page, 'platform-evaluation-period-filter', '2025-12')
      const result = page.getByTestId('platform-evaluations').locator('tbody tr').filter({ hasText: name })
      await result.getByTestId('platform-evaluation-total').getByText('77', { exact: true }).waitFor()
      assert.equal((await result.getByTestId('platform-evaluation-grade').innerText()).trim(), '良好')
      await shot(page, 'evaluations')
    })

    await step('suspended-and-resumed', async () => {
      await page.goto(`${BASE_URL}/platforms/${platformId}`)
      await page.getByTestId('platform-summary').waitFor()
      await page.getByTestId('platform-suspend').click()
      const [suspended] = await Promise.all([page.waitForResponse(isCall('PATCH', /\/api\/v1\/platforms\/\d+$/)), confirmBox(page, '暂停')])
      assert.equal(suspended.status(), 200)
      assert.deepEqual(suspended.request().postDataJSON(), { status: 'suspended' })
      await page.getByTestId('platform-status').getByText('暂停', { exact: true }).waitFor()
      // A suspended platform's key is refused (403), not unknown.
      assert.equal((await push(issued.key)).status, 403)
      await page.getByTestId('platform-resume').click()
      const [resumed] = await Promise.all([page.waitForResponse(isCall('PATCH', /\/api\/v1\/platforms\/\d+$/)), confirmBox(page, '恢复')])
      assert.equal(resumed.status(), 200)
      await page.getByTestId('platform-status').getByText('在用', { exact: true }).waitFor()
      assert.equal((await push(issued.key)).status, 200)
    })

    await step('key-revoked', async () => {
      await platformTab(page, '接口密钥')
      const row = page.getByTestId('platform-keys').locator('tbody tr').filter({ hasText: issued.key_id })
      await row.getByTestId('platform-key-revoke').click()
      const [revoked] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/keys\/\d+\/revoke$/)),
        confirmBox(page, '吊销'),
      ])
      assert.equal(revoked.status(), 204)
      await row.getByTestId('platform-key-status').getByText('已吊销').waitFor()
      assert.equal(await row.getByTestId('platform-key-revoke').count(), 0)
      await shot(page, 'revoked')
      const r = await push(issued.key)
      assert.equal(r.status, 401)
      assert.equal((await r.json()).error.message, '平台密钥已吊销')
    })
  })
})

test('N+X 样本库：推荐样本、专家审议、起草并确定需求清单、进入场景库；驾驶舱事项下钻', { timeout: 300_000 }, async (t) => {
  await useServer(t)
  const stamp = Date.now()
  const short = String(stamp).slice(-6)
  const experts = [`李审${short}`, `王审${short}`, `赵审${short}`]
  const nScenario = `铝液在线测温-${short}`
  const xScenario = `铸轧板形闭环-${short}`
  const chainName = `铝加工链式改造-${short}`
  const admin = await apiLogin('admin')
  const { today } = await serverToday(admin)
  // Two 铝基新材料 pilot enterprises not proposed yet.
  const taken = new Set((await ok(api(admin, 'GET', `/api/v1/samples?industry=${INDUSTRY}`))).items.map((s) => s.enterprise.id))
  const candidates = (await ok(api(admin, 'GET', `/api/v1/enterprises?industry=${INDUSTRY}&status=active&page=1&page_size=100`))).items
    .filter((e) => !taken.has(e.id))
  assert.ok(candidates.length >= 2, 'two 铝基新材料 enterprises to propose')
  const [good, weak] = candidates
  const latest = (await ok(api(admin, 'GET', `/api/v1/demand-lists?industry=${INDUSTRY}`))).items[0] ?? null
  let goodSample = 0
  let weakSample = 0

  await withBrowser(t, 'samples', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1100 })
    const proposeDialog = page.getByTestId('sample-form-dialog')
    async function propose(e, unmet = []) {
      await page.getByTestId('sample-new').click()
      await proposeDialog.waitFor()
      await searchAndPick(page, proposeDialog, 'sample-form-enterprise', e.name, e.credit_code)
      for (const c of ['willing', 'stable', 'managed', 'ready', 'replicable']) {
        if (unmet.includes(c)) {
          await proposeDialog.getByTestId(`sample-form-evidence-${c}`).fill('案例较个性化，难以复制')
          continue
        }
        await proposeDialog.getByTestId(`sample-form-met-${c}`).click()
        await proposeDialog.getByTestId(`sample-form-evidence-${c}`).fill(`走访核实 ${c}`)
      }
      return Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/samples$/)),
        proposeDialog.getByTestId('sample-form-submit').click(),
      ]).then(([r]) => r)
    }
    const sampleRow = (e) => page.getByTestId('sample-table').locator('tbody tr').filter({ hasText: e.name })

    await step('samples-proposed', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-samples').click()
      await page.waitForURL(/\/samples/)
      await page.getByTestId('sample-industry').getByText(INDUSTRY_NAME, { exact: true }).click()
      await page.waitForURL(new RegExp(`industry=${INDUSTRY}`))
      await page.getByTestId('sample-table').waitFor()

      // A criterion ticked without its evidence is caught before sending.
      await page.getByTestId('sample-new').click()
      await searchAndPick(page, proposeDialog, 'sample-form-enterprise', good.name, good.credit_code)
      await proposeDialog.getByTestId('sample-form-met-willing').click()
      await proposeDialog.getByTestId('sample-form-submit').click()
      await proposeDialog.getByText('满足的条件须写明依据：改造意愿强').waitFor()
      await proposeDialog.getByRole('button', { name: '取消' }).click()

      const created = await propose(good)
      assert.equal(created.status(), 201, await created.text())
      const sent = created.request().postDataJSON()
      assert.equal(sent.industry, INDUSTRY)
      assert.equal(sent.enterprise_id, good.id)
      assert.deepEqual(sent.criteria.ready, { met: true, evidence: '走访核实 ready' })
      goodSample = (await created.json()).id
      await proposeDialog.waitFor({ state: 'hidden' })
      await sampleRow(good).getByTestId('sample-status').getByText('待审议').waitFor()
      assert.equal(await sampleRow(good).getByTestId('sample-all-met').innerText(), '五项均满足')

      const weakCreated = await propose(weak, ['replicable'])
      assert.equal(weakCreated.status(), 201, await weakCreated.text())
      assert.deepEqual(weakCreated.request().postDataJSON().criteria.replicable, { met: false, evidence: '案例较个性化，难以复制' })
      weakSample = (await weakCreated.json()).id
      await sampleRow(weak).getByTestId('sample-unmet').getByText('样本易学易复制').waitFor()
      assert.equal(await sampleRow(weak).locator('[data-testid="sample-criterion-replicable"]').getAttribute('data-met'), 'false')

      // The same enterprise twice: the server's refusal stays in the dialog.
      const twice = await propose(good)
      assert.equal(twice.status(), 409)
      await proposeDialog.getByText('该企业已被推荐为本行业样本').waitFor()
      await proposeDialog.getByRole('button', { name: '取消' }).click()
      await shot(page, 'samples')
    })

    await step('deliberation-recorded', async () => {
      await page.getByTestId('sample-tabs').getByRole('tab', { name: /^专家审议/ }).click()
      await page.getByTestId('deliberation-new').click()
      const d = page.getByTestId('deliberation-dialog')
      await typeDate(page, d, 'deliberation-held-on', today)
      const expertInput = d.getByTestId('deliberation-experts')
      for (const x of experts.slice(0, 2)) {
        await expertInput.fill(x)
        await expertInput.press('Enter')
      }
      await d.getByTestId('deliberation-minutes').fill('专家组审阅推荐材料，确定一家为样本，另一家不具备复制推广条件。')
      // Two experts are not enough; caught before sending.
      await d.getByTestId('deliberation-submit').click()
      await d.getByText('专家审议应有至少3位专家').waitFor()
      await expertInput.fill(experts[2])
      await expertInput.press('Enter')
      // The sample with a criterion unmet cannot be selected.
      const weakChoice = d.getByTestId(`deliberation-decision-${weakSample}`)
      assert.ok(await weakChoice.getByRole('radio', { name: '确定为样本' }).isDisabled())
      await d.getByTestId(`deliberation-decision-${goodSample}`).getByText('确定为样本').click()
      await weakChoice.getByText('未入选').click()
      await d.getByTestId('deliberation-submit').click()
      await d.getByText(`未入选须写明理由：${weak.name}`).waitFor()
      await d.getByTestId(`deliberation-reason-${weakSample}`).fill('样本不易复制推广')
      await shot(page, 'deliberation-form')
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/sample-deliberations$/)),
        d.getByTestId('deliberation-submit').click(),
      ])
      assert.equal(response.status(), 201, await response.text())
      const sent = response.request().postDataJSON()
      assert.deepEqual(sent.experts, experts)
      assert.equal(sent.held_on, today)
      assert.deepEqual(
        sent.decisions.filter((x) => [goodSample, weakSample].includes(x.sample_id)),
        [{ sample_id: goodSample, decision: 'selected' }, { sample_id: weakSample, decision: 'rejected', reason: '样本不易复制推广' }],
      )
      const record = page.getByTestId('deliberation').filter({ hasText: experts[0] })
      await record.getByTestId('deliberation-decided').filter({ hasText: good.name }).getByText('已确定为样本').waitFor()
      await record.getByTestId('deliberation-decided').filter({ hasText: weak.name }).getByText('未入选').waitFor()
      await page.getByTestId('sample-tabs').getByRole('tab', { name: /^样本企业/ }).click()
      await sampleRow(good).getByTestId('sample-status').getByText('已确定为样本').waitFor()
      assert.equal(await sampleRow(weak).getByTestId('sample-reason').innerText(), '样本不易复制推广')
      await shot(page, 'deliberations')
    })

    await step('demand-list-drafted-and-confirmed', async () => {
      await page.getByTestId('sample-tabs').getByRole('tab', { name: /^需求清单/ }).click()
      await page.getByTestId('demand-draft-new').click()
      const d = page.getByTestId('demand-draft-dialog')
      await d.waitFor()
      // The draft starts from the latest version's scenarios (or one empty row).
      const names = d.getByTestId('demand-item-name')
      if (latest) {
        assert.equal(await names.count(), latest.items.length)
        assert.equal(await names.first().inputValue(), latest.items[0].name)
        await d.getByTestId('demand-item-add').click()
      }
      const rows = d.getByTestId('demand-draft-items').locator('tbody tr')
      await names.last().fill(nScenario)
      await pick(page, rows.last(), 'demand-item-category', '先进过程控制')
      await d.getByTestId('demand-item-add').click()
      await names.last().fill(xScenario)
      await pick(page, rows.last(), 'demand-item-kind', 'X 个性场景')
      await pick(page, rows.last(), 'demand-item-category', '质量在线检测')
      // An X scenario without its sample is caught before sending.
      await d.getByTestId('demand-draft-submit').click()
      await d.getByText(`个性场景须注明来自哪家样本企业：${xScenario}`).waitFor()
      await pick(page, rows.last(), 'demand-item-samples', good.name)
      await page.keyboard.press('Escape')
      await d.getByTestId('demand-draft-note').fill('新增样本企业的个性场景')
      await shot(page, 'draft-form')
      const [drafted] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/demand-lists$/)),
        d.getByTestId('demand-draft-submit').click(),
      ])
      assert.equal(drafted.status(), 201, await drafted.text())
      const sent = drafted.request().postDataJSON()
      assert.equal(sent.industry, INDUSTRY)
      assert.equal(sent.items.length, (latest?.items.length ?? 0) + 2)
      assert.deepEqual(sent.items.at(-1), { kind: 'X', name: xScenario, category: sent.items.at(-1).category, description: '', samples: [goodSample] })
      const list = await drafted.json()
      assert.equal(list.version, (latest?.version ?? 0) + 1)
      await page.getByTestId('demand-status').getByText('草稿').waitFor()
      assert.equal(await textOf(page, 'demand-version'), `第 ${list.version} 版`)
      const items = page.getByTestId('demand-items')
      await items.getByText(xScenario).waitFor()
      if (latest) {
        assert.equal(await textOf(page, 'demand-changes'), `较第 ${latest.version} 版：新增 2 个`)
        await items.locator('tbody tr').filter({ hasText: nScenario }).getByTestId('demand-item-added').waitFor()
      } else {
        assert.equal(await textOf(page, 'demand-changes'), '首个版本，共 2 个场景')
      }
      assert.equal((await items.locator('tbody tr').filter({ hasText: xScenario }).getByTestId('demand-item-sample').innerText()).trim(), good.name)

      await page.getByTestId('demand-confirm').click()
      const c = page.getByTestId('demand-confirm-dialog')
      await pick(page, c, 'demand-confirm-deliberation', experts[0])
      const [confirmed] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/demand-lists\/\d+\/confirm$/)),
        c.getByTestId('demand-confirm-submit').click(),
      ])
      assert.equal(confirmed.status(), 200, await confirmed.text())
      await page.getByTestId('demand-status').getByText('已确定').waitFor()
      assert.equal(await textOf(page, 'demand-deliberation'), `（${today} 专家审议）`)
      assert.equal(await page.getByTestId('demand-confirm').count(), 0)
      await shot(page, 'demand-list')
    })

    await step('scenarios-in-library', async () => {
      await page.getByTestId('menu-scenarios').click()
      await page.waitForURL(/\/scenarios$/)
      await page.getByTestId('scenario-industries').getByRole('tab', { name: new RegExp(`^${INDUSTRY_NAME}`) }).click()
      await page.locator('[data-testid="scenario-table-N"]:visible').getByTestId('scenario-name').getByText(nScenario, { exact: true }).waitFor()
      await page.locator('[data-testid="scenario-table-X"]:visible').getByTestId('scenario-name').getByText(xScenario, { exact: true }).waitFor()
      await shot(page, 'scenarios')
    })

    await step('dashboard-item-drill', async () => {
      // A 链式 model counts once its 建成 is recorded.
      const chain = await ok(api(admin, 'POST', '/api/v1/chain-models', {
        name: chainName, industry: INDUSTRY, lead_enterprise_id: good.id, scenarios: [nScenario], members: [weak.id],
      }), 201)
      await ok(api(admin, 'POST', `/api/v1/chain-models/${chain.id}/completion`, { on: '2025-11-20', decided_by: '郑州市工业和信息化局', evidence: '建成验收意见' }))
      await page.getByTestId('menu-dashboard').click()
      await page.locator('[data-testid="dashboard"][data-loaded="true"]').waitFor()
      const figure = Number(await textOf(page, `progress-9-${INDUSTRY}-actual`))
      assert.ok(figure >= 1)
      await page.getByTestId(`progress-9-${INDUSTRY}-actual`).click()
      const drawer = page.getByTestId('drill-drawer')
      const list = drawer.locator('[data-testid="drill-items"][data-loading="false"][data-page="1"]')
      await list.waitFor()
      assert.equal(Number(await textOf(page, 'drill-total')), figure)
      assert.match(await list.innerText(), /共 \d+ 项链式模式\s*（与所点数字一致）/)
      const row = list.getByTestId('drill-items-table').locator('tbody tr').filter({ hasText: chainName })
      await row.waitFor()
      assert.match(await row.getByTestId('drill-item-detail').innerText(), new RegExp(`链主 ${good.name} · 链上企业 1 家`))
      assert.equal(await list.getByTestId('drill-items-table').locator('tbody tr').count(), Math.min(figure, 20))
      await shot(page, 'drill')
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })

      // A district officer: products are counted for the whole city only.
      await switchUser(page, 'gongyi')
      await page.locator('[data-testid="dashboard"][data-loaded="true"]').waitFor()
      assert.equal(await textOf(page, 'progress-7-total-actual'), '—（全市统计）')
      assert.match(await textOf(page, 'progress-9-total-actual'), /^\d+$/)
      await shot(page, 'district-dashboard')
    })
  })
})

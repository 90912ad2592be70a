// Browser test: 一企一策 from declaration to 通过, driven as the real users would.
// qiye declares a project with its plan (元 typed, 分 sent; the integrator picked from the 服务商名录 by its credit
// code; no milestone status before 立项), files a diagnosis (its provider picked too) and submits the project; the
// city admin's 立项 is refused with the server's message (no review yet); the admin files zhuanjia's profile
// (郑州大学) and a second expert's whose employer is enterprise 108 itself, organises a review where that expert
// is refused for the conflict of interest (the message shown), then a review with zhuanjia; zhuanjia opens the
// project's plan from the review (a panel member reads what it scores), saves a partial draft, scores (locked on
// 提交) and gives the consensus; the admin approves; qiye uploads and records the contract (服务商让利 shown);
// fuwushang starts; qiye records costs with invoices; fuwushang completes the milestones with evidence; 申请验收 is
// refused naming the missing materials. The remaining acceptance steps (materials, rating, district sign-off, the
// on-site grading at 二级) go through the API; the admin schedules the on-site visit picking the expert, zhuanjia
// passes it, and the page shows 通过 with the whole history.
//
// Uses SHUZHUAN_URL when set (scripts/test.sh, the full demo); run on its own, it starts a server on the bare demo.
// Everything it creates carries a stamp unique to this run; only enterprise 108 (qiye's) gets a new project.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, login, textOf, useServer, withBrowser } from './browser.mjs'
import {
  ENTERPRISE,
  PASSWORD,
  TWO,
  api,
  apiLogin,
  apiUpload,
  isCall,
  move,
  ok,
  openProject,
  pick,
  searchAndPick,
  shooter,
  switchUser,
  tab,
  typeDate,
  upload,
} from './helpers.mjs'

const shot = shooter('projects')

test('一企一策：申报、评审（利益冲突专家被拒绝）、立项、合同、实施、费用、里程碑、验收通过', { timeout: 300_000 }, async (t) => {
  await useServer(t)
  const stamp = Date.now()
  const projectName = `耐材窑炉数字化改造 ${stamp}`
  const admin = await apiLogin('admin')
  const ent = await ok(api(admin, 'GET', `/api/v1/enterprises/${ENTERPRISE}`))
  const zhuanjiaToken = await apiLogin('zhuanjia')
  const zhuanjia = (await ok(api(zhuanjiaToken, 'GET', '/api/v1/auth/me'))).user
  // A second expert account (accounts are set up through the API); its profile is filed in the browser.
  const conflictedName = `冲突专家${stamp % 100000}`
  const conflicted = (await ok(api(await apiLogin('anquan'), 'POST', '/api/v1/users', {
    username: `conflict_${stamp}`, display_name: conflictedName, password: 'Expert#2024pilot', roles: ['expert'],
  }), 201)).user
  // The server's day in Beijing, as the pages' date fields default to it.
  const now = Date.parse((await ok(api(admin, 'GET', '/api/v1/health'))).time)
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)
  const inDays = (n) => new Date(Date.parse(today + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)
  let id = 0

  await withBrowser(t, 'projects', async (page, step) => {
    // Tall enough for a whole page in a screenshot.
    await page.setViewportSize({ width: 1440, height: 1400 })

    await step('declare', async () => {
      await login(page, 'qiye', PASSWORD)
      await page.getByTestId('menu-projects').click()
      await page.waitForURL(/\/projects$/)
      await page.getByTestId('project-table').waitFor()
      await page.getByTestId('project-new').click()
      const d = page.getByTestId('project-declare-dialog')
      await d.getByTestId('project-declare-own-enterprise').waitFor()
      await d.getByTestId('project-declare-name').fill(projectName)
      // The integrator from the provider directory, found by its credit code.
      await d.getByTestId('project-declare-integrator').click()
      await d.getByTestId('project-declare-integrator').locator('input').fill('91410100MA09000015')
      await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '郑州数智工业互联网科技有限公司' }).first().click()
      await d.getByTestId('plan-scenario-name-0').fill('计划排程')
      await d.getByTestId('plan-add-scenario').click()
      await d.getByTestId('plan-scenario-name-1').fill('质量在线检测')
      await d.getByTestId('plan-scenario-kind-1').getByText('X 个性').click()
      await d.getByTestId('plan-product-0').fill('智能排产SaaS')
      await d.getByTestId('plan-budget-item-0').fill('软件')
      await d.getByTestId('plan-budget-yuan-0').fill('600,000')
      await d.getByTestId('plan-add-budget').click()
      await d.getByTestId('plan-budget-item-1').fill('硬件')
      await d.getByTestId('plan-budget-yuan-1').fill('400000.5')
      assert.equal(await textOf(page, 'plan-budget-total'), '1,000,000.50')
      await d.getByTestId('plan-milestone-name-0').fill('系统上线')
      await typeDate(page, d, 'plan-milestone-due-0', inDays(60))
      await d.getByTestId('plan-milestone-deliverable-0').fill('上线报告')
      await d.getByTestId('plan-add-milestone').click()
      await d.getByTestId('plan-milestone-name-1').fill('试运行')
      await typeDate(page, d, 'plan-milestone-due-1', inDays(120))
      await d.getByTestId('plan-milestone-deliverable-1').fill('试运行报告')
      await shot(page, 'declare')
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/projects$/)),
        d.getByTestId('project-declare-submit').click(),
      ])
      assert.equal(response.status(), 201, await response.text())
      const body = response.request().postDataJSON()
      // 元 typed, integer 分 sent.
      assert.deepEqual(body.plan.budget, [{ item: '软件', amount_fen: 60000000 }, { item: '硬件', amount_fen: 40000050 }])
      assert.deepEqual(body.plan.scenarios, [{ name: '计划排程', kind: 'N' }, { name: '质量在线检测', kind: 'X' }])
      assert.equal(body.enterprise_id, ENTERPRISE)
      assert.equal(body.integrator_id, 1)
      id = (await response.json()).id
      await page.waitForURL(new RegExp(`/projects/${id}$`))
      assert.equal(await textOf(page, 'project-state'), '申报')
      assert.equal(await textOf(page, 'project-integrator-name'), '郑州数智工业互联网科技有限公司')
      assert.equal(await textOf(page, 'plan-budget-total-view'), '1,000,000.50')
      // Deadlines run from 立项: no milestone status while the project is declared.
      assert.equal(await textOf(page, 'milestone-status'), '立项后起算')
    })

    await step('diagnosis', async () => {
      await tab(page, '诊断')
      await page.getByTestId('diagnosis-add').click()
      const d = page.getByTestId('diagnosis-dialog')
      await pick(page, d, 'diagnosis-form-provider', '郑州数智工业互联网科技有限公司')
      await d.getByTestId('diagnosis-form-pain-points').fill(`排产靠经验，质量追溯难（${stamp}）`)
      await d.getByTestId('diagnosis-form-scenarios').fill('计划排程、质量管理')
      await d.getByTestId('diagnosis-form-cost').fill('40,000')
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/enterprises\/\d+\/diagnoses$/)),
        d.getByTestId('diagnosis-submit').click(),
      ])
      assert.equal(response.status(), 201, await response.text())
      const body = response.request().postDataJSON()
      assert.equal(body.cost_fen, 4000000)
      assert.deepEqual(body.recommended_scenarios, ['计划排程', '质量管理'])
      const row = page.getByTestId('diagnosis-table').locator('tbody tr').filter({ hasText: String(stamp) })
      assert.equal((await row.getByTestId('diagnosis-cost').innerText()).trim(), '40,000.00')
      await tab(page, '方案')
    })

    await step('submit', async () => {
      const { response } = await move(page, 'submit')
      assert.equal(response.status(), 200)
      await page.getByTestId('project-state').getByText('专家评审', { exact: true }).waitFor()
      // The enterprise has nothing more to do while the experts review.
      await page.getByTestId('project-action-none').waitFor()
      await page.goto(`${BASE_URL}/projects`)
      const row = page.getByTestId('project-table').locator('tbody tr').filter({ hasText: projectName })
      assert.equal((await row.getByTestId('project-state').innerText()).trim(), '专家评审')
      await shot(page, 'list')
    })

    await step('approve-refused', async () => {
      await switchUser(page, 'admin')
      await openProject(page, id)
      const { response, dialog } = await move(page, 'approve')
      assert.equal(response.status(), 409)
      const message = (await response.json()).error.message
      assert.match(message, /评审/)
      // The server's Chinese message, in the dialog.
      assert.equal((await dialog.getByTestId('form-dialog-error').innerText()).trim(), message)
      await shot(page, 'approve-refused')
      await dialog.getByRole('button', { name: '取消' }).click()
      assert.equal(await textOf(page, 'project-state'), '专家评审')
    })

    await step('expert-profiles', async () => {
      await page.getByTestId('menu-admin-experts').click()
      await page.waitForURL(/\/admin\/experts$/)
      await page.getByTestId('expert-table').waitFor()
      const file = async (userText, fill) => {
        await page.getByTestId('expert-add').click()
        const d = page.getByTestId('expert-dialog')
        await searchAndPick(page, d, 'expert-dialog-user', userText)
        await fill(d)
        const [response] = await Promise.all([
          page.waitForResponse(isCall('PUT', /^\/api\/v1\/experts\/\d+$/)),
          d.getByTestId('expert-dialog-submit').click(),
        ])
        assert.equal(response.status(), 200, await response.text())
        await d.waitFor({ state: 'hidden' })
        return response
      }
      const zj = await file('zhuanjia', async (d) => {
        await d.getByTestId('expert-form-employer').fill('郑州大学')
        await d.getByTestId('expert-form-credit-code').fill('')
        await d.getByTestId('expert-form-specialties').fill('智能制造、工业互联网')
      })
      assert.deepEqual(zj.request().postDataJSON().specialties, ['智能制造', '工业互联网'])
      await file(`conflict_${stamp}`, async (d) => {
        await d.getByTestId('expert-form-employer').fill(ent.name)
        await d.getByTestId('expert-form-credit-code').fill(ent.credit_code.toLowerCase())
      })
      const zjRow = page.getByTestId('expert-table').locator('tbody tr').filter({ hasText: zhuanjia.display_name })
      assert.equal((await zjRow.getByTestId('expert-employer').innerText()).trim(), '郑州大学')
      const cRow = page.getByTestId('expert-table').locator('tbody tr').filter({ hasText: conflictedName })
      // Stored upper-cased, as the registry keeps codes.
      assert.equal((await cRow.getByTestId('expert-credit-code').innerText()).trim(), ent.credit_code)
      await shot(page, 'experts')
    })

    await step('review-conflict-refused', async () => {
      await openProject(page, id)
      await tab(page, '专家与评审')
      await page.getByTestId('project-review-create').click()
      const d = page.getByTestId('review-create-dialog')
      await pick(page, d, 'review-create-experts', zhuanjia.display_name, conflictedName)
      await page.keyboard.press('Escape')
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/reviews$/)),
        d.getByTestId('review-create-submit').click(),
      ])
      assert.equal(response.status(), 409)
      const error = d.getByTestId('form-dialog-error')
      await error.waitFor()
      const text = await error.innerText()
      assert.match(text, /利益冲突/)
      assert.match(text, new RegExp(ent.name))
      await shot(page, 'review-conflict')
      await d.getByRole('button', { name: '取消' }).click()
      await d.waitFor({ state: 'hidden' })
    })

    await step('review-organised', async () => {
      await page.getByTestId('project-review-create').click()
      const d = page.getByTestId('review-create-dialog')
      await pick(page, d, 'review-create-experts', zhuanjia.display_name)
      await page.keyboard.press('Escape')
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/reviews$/)),
        d.getByTestId('review-create-submit').click(),
      ])
      assert.equal(response.status(), 201, await response.text())
      assert.deepEqual(response.request().postDataJSON().expert_user_ids, [zhuanjia.id])
      await page.waitForURL(/\/reviews\/\d+$/)
      await page.getByTestId('review-members').waitFor()
      assert.equal(await textOf(page, 'review-member-name'), zhuanjia.display_name)
      assert.equal(await textOf(page, 'review-lead'), zhuanjia.display_name)
      assert.equal(await textOf(page, 'review-member-status'), '待评分')
      assert.match(await textOf(page, 'review-conflict-summary'), /未发现/)
      assert.match(await textOf(page, 'review-subject-name'), new RegExp(String(stamp)))
      await shot(page, 'review-admin')
    })

    await step('score-and-consensus', async () => {
      await switchUser(page, 'zhuanjia')
      await page.getByTestId('menu-reviews').click()
      await page.waitForURL(/\/reviews$/)
      const row = page.getByTestId('review-table').locator('tbody tr').filter({ hasText: projectName })
      await row.getByTestId('review-link').click()
      await page.waitForURL(/\/reviews\/\d+$/)
      const reviewUrl = page.url()
      // The panel reads the project it scores: the review page leads to its plan.
      await page.getByTestId('review-subject-link').click()
      await page.waitForURL(new RegExp(`/projects/${id}\\?tab=plan$`))
      assert.equal(await textOf(page, 'project-my-roles'), '评审专家（只读）')
      await page.getByTestId('plan-current').getByText('质量在线检测').waitFor()
      await page.goto(reviewUrl)
      await page.getByTestId('review-members').waitFor()
      // A draft may be partial.
      const necessity = page.getByTestId('review-score-necessity').locator('input')
      await necessity.fill('18')
      await necessity.blur()
      const [draft] = await Promise.all([
        page.waitForResponse(isCall('PUT', /\/api\/v1\/reviews\/\d+\/score$/)),
        page.getByTestId('review-score-save').click(),
      ])
      assert.equal(draft.status(), 200, await draft.text())
      assert.deepEqual(draft.request().postDataJSON(), { scores: { necessity: 18 }, comment: '', submit: false })
      const scores = { necessity: 18, scenarios: 20, feasibility: 20, budget: 12, benefits: 10 }
      for (const [code, v] of Object.entries(scores)) {
        const input = page.getByTestId(`review-score-${code}`).locator('input')
        await input.fill(String(v))
        await input.blur()
      }
      assert.equal(await textOf(page, 'review-score-total'), '80')
      await page.getByTestId('review-score-comment').fill('痛点清晰，方案可行')
      await shot(page, 'review-score')
      const [response] = await Promise.all([
        page.waitForResponse(isCall('PUT', /\/api\/v1\/reviews\/\d+\/score$/)),
        page.getByTestId('review-score-submit').click(),
      ])
      assert.equal(response.status(), 200, await response.text())
      assert.deepEqual(response.request().postDataJSON(), { scores, comment: '痛点清晰，方案可行', submit: true })
      await page.getByTestId('review-score-locked').waitFor()
      assert.equal(await page.getByTestId('review-score-submit').count(), 0)
      await page.getByTestId('review-consensus-input').fill('同意立项')
      await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/reviews\/\d+\/consensus$/)),
        page.getByTestId('review-consensus-submit').click(),
      ])
      await page.getByTestId('review-state').getByText('已结束', { exact: true }).waitFor()
      assert.equal(await textOf(page, 'review-average'), '80')
      assert.equal(await textOf(page, 'review-consensus-pass'), '通过')
      await shot(page, 'review-closed')
    })

    await step('approve', async () => {
      await switchUser(page, 'admin')
      await openProject(page, id)
      const { response } = await move(page, 'approve')
      assert.equal(response.status(), 200, await response.text())
      await page.getByTestId('project-state').getByText('立项', { exact: true }).waitFor()
      // The supervising expert: the conflicted one is refused, zhuanjia assigned.
      await tab(page, '专家与评审')
      const assign = async (name) => {
        await page.getByTestId('project-expert-assign').click()
        const d = page.getByTestId('project-expert-dialog')
        await pick(page, d, 'project-expert-select', name)
        const [r] = await Promise.all([
          page.waitForResponse(isCall('POST', /\/api\/v1\/projects\/\d+\/experts$/)),
          d.getByTestId('project-expert-submit').click(),
        ])
        return { r, d }
      }
      const refused = await assign(conflictedName)
      assert.equal(refused.r.status(), 409)
      assert.match(await refused.d.getByTestId('form-dialog-error').innerText(), /利益冲突/)
      await refused.d.getByRole('button', { name: '取消' }).click()
      const assigned = await assign(zhuanjia.display_name)
      assert.equal(assigned.r.status(), 204)
      assert.deepEqual(assigned.r.request().postDataJSON(), { user_id: zhuanjia.id, duty: 'supervision' })
      await page.getByTestId('project-experts').getByText(zhuanjia.display_name).waitFor()
    })

    await step('contract', async () => {
      await switchUser(page, 'qiye')
      await openProject(page, id)
      // No contract yet: 开始实施 names what is missing.
      const { response, dialog } = await move(page, 'start')
      assert.equal(response.status(), 409)
      assert.match(await dialog.getByTestId('form-dialog-error').innerText(), /合同/)
      await dialog.getByRole('button', { name: '取消' }).click()
      await tab(page, '合同与费用')
      await page.getByTestId('contract-edit').click()
      const d = page.getByTestId('contract-dialog')
      await d.getByTestId('contract-form-amount').fill('900,000')
      await d.getByTestId('contract-form-catalogue').fill('1000000')
      assert.equal(await textOf(page, 'contract-form-discount'), '100,000.00 元')
      await typeDate(page, d, 'contract-form-signed-on', today)
      await typeDate(page, d, 'contract-form-start-on', today)
      await typeDate(page, d, 'contract-form-end-on', inDays(150))
      const doc = await upload(page, d, 'contract-file', `改造合同-${stamp}.pdf`)
      await shot(page, 'contract-form')
      const [put] = await Promise.all([
        page.waitForResponse(isCall('PUT', /\/api\/v1\/projects\/\d+\/contract$/)),
        d.getByTestId('contract-submit').click(),
      ])
      assert.equal(put.status(), 200, await put.text())
      assert.deepEqual(put.request().postDataJSON(), {
        amount_fen: 90000000, catalogue_price_fen: 100000000, signed_on: today, start_on: today, end_on: inDays(150), document_id: doc,
      })
      await d.waitFor({ state: 'hidden' })
      assert.equal(await textOf(page, 'contract-discount'), '100,000.00 元')
      assert.equal(await textOf(page, 'contract-amount'), '900,000.00 元')
      await page.getByTestId('contract-detail').getByText(`改造合同-${stamp}.pdf`).waitFor()
    })

    await step('start', async () => {
      await switchUser(page, 'fuwushang')
      await openProject(page, id)
      assert.equal(await textOf(page, 'project-my-roles'), '集成服务商')
      const { response } = await move(page, 'start')
      assert.equal(response.status(), 200, await response.text())
      await page.getByTestId('project-state').getByText('实施', { exact: true }).waitFor()
      // Costs are the enterprise's to record.
      await tab(page, '合同与费用')
      assert.equal(await page.getByTestId('cost-add').count(), 0)
    })

    await step('supervision', async () => {
      await switchUser(page, 'zhuanjia')
      await openProject(page, id)
      await tab(page, '监管')
      await page.getByTestId('visit-add').click()
      const d = page.getByTestId('visit-dialog')
      await d.getByTestId('visit-form-findings').fill(`数据采集点位不足（${stamp}）`)
      await typeDate(page, d, 'visit-form-due', today)
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/projects\/\d+\/supervision$/)),
        d.getByTestId('visit-submit').click(),
      ])
      assert.equal(response.status(), 201, await response.text())
      await d.waitFor({ state: 'hidden' })
      assert.equal(await textOf(page, 'visit-status'), '待整改')
      // An open rectification puts the project at risk.
      assert.match(await textOf(page, 'project-risks'), /整改/)
    })

    await step('costs', async () => {
      await switchUser(page, 'qiye')
      await openProject(page, id)
      await tab(page, '监管')
      await page.getByTestId('visit-rectify').click()
      const rd = page.getByTestId('rectify-dialog')
      await rd.getByTestId('rectify-note').fill('已补充采集点位')
      const [rectified] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/rectification$/)),
        rd.getByTestId('rectify-submit').click(),
      ])
      assert.equal(rectified.status(), 204)
      assert.deepEqual(rectified.request().postDataJSON(), { rectified_on: today, note: '已补充采集点位' })
      await page.getByTestId('visit-status').getByText('已整改').waitFor()
      await tab(page, '合同与费用')
      const add = async (item, yuan, fen) => {
        await page.getByTestId('cost-add').click()
        const d = page.getByTestId('cost-dialog')
        await d.getByTestId('cost-form-item').fill(item)
        await d.getByTestId('cost-form-amount').fill(yuan)
        const invoice = await upload(page, d, 'cost-invoice', `发票-${item}-${stamp}.pdf`)
        const [response] = await Promise.all([
          page.waitForResponse(isCall('POST', /\/api\/v1\/projects\/\d+\/costs$/)),
          d.getByTestId('cost-submit').click(),
        ])
        assert.equal(response.status(), 201, await response.text())
        const body = response.request().postDataJSON()
        assert.equal(body.amount_fen, fen)
        assert.equal(body.invoice_document_id, invoice)
        await d.waitFor({ state: 'hidden' })
      }
      await add('软件', '500000', 50000000)
      await add('硬件', '300,000.5', 30000050)
      await page.getByTestId('cost-total').getByText('800,000.50', { exact: true }).waitFor()
      assert.equal(await page.getByTestId('cost-table').locator('tbody tr').count(), 2)
      await shot(page, 'costs')
    })

    await step('milestones', async () => {
      await switchUser(page, 'fuwushang')
      await openProject(page, id)
      const rows = page.getByTestId('plan-current-milestones').locator('tbody tr')
      for (const name of ['系统上线', '试运行']) {
        const row = rows.filter({ hasText: name })
        await row.getByTestId('milestone-complete').click()
        const d = page.getByTestId('milestone-complete-dialog')
        await upload(page, d, 'milestone-evidence', `${name}-${stamp}.pdf`)
        const [response] = await Promise.all([
          page.waitForResponse(isCall('POST', /\/milestones\/\d+\/complete$/)),
          d.getByTestId('milestone-complete-submit').click(),
        ])
        assert.equal(response.status(), 204)
        await d.waitFor({ state: 'hidden' })
        await row.getByTestId('milestone-status').getByText('按期完成').waitFor()
        assert.match(await row.innerText(), new RegExp(`${name}-${stamp}\\.pdf`))
      }
      await shot(page, 'milestones')
    })

    await step('acceptance-refused', async () => {
      await switchUser(page, 'qiye')
      await openProject(page, id)
      const { response, dialog } = await move(page, 'apply_acceptance')
      assert.equal(response.status(), 409)
      const text = await dialog.getByTestId('form-dialog-error').innerText()
      assert.match(text, /验收申请表/)
      await dialog.getByRole('button', { name: '取消' }).click()
      await tab(page, '验收')
      assert.match(await textOf(page, 'missing-materials'), /验收申请表/)
      await shot(page, 'acceptance')
    })

    await step('acceptance-api', async () => {
      const qiye = await apiLogin('qiye')
      const ref = await ok(api(qiye, 'GET', '/api/v1/project-reference'))
      for (const m of ref.materials) {
        const doc = await apiUpload(qiye, id, `${m.name}-${stamp}.pdf`)
        await ok(api(qiye, 'POST', `/api/v1/projects/${id}/materials`, { material: m.code, document_id: doc }), 204)
      }
      await ok(api(qiye, 'PUT', `/api/v1/projects/${id}/rating`, { rating: 5, comment: '响应及时' }), 204)
      await ok(api(qiye, 'PUT', `/api/v1/projects/${id}/outcomes`, { outcomes: [{ indicator: 'inventory_days', before: '40', after: '30' }] }))
      assert.equal((await ok(api(qiye, 'POST', `/api/v1/projects/${id}/transitions`, { action: 'apply_acceptance' }))).state, 'acceptance_applied')
      const xinmi = await apiLogin('xinmi')
      assert.equal((await ok(api(xinmi, 'POST', `/api/v1/projects/${id}/transitions`, { action: 'district_approve' }))).state, 'district_checked')
    })

    await step('schedule-onsite', async () => {
      await switchUser(page, 'admin')
      await openProject(page, id)
      await page.getByTestId('project-action-schedule_onsite').click()
      const d = page.getByTestId('project-action-dialog')
      await pick(page, d, 'project-action-expert', zhuanjia.display_name)
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/transitions$/)),
        d.getByTestId('project-action-confirm').click(),
      ])
      assert.equal(response.status(), 200, await response.text())
      assert.deepEqual(response.request().postDataJSON(), { action: 'schedule_onsite', expert_user_id: zhuanjia.id })
      await page.getByTestId('project-state').getByText('现场验收', { exact: true }).waitFor()
    })

    await step('onsite-pass', async () => {
      // The on-site grading at 二级 by the assigned expert (the assessment pages have their own test).
      const a = await ok(api(zhuanjiaToken, 'POST', `/api/v1/enterprises/${ENTERPRISE}/assessments`, { kind: 'onsite' }), 201)
      await ok(api(zhuanjiaToken, 'PUT', `/api/v1/assessments/${a.id}`, TWO))
      await ok(api(zhuanjiaToken, 'POST', `/api/v1/assessments/${a.id}/submit`))
      await switchUser(page, 'zhuanjia')
      await openProject(page, id)
      assert.equal(await textOf(page, 'project-my-roles'), '指派的专家')
      const { response } = await move(page, 'pass')
      assert.equal(response.status(), 200, await response.text())
      await page.getByTestId('project-state').getByText('通过', { exact: true }).waitFor()
    })

    await step('passed', async () => {
      await switchUser(page, 'qiye')
      await openProject(page, id)
      assert.equal(await textOf(page, 'project-state'), '通过')
      await tab(page, '流转记录')
      const events = (await page.getByTestId('project-event').allInnerTexts()).map((s) => s.trim())
      assert.deepEqual(events.reverse(), [
        '申报',
        '申报 → 专家评审',
        '专家评审 → 立项',
        '立项 → 实施',
        '实施 → 验收申请',
        '验收申请 → 区县审核',
        '区县审核 → 现场验收',
        '现场验收 → 通过',
      ])
      await tab(page, '成效')
      assert.equal(await textOf(page, 'outcome-improvement-inventory_days'), '+25%')
      await tab(page, '验收')
      await page.getByTestId('materials-complete').waitFor()
      await shot(page, 'passed')
    })
  })
})

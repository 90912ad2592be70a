// Browser test: 终止项目. Two projects of qiye's enterprise of this run's own, through the API: one just declared (申报),
// one submitted and under an open review round (专家评审). The city admin opens the declared one: the server offers 终止
// 项目, the dialog asks for the reason (refused empty, in the form), and the project then shows 终止 — in its page, in
// its 流转记录 with the reason, and in the list filtered to 终止 (the filter's option comes from the server's states).
// The reviewed one, terminated through the API, shows its round 已撤销（项目终止） on its 专家与评审 tab.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { textOf, useServer, withBrowser } from './browser.mjs'
import { ENTERPRISE, api, apiLogin, expertZhuanjia, isCall, ok, openProject, pick, serverToday, shooter, switchUser, tab } from './helpers.mjs'

const shot = shooter('termination')

async function declared(qiye, name) {
  const { inDays } = await serverToday(qiye)
  const providerId = (await ok(api(await apiLogin('fuwushang'), 'GET', '/api/v1/auth/me'))).user.provider_id
  return ok(api(qiye, 'POST', '/api/v1/projects', {
    enterprise_id: ENTERPRISE, name, integrator_id: providerId,
    plan: {
      scenarios: [{ name: '计划排程', kind: 'N' }],
      products: ['智能排产SaaS'],
      budget: [{ item: '软件', amount_fen: 10000000 }],
      milestones: [{ name: '系统上线', due_on: inDays(90), deliverable: '上线报告' }],
    },
  }), 201)
}

test('终止项目：市级管理员书面说明理由终止申报中的项目，项目显示“终止”；评审中的项目终止后评审显示“已撤销（项目终止）”', { timeout: 180_000 }, async (t) => {
  await useServer(t)
  const admin = await apiLogin('admin')
  const qiye = await apiLogin('qiye')
  const short = Date.now().toString(36).slice(-5)
  const name = `车间改造（拟终止）-${short}`
  const project = await declared(qiye, name)
  assert.equal(project.state, 'declared')

  // A second one under review, then terminated: its open round is cancelled.
  const reviewed = await declared(qiye, `质量系统改造（评审中终止）-${short}`)
  await ok(api(qiye, 'POST', `/api/v1/projects/${reviewed.id}/transitions`, { action: 'submit' }))
  const zhuanjia = await expertZhuanjia()
  await ok(api(admin, 'POST', '/api/v1/reviews', { subject_type: 'project', subject_id: reviewed.id, expert_user_ids: [zhuanjia.id] }), 201)
  await ok(api(admin, 'POST', `/api/v1/projects/${reviewed.id}/transitions`, { action: 'terminate', reason: '企业申请撤回' }))

  await withBrowser(t, 'termination', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1000 })

    await step('admin-terminates', async () => {
      await switchUser(page, 'admin')
      await openProject(page, project.id)
      assert.equal(await textOf(page, 'project-state'), '申报')
      await page.getByTestId('project-action-terminate').click()
      const d = page.getByTestId('project-action-reason-dialog')
      await d.waitFor()
      assert.match(await d.innerText(), /终止原因/)
      // The reason is required.
      await d.getByTestId('project-action-reason-submit').click()
      await d.getByText('请填写终止原因').waitFor()
      await d.getByTestId('project-action-reason').fill('企业经营调整，放弃本次改造')
      const [response] = await Promise.all([
        page.waitForResponse(isCall('POST', /\/api\/v1\/projects\/\d+\/transitions$/)),
        d.getByTestId('project-action-reason-submit').click(),
      ])
      assert.equal(response.status(), 200, await response.text())
      assert.deepEqual(response.request().postDataJSON(), { action: 'terminate', reason: '企业经营调整，放弃本次改造' })
      await page.getByTestId('project-state').getByText('终止', { exact: true }).waitFor()
      // Nothing more to do on a terminated project.
      assert.equal(await page.getByTestId('project-action-terminate').count(), 0)
      await tab(page, '流转记录')
      await page.getByText('企业经营调整，放弃本次改造').first().waitFor()
      await shot(page, 'terminated')
    })

    await step('listed-as-terminated', async () => {
      await page.getByTestId('menu-projects').click()
      await page.waitForURL(/\/projects$/)
      await pick(page, page, 'project-filter-state', '终止')
      await page.waitForURL(/state=terminated/)
      const row = page.locator('tbody tr').filter({ hasText: name })
      await row.waitFor()
      assert.equal(await textOf(row, 'project-state'), '终止')
      for (const s of await page.getByTestId('project-state').allInnerTexts()) assert.equal(s.trim(), '终止')
      await shot(page, 'list')
    })

    await step('review-cancelled', async () => {
      await openProject(page, reviewed.id)
      assert.equal(await textOf(page, 'project-state'), '终止')
      await tab(page, '专家与评审')
      await page.getByTestId('review-state').getByText('已撤销（项目终止）', { exact: true }).waitFor()
      await shot(page, 'review-cancelled')
    })
  })
})

// Browser test: 专家委员会评定 of N+X scenarios. Two 耐火材料 scenarios of this run's own (through the API), neither
// judged yet (未评定, their usage shown). The city admin records a sitting in the browser: with two experts it is
// refused in the form (at least three), a rejection without its reason likewise; then three experts (typed), the
// minutes, one scenario 评定为可复制可推广 and the other 未评定 with its reason — the body sent is exactly that. The
// chosen scenario then shows the day it was judged, the other still 未评定, and the sitting is listed with its experts,
// minutes, and each decision with the usage it was shown. The threshold of old ("3 家") is gone from the page.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, isCall, ok, serverToday, shooter, switchUser, typeDate } from './helpers.mjs'

const shot = shooter('scenario_selection')

test('N+X 场景库：专家委员会评定场景为可复制可推广（不少于3名专家、纪要、未评定须写理由），场景显示评定日期，评定记录列出纪要与当时的应用情况', { timeout: 180_000 }, async (t) => {
  await useServer(t)
  const admin = await apiLogin('admin')
  const { inDays } = await serverToday(admin)
  const short = Date.now().toString(36).slice(-5)
  const chosenName = `窑炉能耗优化-${short}`
  const otherName = `原料配比优化-${short}`
  const chosen = await ok(api(admin, 'POST', '/api/v1/scenarios', { industry: 'refractories', kind: 'X', name: chosenName, category: 'scheduling' }), 201)
  const other = await ok(api(admin, 'POST', '/api/v1/scenarios', { industry: 'refractories', kind: 'X', name: otherName, category: 'quality' }), 201)
  const heldOn = inDays(-2)

  await withBrowser(t, 'scenario_selection', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1000 })
    const row = (name) => page.locator('[data-testid="scenario-table-X"]:visible tbody tr').filter({ has: page.getByTestId('scenario-name').getByText(name, { exact: true }) })

    await step('not-yet-judged', async () => {
      await switchUser(page, 'admin')
      await page.getByTestId('menu-scenarios').click()
      await page.waitForURL(/\/scenarios$/)
      await page.getByTestId('scenario-industries').getByRole('tab', { name: /^耐火材料/ }).click()
      await row(chosenName).waitFor()
      assert.equal(await textOf(row(chosenName), 'scenario-not-replicable'), '未评定')
      assert.equal(await textOf(row(chosenName), 'scenario-usage'), '0 / 0')
      assert.doesNotMatch(await page.getByTestId('scenario-industries').innerText(), /\d+\/3 家/)
    })

    await step('committee-sitting', async () => {
      await page.getByTestId('scenario-select-open-refractories').click()
      const d = page.getByTestId('scenario-selection-dialog')
      await d.waitFor()
      await typeDate(page, d, 'scenario-selection-held-on-input', heldOn)
      const experts = d.getByTestId('scenario-selection-experts-input')
      const addExpert = async (name) => {
        await experts.locator('input').fill(name)
        await page.keyboard.press('Enter')
        await experts.getByText(name, { exact: true }).waitFor()
      }
      await experts.click()
      await addExpert('李振华')
      await addExpert('周敏')
      await page.keyboard.press('Escape')
      await d.getByTestId('scenario-selection-minutes-input').fill('专家委员会审阅两个场景在试点中的应用情况：前者评定为可复制可推广，后者应用尚少。')
      const decide = (id, text) => d.getByTestId(`scenario-decision-${id}`).getByText(text, { exact: true }).click()
      await decide(chosen.id, '评定为可复制可推广')
      await decide(other.id, '未评定')

      // Checked in the form before anything is sent: three experts, and a reason for the rejection.
      let posted = 0
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/scenario-selections') posted++
      })
      await d.getByTestId('scenario-selection-submit').click()
      await d.getByText('专家委员会评定须有不少于 3 名专家（现有 2 名）').waitFor()
      await d.getByText(`未评定的场景须写明理由：${otherName}`).waitFor()
      assert.equal(posted, 0)

      await experts.click()
      await addExpert('王建国')
      await page.keyboard.press('Escape')
      await d.getByTestId(`scenario-reason-${other.id}`).fill('应用企业尚少，下次审议再议')
      const [saved] = await Promise.all([
        page.waitForResponse(isCall('POST', /^\/api\/v1\/scenario-selections$/)),
        d.getByTestId('scenario-selection-submit').click(),
      ])
      assert.equal(saved.status(), 201, await saved.text())
      const body = saved.request().postDataJSON()
      assert.deepEqual({ ...body, decisions: body.decisions.filter((x) => [chosen.id, other.id].includes(x.scenario_id)) }, {
        industry: 'refractories',
        held_on: heldOn,
        experts: ['李振华', '周敏', '王建国'],
        minutes: '专家委员会审阅两个场景在试点中的应用情况：前者评定为可复制可推广，后者应用尚少。',
        decisions: [
          { scenario_id: chosen.id, decision: 'selected' },
          { scenario_id: other.id, decision: 'rejected', reason: '应用企业尚少，下次审议再议' },
        ],
      })
      // Only the two scenarios decided on were sent.
      assert.equal(body.decisions.length, 2)
      await d.waitFor({ state: 'hidden' })
    })

    await step('judged-and-listed', async () => {
      await row(chosenName).getByTestId('scenario-replicable-on').getByText(heldOn, { exact: true }).waitFor()
      assert.equal(await textOf(row(chosenName), 'scenario-replicable'), '已评定')
      assert.equal(await textOf(row(otherName), 'scenario-not-replicable'), '未评定')
      const sitting = page.locator('[data-testid="scenario-selection"]:visible').filter({ hasText: chosenName })
      await sitting.waitFor()
      assert.equal(await textOf(sitting, 'scenario-selection-held-on'), heldOn)
      assert.equal(await textOf(sitting, 'scenario-selection-experts'), '李振华、周敏、王建国')
      assert.match(await textOf(sitting, 'scenario-selection-minutes'), /前者评定为可复制可推广/)
      const item = (name) => sitting.getByTestId('scenario-selection-items').locator('tbody tr').filter({ hasText: name })
      assert.equal(await textOf(item(chosenName), 'scenario-selection-decision'), '评定为可复制可推广')
      assert.equal(await textOf(item(otherName), 'scenario-selection-decision'), '未评定')
      assert.match(await item(otherName).innerText(), /应用企业尚少，下次审议再议/)
      assert.equal(await textOf(item(chosenName), 'scenario-selection-usage'), '应用项目 0 个、验收通过企业 0 家')
      await shot(page, 'selected')
      // A scenario judged so is not offered again.
      await page.getByTestId('scenario-select-open-refractories').click()
      const d = page.getByTestId('scenario-selection-dialog')
      await d.getByTestId('scenario-selection-table').getByText(otherName, { exact: true }).waitFor()
      assert.equal(await d.getByTestId('scenario-selection-table').getByText(chosenName, { exact: true }).count(), 0)
      await d.getByRole('button', { name: '取消' }).click()
    })
  })
})

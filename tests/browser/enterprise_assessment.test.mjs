// Browser test: an enterprise user fills in a 数字化水平 self-assessment — the live score and level follow the
// answers, the draft is saved and resumed after a reload, submitted (then read-only), and shows in the history;
// two records are compared.
//
// Needs a running server with the demo data (the harness starts it): SHUZHUAN_URL=... node --test tests/browser/
// Only enterprise 108 (qiye's) is touched, and only assessments this test creates are looked at, so the other
// browser tests sharing the server do not matter.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { login, textOf, withBrowser } from './browser.mjs'

const QIYE = { username: 'qiye', password: 'Demo@2024' }

// Enough for 二级: 47 points and 6 scenes at level 2, 3 of them 约束性 (产品设计, 营销管理, 质量管理).
const ANSWERS = { 5: 'E', 8: 'F', 11: 'E', 12: 'C', 13: 'C', 14: 'C', 15: 'C', 1: 'B' }
const SCENES = ['产品设计', '营销管理', '质量管理', '工艺设计', '售后服务', '计划排程']

function isChecked(locator) {
  return locator.evaluate((el) => el.classList.contains('is-checked') || el.classList.contains('is-active'))
}

async function waitForText(page, testId, pattern) {
  await page.getByTestId(testId).filter({ hasText: pattern }).first().waitFor()
}

async function waitForQuestionnaire(page) {
  await page.locator('[data-testid="assessment-page"][data-loaded="true"]').waitFor()
}

function historyRow(page, id) {
  return page
    .getByTestId('assessment-history-table')
    .locator('tbody tr')
    .filter({ has: page.locator(`a[href="/assessments/${id}"]`) })
}

async function createSelfAssessment(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => /\/api\/v1\/enterprises\/108\/assessments$/.test(r.url()) && r.request().method() === 'POST'),
    page.getByTestId('assessment-new-self').click(),
  ])
  assert.equal(response.status(), 201)
  const { id } = await response.json()
  await page.waitForURL(new RegExp(`/assessments/${id}$`))
  await waitForQuestionnaire(page)
  return id
}

test('企业用户填写数字化水平自评：实时得分、保存草稿、续填、提交与历史记录', { timeout: 120_000 }, async (t) => {
  await withBrowser(t, 'enterprise_assessment', async (page, step) => {
    let id = 0

    await step('open', async () => {
      await login(page, QIYE.username, QIYE.password)
      await page.getByTestId('menu-my-assessments').click()
      await page.waitForURL(/\/my\/assessments$/)
      await page.locator('[data-testid="assessment-history"][data-loaded="true"]').waitFor()
      id = await createSelfAssessment(page)
      assert.equal(await textOf(page, 'assessment-status'), '草稿')
      assert.equal(await textOf(page, 'assessment-kind'), '自评')
      assert.equal(await textOf(page, 'live-score'), '0')
      assert.match(await textOf(page, 'live-level'), /未达一级/)
      // 15 questions in three dimensions and 16 scenes, all from the model.
      assert.equal(await page.locator('[data-testid^="question-"][data-testid$="-points"]').count(), 15)
      assert.equal(await page.getByTestId('scenes').locator('.el-radio-group').count(), 16)
    })

    await step('none option', async () => {
      // 无 excludes the other options of a multiple choice, both ways.
      await page.getByTestId('option-1-A').click()
      await page.getByTestId('option-1-B').click()
      assert.equal(await isChecked(page.getByTestId('option-1-A')), false)
      assert.equal(await isChecked(page.getByTestId('option-1-B')), true)
      await page.getByTestId('option-1-A').click()
      assert.equal(await isChecked(page.getByTestId('option-1-B')), false)
      await page.getByTestId('option-1-B').click()
      assert.equal(await isChecked(page.getByTestId('option-1-A')), false)
    })

    await step('answer', async () => {
      for (const [no, letter] of Object.entries(ANSWERS)) {
        if (no !== '1') await page.getByTestId(`option-${no}-${letter}`).click()
      }
      for (const scene of SCENES) await page.getByTestId(`scene-${scene}-2`).click()
      await waitForText(page, 'live-score', /^47$/)
      await waitForText(page, 'live-level', /二级/)
      assert.match(await textOf(page, 'live-explanation'), /二级/)
      assert.match(await textOf(page, 'live-dim-成效'), /20\s*\/\s*20/)
      assert.match(await textOf(page, 'question-5-points'), /得分 10/)
      assert.equal(await textOf(page, 'assessment-save-state'), '有未保存的修改')
    })

    await step('save and resume', async () => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/assessments/${id}`) && r.request().method() === 'PUT'),
        page.getByTestId('assessment-save').click(),
      ])
      assert.equal(response.status(), 200)
      const body = response.request().postDataJSON()
      assert.deepEqual(body.answers['1'], ['B'])
      assert.equal(Object.keys(body.scenes).length, 6)
      await waitForText(page, 'assessment-save-state', /已保存/)

      await page.reload({ waitUntil: 'domcontentloaded' })
      await waitForQuestionnaire(page)
      for (const [no, letter] of Object.entries(ANSWERS)) {
        assert.equal(await isChecked(page.getByTestId(`option-${no}-${letter}`)), true, `Q${no} ${letter}`)
      }
      for (const scene of SCENES) assert.equal(await isChecked(page.getByTestId(`scene-${scene}-2`)), true, scene)
      await waitForText(page, 'live-score', /^47$/)
      await waitForText(page, 'live-level', /二级/)
    })

    await step('submit', async () => {
      await page.getByTestId('assessment-submit').click()
      const box = page.locator('.el-message-box')
      await box.waitFor()
      assert.match(await box.innerText(), /锁定/)
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/assessments/${id}/submit`)),
        box.getByRole('button', { name: '确定提交' }).click(),
      ])
      assert.equal(response.status(), 200)
      await waitForText(page, 'assessment-status', /已提交/)
      await page.getByTestId('assessment-locked').waitFor()
      assert.equal(await page.getByTestId('assessment-save').count(), 0)
      assert.equal(await page.getByTestId('option-2-B').locator('input').isDisabled(), true)
    })

    await step('history', async () => {
      await page.getByTestId('assessment-back').click()
      await page.waitForURL(/\/my\/assessments$/)
      const row = historyRow(page, id)
      await row.waitFor()
      assert.equal((await row.getByTestId('history-status').innerText()).trim(), '已提交')
      assert.equal((await row.getByTestId('history-level').innerText()).trim(), '二级')
      assert.equal((await row.getByTestId('history-score').innerText()).trim(), '47')
      assert.match((await row.getByTestId('history-submitted').innerText()).trim(), /^\d{4}-\d{2}-\d{2} /)
      await waitForText(page, 'assessments-current-level', /二级/)
    })

    await step('compare', async () => {
      // A second, empty draft against the submitted one: every answered question and rated scene changed.
      const second = await createSelfAssessment(page)
      await page.getByTestId('assessment-back').click()
      await page.waitForURL(/\/my\/assessments$/)
      for (const rowId of [id, second]) {
        const row = historyRow(page, rowId)
        await row.waitFor()
        await row.locator('.el-checkbox').click()
      }
      await page.getByTestId('assessment-compare').click()
      await page.waitForURL(new RegExp(`/assessments/compare\\?a=${id}&b=${second}$`))
      await page.getByTestId('compare-questions').locator('tbody tr').first().waitFor()
      assert.equal((await page.getByTestId('compare-side-A').getByTestId('compare-score').innerText()).trim(), '47')
      assert.equal((await page.getByTestId('compare-side-B').getByTestId('compare-score').innerText()).trim(), '0')
      assert.match(await page.getByTestId('compare-side-A').getByTestId('compare-level').innerText(), /二级/)
      assert.equal(await page.getByTestId('compare-questions').locator('tbody tr.changed-row').count(), 8)
      assert.equal(await page.getByTestId('compare-scenes').locator('tbody tr.changed-row').count(), 6)
    })
  })
})

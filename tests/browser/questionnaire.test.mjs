// Browser test: the 评测问卷 shows the questionnaire as served, with no provenance. qiye opens a fresh self-assessment:
// the model's title and version are shown, the notes kept with the model about where its texts were transcribed
// from (第三方 tools, not yet checked against the official text — the model's provenance, which the API carries) are
// not, nor are any question notes; every scene shows all its level descriptions in full, as the model gives them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, textOf, useServer, withBrowser } from './browser.mjs'
import { ENTERPRISE, api, apiLogin, ok, shooter, switchUser } from './helpers.mjs'

const shot = shooter('questionnaire')

test('评测问卷：不显示第三方工具与未核对的转录说明，场景各级描述完整显示', { timeout: 120_000 }, async (t) => {
  await useServer(t)
  const qiye = await apiLogin('qiye')
  const assessment = await ok(api(qiye, 'POST', `/api/v1/enterprises/${ENTERPRISE}/assessments`, { kind: 'self' }), 201)
  const model = await ok(api(qiye, 'GET', `/api/v1/assessment-models/${assessment.model_version}`))
  // The API carries the provenance for those who keep the model; the page must not show it.
  const provenance = JSON.stringify(model.provenance ?? {}) + (model.source ?? '') + JSON.stringify(model.scene_notes ?? [])
  assert.match(provenance, /第三方/)

  await withBrowser(t, 'questionnaire', async (page, step) => {
    await page.setViewportSize({ width: 1440, height: 1000 })

    await step('no-provenance', async () => {
      await switchUser(page, 'qiye')
      await page.goto(`${BASE_URL}/assessments/${assessment.id}`)
      await page.getByTestId('scenes').waitFor()
      await page.getByTestId(`question-${model.questions.at(-1).no}`).waitFor()
      assert.equal(await textOf(page, 'assessment-model'), `${model.title}（评测模型 ${model.version}）`)
      const text = await page.locator('main').innerText()
      for (const word of ['第三方', '未与官方', '未核实', '转录', '公开工具', 'questionnaireId', 'sceneType'])
        assert.ok(!text.includes(word), `the page shows provenance: “${word}”`)
      for (const q of model.questions) {
        if (q.note) assert.ok(!text.includes(q.note), `question ${q.no}'s note is shown`)
        if (q.guidance) assert.ok(!text.includes(q.guidance), `question ${q.no}'s guidance is shown`)
      }
      await shot(page, 'questionnaire')
    })

    await step('scene-levels-in-full', async () => {
      for (const scene of model.scenes) {
        const levels = page.getByTestId(`scene-${scene.name}-levels`).locator('li')
        assert.equal(await levels.count(), scene.levels.length, scene.name)
        for (let i = 0; i < scene.levels.length; i++) {
          const shown = (await levels.nth(i).innerText()).trim()
          assert.ok(shown.endsWith(scene.levels[i]), `${scene.name} level ${i + 1}: ${shown}`)
          assert.ok(await levels.nth(i).isVisible())
        }
      }
    })
  })
})

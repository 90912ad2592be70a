// Browser test: 资料 — an enterprise user uploads a file to its own record (enterprise drawer, 资料 tab): the server
// recognises a PDF by its content, a second upload with the same name becomes version 2, and a text file named
// .pdf is refused with the server's message; then attaches 证明材料 to question 1 of a new self-assessment draft.
//
// Needs a running server with the demo data: SHUZHUAN_URL=... node --test tests/browser/
// Only enterprise 108 (qiye's) is touched, with a file name unique to this run, and only the draft this test creates.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { login, textOf, withBrowser } from './browser.mjs'

const QIYE = { username: 'qiye', password: 'Demo@2024' }
const ENTERPRISE_CREDIT_CODE = '91410183MA0000108G'

function pdf(text) {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`)
}

function isUpload(r) {
  return /\/api\/v1\/documents\?/.test(r.url()) && r.request().method() === 'POST'
}

// Chooses a file in the hidden input behind testid and waits for the upload's answer.
async function upload(page, testid, file) {
  const [response] = await Promise.all([
    page.waitForResponse(isUpload),
    page.getByTestId(testid).setInputFiles(file),
  ])
  return response
}

test('资料上传：企业资料的版本与类型识别、评测题目的证明材料', { timeout: 120_000 }, async (t) => {
  await withBrowser(t, 'documents', async (page, step) => {
    const name = `资料-${Date.now()}.pdf`
    const drawer = page.getByTestId('enterprise-drawer')
    const row = () => drawer.getByTestId('document-table').locator('tbody tr').filter({ has: page.getByText(name, { exact: true }) })

    await step('open enterprise documents', async () => {
      await login(page, QIYE.username, QIYE.password)
      await page.getByTestId('menu-enterprises').click()
      await page.waitForURL(/\/enterprises$/)
      // An enterprise user sees its own enterprise only.
      await page.getByTestId('enterprise-name').first().click()
      await page.getByTestId('enterprise-detail').waitFor()
      assert.equal(await textOf(page, 'detail-credit-code'), ENTERPRISE_CREDIT_CODE)
      await drawer.getByRole('tab', { name: '资料' }).click()
      await drawer.locator('[data-testid="document-list"][data-loaded="true"]').waitFor()
      await drawer.getByTestId('document-upload-button').waitFor()
    })

    await step('upload pdf', async () => {
      await drawer.getByTestId('document-upload-note').fill('营业执照扫描件')
      const response = await upload(page, 'document-upload-input', { name, mimeType: 'application/pdf', buffer: pdf('first') })
      assert.equal(response.status(), 201)
      const doc = await response.json()
      assert.equal(doc.version, 1)
      assert.equal(doc.type_label, 'PDF 文档')
      await row().waitFor()
      assert.equal((await row().getByTestId('document-type').innerText()).trim(), 'PDF 文档')
      assert.equal((await row().getByTestId('document-version').innerText()).trim(), '第 1 版')
      assert.match(await row().innerText(), /营业执照扫描件/)
      // The hashes reviewers check, in short form on the row.
      assert.match(await row().getByTestId('document-hash').innerText(), new RegExp(`SHA-256 ${doc.sha256.slice(0, 12)}`))
      assert.equal(await row().getByTestId('document-download').getAttribute('href'), doc.download_url)
      // The link downloads the bytes uploaded (the session cookie is enough).
      const head = await page.evaluate(async (url) => {
        const r = await fetch(url, { credentials: 'same-origin' })
        return `${r.status} ${(await r.text()).slice(0, 8)}`
      }, doc.download_url)
      assert.equal(head, '200 %PDF-1.4')
    })

    await step('second version', async () => {
      const response = await upload(page, 'document-upload-input', { name, mimeType: 'application/pdf', buffer: pdf('second') })
      assert.equal(response.status(), 201)
      assert.equal((await response.json()).version, 2)
      await row().getByTestId('document-version').filter({ hasText: '第 2 版' }).waitFor()
      assert.equal(await row().count(), 1, 'one row per file name')
      // 历史版本 shows both versions with their full hashes.
      await row().getByTestId('document-history').click()
      const versions = drawer.getByTestId('document-versions').filter({ hasText: name })
      await versions.waitFor()
      assert.equal(await versions.getByTestId('document-version-row').count(), 2)
      assert.match(await versions.innerText(), /第 2 版[\s\S]*第 1 版/)
      assert.match(await versions.innerText(), /SM3\s+[0-9a-f]{64}/)
    })

    await step('refused type', async () => {
      const response = await upload(page, 'document-upload-input', {
        name: 'fake.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('hello'),
      })
      assert.equal(response.status(), 422)
      const message = (await response.json()).error.message
      assert.ok(message, 'the server gives a message')
      const error = drawer.getByTestId('document-upload-error')
      await error.waitFor()
      assert.match(await error.innerText(), new RegExp(message.slice(0, 10).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      assert.equal(await drawer.getByTestId('document-table').locator('tbody tr').filter({ hasText: 'fake.pdf' }).count(), 0)
    })

    await step('question evidence', async () => {
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })
      await page.getByTestId('menu-my-assessments').click()
      await page.waitForURL(/\/my\/assessments$/)
      await page.locator('[data-testid="assessment-history"][data-loaded="true"]').waitFor()
      const [created] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/enterprises\/108\/assessments$/.test(r.url()) && r.request().method() === 'POST'),
        page.getByTestId('assessment-new-self').click(),
      ])
      assert.equal(created.status(), 201)
      const { id } = await created.json()
      await page.waitForURL(new RegExp(`/assessments/${id}$`))
      await page.locator('[data-testid="assessment-page"][data-loaded="true"]').waitFor()
      const evidence = page.getByTestId('evidence-1')
      await evidence.getByTestId('evidence-1-upload-button').waitFor()
      assert.equal(await page.getByTestId('evidence-1-item').count(), 0)

      const file = `证明-${Date.now()}.pdf`
      const response = await upload(page, 'evidence-1-upload-input', { name: file, mimeType: 'application/pdf', buffer: pdf('evidence') })
      assert.equal(response.status(), 201)
      const doc = await response.json()
      assert.equal(doc.entity_type, 'assessment')
      assert.equal(String(doc.entity_id), String(id))
      assert.equal(doc.note, '第1题')
      const item = page.getByTestId('evidence-1-item').filter({ hasText: file })
      await item.waitFor()
      assert.match(await item.innerText(), /PDF 文档/)
      // Listed under question 1 only.
      assert.equal(await page.getByTestId('evidence-2-item').count(), 0)

      // Still there after a reload (read back from the server).
      await page.reload()
      await page.locator('[data-testid="assessment-page"][data-loaded="true"]').waitFor()
      await page.getByTestId('evidence-1-item').filter({ hasText: file }).waitFor()
    })
  })
})

// What the 一企一策 and 补助 browser tests share: the API (for accounts and the steps a test does not drive in the
// browser), a project brought to 通过 through the API, and page helpers (Element Plus selects and date pickers,
// uploads, switching users, a project's tabs and moves, screenshots for a person to look at).
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { BASE_URL, login } from './browser.mjs'

export const PASSWORD = 'Demo@2024'
// qiye's enterprise, in 新密 (xinmi's district).
export const ENTERPRISE = 108
// The 二级 on-site grading of tests/api/projects.test.mjs.
export const TWO = {
  answers: { 1: ['B'], 5: ['E'], 8: ['F'], 11: ['E'], 12: ['C'], 13: ['C'], 14: ['C'], 15: ['C'] },
  scenes: { 产品设计: 2, 营销管理: 2, 质量管理: 2, 工艺设计: 2, 售后服务: 2, 计划排程: 2 },
}
// Screenshots of each page for a person to look at, when SHUZHUAN_SHOTS names a folder.
const SHOTS = process.env.SHUZHUAN_SHOTS

// ---- the API ----
export async function api(token, method, urlPath, body, headers = {}) {
  const h = { authorization: `Bearer ${token}`, ...headers }
  let payload
  if (body !== undefined) {
    payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body)
    h['content-type'] ??= 'application/json'
  }
  const r = await fetch(BASE_URL + urlPath, { method, headers: h, body: payload })
  const text = await r.text()
  let json = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    // not JSON
  }
  return { status: r.status, json, text }
}

export async function ok(promise, status = 200) {
  const r = await promise
  assert.equal(r.status, status, r.text)
  return r.json
}

export async function apiLogin(username, password = PASSWORD) {
  const r = await fetch(BASE_URL + '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(r.status, 200, `login ${username}`)
  return (await r.json()).token
}

// A valid 统一社会信用代码 (GB 32100-2015: the check character over the first 17) unique to a seed.
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export function creditCode(seed) {
  let body = '91410100'
  let n = Math.floor(seed)
  for (let i = 0; i < 9; i++) {
    body += CODE_CHARS[n % 31]
    n = Math.floor(n / 31)
  }
  let sum = 0
  let weight = 1
  for (const ch of body) {
    sum += CODE_CHARS.indexOf(ch) * weight
    weight = (weight * 3) % 31
  }
  return body + CODE_CHARS[(31 - (sum % 31)) % 31]
}

// zhuanjia with an expert profile (the full demo has one; the bare demo not), as the 专家库 needs for a review.
export async function expertZhuanjia() {
  const admin = await apiLogin('admin')
  const token = await apiLogin('zhuanjia')
  const user = (await ok(api(token, 'GET', '/api/v1/auth/me'))).user
  if ((await api(admin, 'GET', `/api/v1/experts/${user.id}`)).status === 404)
    await ok(api(token, 'PUT', `/api/v1/experts/${user.id}`, { employer_name: '郑州大学', industries: [], specialties: ['智能制造'] }))
  return user
}

export function pdf(text) {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`)
}

export async function apiUpload(token, projectId, name) {
  const r = await api(token, 'POST', `/api/v1/documents?entity_type=project&entity_id=${projectId}&name=${encodeURIComponent(name)}`,
    pdf(name), { 'content-type': 'application/pdf' })
  assert.equal(r.status, 201, r.text)
  return r.json.id
}

// The server's day in Beijing (the pages' date fields default to it) and a day n days later.
export async function serverToday(token) {
  const now = Date.parse((await ok(api(token, 'GET', '/api/v1/health'))).time)
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)
  const inDays = (n) => new Date(Date.parse(today + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)
  return { today, inDays }
}

// A project of qiye's enterprise brought to 通过 through the API, as the real users would: declared with its plan,
// reviewed by zhuanjia, approved, contracted (目录价 1,000,000 元, 合同 900,000 元: 让利 100,000 元), started, costs
// invoiced (`costs`, in 分), milestones done, materials and rating, the district's sign-off, the on-site grading at
// 二级 by zhuanjia and the pass. Returns the project's detail.
export async function projectToPassed({ name, costs = [['软件', 30000000], ['硬件', 20000000]] }) {
  const t = {}
  for (const u of ['admin', 'qiye', 'fuwushang', 'zhuanjia', 'xinmi']) t[u] = await apiLogin(u)
  const { today, inDays } = await serverToday(t.admin)
  const providerId = (await ok(api(t.fuwushang, 'GET', '/api/v1/auth/me'))).user.provider_id
  const zhuanjia = await expertZhuanjia()
  const move = async (who, id, action, extra = {}) =>
    ok(api(t[who], 'POST', `/api/v1/projects/${id}/transitions`, { action, ...extra }))

  const created = await ok(api(t.qiye, 'POST', '/api/v1/projects', {
    enterprise_id: ENTERPRISE, name, integrator_id: providerId,
    plan: {
      scenarios: [{ name: '计划排程', kind: 'N' }, { name: '质量在线检测', kind: 'X' }],
      products: ['智能排产SaaS'],
      budget: [{ item: '软件', amount_fen: 30000000 }, { item: '硬件', amount_fen: 20000000 }],
      milestones: [{ name: '系统上线', due_on: inDays(60), deliverable: '上线报告' }],
    },
  }), 201)
  const id = created.id
  await move('qiye', id, 'submit')

  // A review with zhuanjia alone.
  const round = await ok(api(t.admin, 'POST', '/api/v1/reviews', { subject_type: 'project', subject_id: id, expert_user_ids: [zhuanjia.id] }), 201)
  await ok(api(t.zhuanjia, 'PUT', `/api/v1/reviews/${round.id}/score`, {
    scores: { necessity: 18, scenarios: 20, feasibility: 20, budget: 12, benefits: 10 }, comment: '方案可行', submit: true }))
  await ok(api(t.zhuanjia, 'POST', `/api/v1/reviews/${round.id}/consensus`, { pass: true, opinion: '同意立项' }))
  await move('admin', id, 'approve')

  const contract = await apiUpload(t.qiye, id, `改造合同-${id}.pdf`)
  await ok(api(t.qiye, 'PUT', `/api/v1/projects/${id}/contract`, {
    amount_fen: 90000000, catalogue_price_fen: 100000000, signed_on: today, start_on: today, end_on: inDays(150), document_id: contract }))
  await move('fuwushang', id, 'start')
  for (const [item, fen] of costs) {
    const invoice = await apiUpload(t.qiye, id, `发票-${item}-${id}.pdf`)
    await ok(api(t.qiye, 'POST', `/api/v1/projects/${id}/costs`, {
      item, amount_fen: fen, incurred_on: today, invoice_document_id: invoice, provider_id: providerId }), 201)
  }
  const detail = await ok(api(t.qiye, 'GET', `/api/v1/projects/${id}`))
  for (const m of detail.plan.milestones) {
    const doc = await apiUpload(t.fuwushang, id, `${m.name}-${id}.pdf`)
    await ok(api(t.fuwushang, 'POST', `/api/v1/projects/${id}/milestones/${m.id}/complete`, { done_on: today, document_id: doc }), 204)
  }
  const ref = await ok(api(t.qiye, 'GET', '/api/v1/project-reference'))
  for (const m of ref.materials)
    await ok(api(t.qiye, 'POST', `/api/v1/projects/${id}/materials`, { material: m.code, document_id: await apiUpload(t.qiye, id, `${m.name}-${id}.pdf`) }), 204)
  await ok(api(t.qiye, 'PUT', `/api/v1/projects/${id}/rating`, { rating: 5, comment: '响应及时' }), 204)
  await move('qiye', id, 'apply_acceptance')
  await move('xinmi', id, 'district_approve')
  await move('admin', id, 'schedule_onsite', { expert_user_id: zhuanjia.id })
  const a = await ok(api(t.zhuanjia, 'POST', `/api/v1/enterprises/${ENTERPRISE}/assessments`, { kind: 'onsite' }), 201)
  await ok(api(t.zhuanjia, 'PUT', `/api/v1/assessments/${a.id}`, TWO))
  await ok(api(t.zhuanjia, 'POST', `/api/v1/assessments/${a.id}/submit`))
  const passed = await move('zhuanjia', id, 'pass')
  assert.equal(passed.state, 'passed')
  return passed
}

// ---- the page ----
export const isCall = (method, re) => (r) => r.request().method() === method && re.test(new URL(r.url()).pathname)

// A date typed into an Element Plus date picker (its input sits inside the test id's wrapper).
export async function typeDate(page, scope, testId, date) {
  await scope.getByTestId(testId).locator('input').fill(date)
  await page.keyboard.press('Enter')
}

// Opens an Element Plus select and picks the visible options containing each text (a multiple select stays open:
// Escape closes it).
export async function pick(page, scope, selectTestId, ...texts) {
  await scope.getByTestId(selectTestId).click()
  for (const text of texts) await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click()
}

// Types into a select that searches the server as one types (enterprises, expert accounts) and picks the first option
// containing `text` — once the answer to what was typed is in and the list is idle: an option clicked while a
// slower answer to an earlier keystroke replaces the list can be lost, leaving the dropdown open over the dialog.
export async function searchAndPick(page, scope, selectTestId, typed, text = typed) {
  const select = scope.getByTestId(selectTestId)
  await select.click()
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).searchParams.get('q') === typed),
    select.locator('input').fill(typed),
  ])
  const option = page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first()
  await option.click()
  await option.waitFor({ state: 'hidden' })
}

export async function upload(page, scope, testid, name) {
  const [response] = await Promise.all([
    page.waitForResponse(isCall('POST', /^\/api\/v1\/documents$/)),
    scope.getByTestId(`${testid}-input`).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(name) }),
  ])
  assert.equal(response.status(), 201, await response.text())
  await scope.getByTestId(`${testid}-done`).waitFor()
  return (await response.json()).id
}

export async function switchUser(page, username, password = PASSWORD) {
  if (await page.getByTestId('logout').isVisible().catch(() => false)) {
    await page.getByTestId('logout').click()
    await page.waitForURL(/\/login/)
  }
  await login(page, username, password)
}

// A review round organised from a provider's or a product's page (the 组织评审 dialog, zhuanjia named); returns the
// round's address.
export async function organiseReview(page, expertName) {
  await page.getByTestId('subject-review-create').click()
  const d = page.getByTestId('review-create-dialog')
  await pick(page, d, 'review-create-experts', expertName)
  await page.keyboard.press('Escape')
  const [response] = await Promise.all([
    page.waitForResponse(isCall('POST', /^\/api\/v1\/reviews$/)),
    d.getByTestId('review-create-submit').click(),
  ])
  assert.equal(response.status(), 201, await response.text())
  await page.waitForURL(/\/reviews\/\d+$/)
  await page.getByTestId('review-members').waitFor()
  return page.url()
}

// zhuanjia (the panel's lead) scores every item, submits, and gives the passing consensus.
export async function scoreAndPass(page, reviewUrl, scores, comment, opinion) {
  await switchUser(page, 'zhuanjia')
  await page.goto(reviewUrl)
  await page.getByTestId('review-members').waitFor()
  for (const [code, v] of Object.entries(scores)) {
    const input = page.getByTestId(`review-score-${code}`).locator('input')
    await input.fill(String(v))
    await input.blur()
  }
  await page.getByTestId('review-score-comment').fill(comment)
  const [scored] = await Promise.all([
    page.waitForResponse(isCall('PUT', /\/api\/v1\/reviews\/\d+\/score$/)),
    page.getByTestId('review-score-submit').click(),
  ])
  assert.equal(scored.status(), 200, await scored.text())
  await page.getByTestId('review-consensus-input').fill(opinion)
  const [closed] = await Promise.all([
    page.waitForResponse(isCall('POST', /\/api\/v1\/reviews\/\d+\/consensus$/)),
    page.getByTestId('review-consensus-submit').click(),
  ])
  assert.equal(closed.status(), 200, await closed.text())
  await page.getByTestId('review-state').getByText('已结束', { exact: true }).waitFor()
  assert.equal(await page.getByTestId('review-consensus-pass').innerText(), '通过')
}

export async function openProject(page, id) {
  await page.goto(`${BASE_URL}/projects/${id}`)
  await page.getByTestId('project-state').waitFor()
}

export async function tab(page, name) {
  await page.getByTestId('project-tabs').getByRole('tab', { name, exact: true }).click()
}

// Takes a lifecycle move through its confirmation dialog; returns the server's answer.
export async function move(page, action) {
  await page.getByTestId(`project-action-${action}`).click()
  const dialog = page.getByTestId('project-action-dialog')
  await dialog.waitFor()
  const [response] = await Promise.all([
    page.waitForResponse(isCall('POST', /\/api\/v1\/projects\/\d+\/transitions$/)),
    dialog.getByTestId('project-action-confirm').click(),
  ])
  return { response, dialog }
}

// A whole-page screenshot named <prefix>-<name>.png in SHUZHUAN_SHOTS (nothing when it is not set).
export function shooter(prefix) {
  return async (page, name) => {
    if (!SHOTS) return
    mkdirSync(SHOTS, { recursive: true })
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(SHOTS, `${prefix}-${name}.png`), fullPage: true })
  }
}

// Browser test: 服务商入库公示 on the public portal. A provider is registered, applies, is reviewed and put into 公示
// through the API (as the city and its own account would); then a visitor who has not logged in opens the portal's
// 入库公示, finds it with its 公示 period, and objects: an unnamed or too-short objection is stopped in the form, a named
// one is received (if the shared per-client limit is still counting down from an earlier look-up, the countdown is
// shown and the test waits it out), and a second objection at once is refused with the server's message and a
// countdown. The city finds the objection, marked （公众）.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, textOf, useServer, withBrowser } from './browser.mjs'
import { api, apiLogin, creditCode, expertZhuanjia, ok, shooter, PASSWORD } from './helpers.mjs'

const shot = shooter('provider-notices')

// A specialist in 公示: registered by the city, profile and application by its account, reviewed by zhuanjia.
async function providerInNotice(short) {
  const name = `河南公示${short}数字科技有限公司`
  const username = `gs${short}`
  const admin = await apiLogin('admin')
  const zhuanjia = await expertZhuanjia()
  const provider = await ok(api(admin, 'POST', '/api/v1/providers', { name, credit_code: creditCode(Number(short) + 8_000_000), kind: 'specialist', in_zhengzhou: true }), 201)
  await ok(api(await apiLogin('anquan'), 'POST', '/api/v1/users', {
    username, display_name: '公示服务商用户', password: PASSWORD, roles: ['provider'], district: null, enterprise_id: null, provider_id: provider.id,
  }), 201)
  const own = await apiLogin(username)
  await ok(api(own, 'PATCH', `/api/v1/providers/${provider.id}`, {
    qualifications: 'ISO 27001；工业软件著作权 6 项', cases: '铝加工企业能耗管理 5 家', industries: ['aluminium'],
    address: '郑州市金水区花园路 8 号', contact_name: '刘工', contact_phone: '13800003333',
  }))
  await ok(api(own, 'POST', `/api/v1/providers/${provider.id}/transitions`, { action: 'apply' }))
  const expert = await apiLogin('zhuanjia')
  const round = await ok(api(admin, 'POST', '/api/v1/reviews', { subject_type: 'provider', subject_id: provider.id, expert_user_ids: [zhuanjia.id] }), 201)
  await ok(api(expert, 'PUT', `/api/v1/reviews/${round.id}/score`, { scores: { qualification: 24, cases: 22, service: 16, price: 15 }, comment: '符合要求', submit: true }))
  await ok(api(expert, 'POST', `/api/v1/reviews/${round.id}/consensus`, { pass: true, opinion: '同意' }))
  const noticed = await ok(api(admin, 'POST', `/api/v1/providers/${provider.id}/transitions`, { action: 'start_notice' }))
  return { id: provider.id, name, noticeTo: noticed.notice_to }
}

test('公开门户：服务商入库公示与公众异议（须署名；与公开查询共用每 10 秒 1 次的限制）', async (t) => {
  await useServer(t)
  const short = String(Date.now() % 100000).padStart(5, '0')
  const provider = await providerInNotice(short)

  await withBrowser(t, 'provider-notices', async (page, step) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    const card = page.getByTestId('notice').filter({ hasText: provider.name })

    await step('notice-listed', async () => {
      await page.goto(BASE_URL + '/portal')
      await page.getByRole('link', { name: '入库公示' }).click()
      await page.waitForURL(/\/portal\/notices$/)
      await card.waitFor()
      assert.match(await card.getByTestId('notice-period').innerText(), new RegExp(`至 ${provider.noticeTo}`))
      assert.match(await card.innerText(), /铝加工企业能耗管理 5 家/)
      assert.doesNotMatch(await card.innerText(), /13800003333/)  // no contact details in public
      await shot(page, 'list')
    })

    await step('objection-checked-in-the-form', async () => {
      await card.getByTestId('notice-object').click()
      const dialog = page.getByTestId('objection-dialog')
      await dialog.waitFor()
      await dialog.getByTestId('objection-objector').fill('张')
      await dialog.getByTestId('objection-content').fill('太短')
      await page.getByTestId('objection-submit').click()
      await dialog.getByText('请填写异议人姓名或单位名称（2–50个字）').waitFor()
      await dialog.getByText('请具体说明异议的事实和理由（不少于10个字）').waitFor()
    })

    await step('objection-received', async () => {
      const dialog = page.getByTestId('objection-dialog')
      await dialog.getByTestId('objection-objector').fill('张先生')
      await dialog.getByTestId('objection-content').fill('该公司去年承接的项目未按合同期限交付，请核查。')
      const send = () => Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/public\/provider-notices\/\d+\/objections$/.test(new URL(r.url()).pathname)),
        page.getByTestId('objection-submit').click(),
      ])
      let [res] = await send()
      if (res.status() === 429) {  // an earlier look-up from this machine is still within its 10 seconds
        await dialog.getByTestId('objection-limited').waitFor()
        await page.waitForTimeout((Number(res.headers()['retry-after']) + 1) * 1000)
        ;[res] = await send()
      }
      assert.equal(res.status(), 201, await res.text())
      assert.deepEqual(res.request().postDataJSON(), { objector: '张先生', content: '该公司去年承接的项目未按合同期限交付，请核查。' })
      assert.match(await textOf(page, 'notice-received'), /异议已收到/)
      const admin = await apiLogin('admin')
      const list = await ok(api(admin, 'GET', `/api/v1/providers/${provider.id}/objections`))
      assert.ok(list.items.some((o) => o.objector === '张先生（公众）' && /未按合同期限交付/.test(o.content)))
      await shot(page, 'received')
    })

    await step('second-objection-at-once-refused', async () => {
      await card.getByTestId('notice-object').click()
      const dialog = page.getByTestId('objection-dialog')
      await dialog.getByTestId('objection-objector').fill('李女士')
      await dialog.getByTestId('objection-content').fill('同一公司的资质证书已过有效期，请核实。')
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/objections$/.test(new URL(r.url()).pathname)),
        page.getByTestId('objection-submit').click(),
      ])
      assert.equal(res.status(), 429)
      const limited = dialog.getByTestId('objection-limited')
      await limited.waitFor()
      assert.match(await limited.innerText(), /查询过于频繁/)
      assert.match(await limited.innerText(), /还需等待 \d+ 秒/)
      await shot(page, 'limited')
    })
  })
})

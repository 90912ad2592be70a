// Import and export of the registry as a district officer and a city admin use them: spreadsheets saved by
// LibreOffice, GBK and BOM CSV files, an error file to fix and re-import, hostile files that change nothing,
// and exports that stay within the caller's scope and re-import unchanged.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Server, waitFor } from './harness.mjs'

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import')
let server, gongyi, admin, auditor

before(async () => {
  server = await Server.start()
  gongyi = await server.login('gongyi')
  admin = await server.login('admin')
  auditor = await server.login('shenji')  // 三员分立: the audit trail is the auditor's to read
})
after(async () => {
  await server.stop()
})

async function upload(token, file, bytes = readFileSync(path.join(FIXTURES, file))) {
  const r = await fetch(`${server.base}/api/v1/enterprises/imports?name=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  })
  const json = await r.json()
  return { status: r.status, json }
}

async function finished(token, id) {
  return waitFor(async () => {
    const j = await server.call('GET', `/api/v1/jobs/${id}`, { token })
    return ['succeeded', 'failed'].includes(j.json.state) ? j.json : null
  }, { what: `job ${id}`, timeout: 60000 })
}

async function importFile(token, file, bytes) {
  const up = await upload(token, file, bytes)
  assert.equal(up.status, 202, JSON.stringify(up.json))
  return finished(token, up.json.job.id)
}

async function download(token, job) {
  const r = await fetch(server.base + job.result.download_url, { headers: { authorization: `Bearer ${token}` } })
  assert.equal(r.status, 200)
  const dir = mkdtempSync(path.join(tmpdir(), 'sz-xlsx-'))
  const file = path.join(dir, 'f.xlsx')
  writeFileSync(file, Buffer.from(await r.arrayBuffer()))
  return file
}

// The rows of a workbook the platform wrote (inline strings, constant-memory mode).
function sheetRows(file) {
  const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8', maxBuffer: 1 << 30 })
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((m) =>
    [...m[1].matchAll(/<c [^>]*?(?:\/>|>(.*?)<\/c>)/g)].map((c) => {
      const t = /<t[^>]*>(.*?)<\/t>|<v>(.*?)<\/v>/.exec(c[1] ?? '')
      return t ? (t[1] ?? t[2]).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') : ''
    }),
  )
}

// A credit code from its first 17 characters and the GB 32100 check character.
function withCheckDigit(first17) {
  const A = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let s = 0, w = 1
  for (const ch of first17) { s += A.indexOf(ch) * w; w = (w * 3) % 31 }
  return first17 + A[(31 - (s % 31)) % 31]
}

const total = async (token, q = '') => (await server.call('GET', `/api/v1/enterprises?page_size=1${q}`, { token })).json.total

test('导入 LibreOffice 保存的表格：合格行提交，不合格行写入错误表格；修正后重新导入；再次导入不重复', async () => {
  const before = await total(admin)
  const job = await importFile(gongyi, 'enterprises-with-errors.xlsx')
  assert.equal(job.state, 'succeeded', job.error)
  assert.equal(job.progress.total, 7)
  const res = JSON.parse(JSON.stringify(job.result))
  assert.ok(res.download_url, 'an error file to download')
  // Beside the file, what the import did with the rows.
  const o = job.output
  assert.deepEqual([o.rows, o.created, o.updated, o.unchanged, o.rejected], [7, 2, 1, 0, 4])
  assert.equal(await total(admin), before + 2)  // two new 巩义 enterprises
  const first = (await server.call('GET', `/api/v1/enterprises?q=91410181MA8100001C`, { token: gongyi })).json.items[0]
  assert.equal(first.name, '巩义导入一号耐材有限公司')
  assert.equal(first.tier, 'specialized')
  assert.equal(first.cloud, true)
  const updated = (await server.call('GET', '/api/v1/enterprises/1', { token: gongyi })).json
  assert.equal(updated.address, '巩义市新华路88号（导入更新）')
  assert.equal(updated.tier, 'innovative')

  const errors = sheetRows(await download(gongyi, job))
  assert.equal(errors.length, 5)  // header + 4 rejected rows
  assert.deepEqual(errors[0].slice(-3), ['原行号', '结果', '错误原因或提示'])
  const reasons = Object.fromEntries(errors.slice(1).map((r) => [r[0], r.at(-1)]))
  assert.match(reasons['新密越权导入有限公司'], /本区县/)
  assert.match(reasons['巩义坏代码有限公司'], /校验码/)
  assert.match(reasons['巩义未知行业有限公司'], /行业“纺织服装”不存在/)
  assert.match(reasons['巩义批次错误有限公司'], /批次/)
  assert.equal(errors[1].at(-3), '4')  // the row number the user sees
  assert.ok(errors.slice(1).every((r) => r.at(-2) === '未导入'))

  const fixed = await importFile(gongyi, 'enterprises-fixed.xlsx')
  assert.equal(fixed.state, 'succeeded', fixed.error)
  assert.equal(fixed.result, null)  // nothing rejected, no error file
  assert.equal(fixed.output.rejected, 0)
  assert.equal(await total(admin), before + 5)
  const again = await importFile(gongyi, 'enterprises-fixed.xlsx')
  assert.equal(again.state, 'succeeded')
  assert.equal(await total(admin), before + 5)  // upsert by credit code: nothing added twice
  const audit = await server.call('GET', `/api/v1/audit?entity_type=enterprise&action=enterprise.update&actor=gongyi`, { token: auditor })
  const updatesAfterFirst = audit.json.total
  await importFile(gongyi, 'enterprises-fixed.csv')
  const audit2 = await server.call('GET', `/api/v1/audit?entity_type=enterprise&action=enterprise.update&actor=gongyi`, { token: auditor })
  assert.equal(audit2.json.total, updatesAfterFirst, 'an unchanged row writes no audit entry')
})

test('GBK 与带 BOM 的 UTF-8 CSV', async () => {
  const gbk = await importFile(gongyi, 'enterprises-gbk.csv')
  assert.equal(gbk.state, 'succeeded', gbk.error)
  const e = (await server.call('GET', `/api/v1/enterprises?q=${encodeURIComponent('国标编码')}`, { token: gongyi })).json.items[0]
  assert.equal(e.name, '巩义国标编码铝业有限公司')
  assert.equal(e.tier, 'little_giant')
  const bom = await importFile(gongyi, 'enterprises-bom.csv')
  assert.equal(bom.state, 'succeeded', bom.error)
  assert.equal((await server.call('GET', `/api/v1/enterprises?q=${encodeURIComponent('带签名')}`, { token: gongyi })).json.total, 1)
})

test('恶意或损坏的文件：清楚的错误，不写入任何数据', async () => {
  const cases = [
    ['zip-bomb.xlsx', /压缩炸弹/],
    ['million-empty-rows.xlsx', /行数超过上限/],
    ['broken-xml.xlsx', /XML 格式错误/],
    ['doctype.xlsx', /DOCTYPE/],
    ['not-a-spreadsheet.pdf', /PDF/],
    ['wrong-encoding.csv', /编码/],
    ['binary.csv', /二进制/],
  ]
  const before = await total(admin)
  const auditBefore = (await server.call('GET', '/api/v1/audit?entity_type=enterprise&page_size=1', { token: auditor })).json.total
  for (const [file, why] of cases) {
    const job = await importFile(gongyi, file)
    assert.equal(job.state, 'failed', `${file} should fail`)
    assert.match(job.error, why, `${file}: ${job.error}`)
    assert.equal(job.attempts, 1, `${file}: a bad file is not retried`)
  }
  assert.equal(await total(admin), before)
  assert.equal((await server.call('GET', '/api/v1/audit?entity_type=enterprise&page_size=1', { token: auditor })).json.total, auditBefore)
  const empty = await upload(gongyi, 'empty.xlsx', Buffer.alloc(0))
  assert.equal(empty.status, 422)
  const expert = await server.login('zhuanjia')
  assert.equal((await upload(expert, 'enterprises-fixed.csv')).status, 403)
})

test('导出：与导入相同的列，只含权限范围内的企业，重新导入不产生变化', async () => {
  const exp = await server.call('POST', '/api/v1/enterprises/exports', { token: gongyi, body: {} })
  assert.equal(exp.status, 202)
  const job = await finished(gongyi, exp.json.job.id)
  assert.equal(job.state, 'succeeded', job.error)
  const file = await download(gongyi, job)
  const rows = sheetRows(file)
  assert.deepEqual(rows[0], ['企业名称', '统一社会信用代码', '行业', '所属区县', '试点批次', '地址', '法定代表人', '联系人', '联系电话',
    '企业梯度', '上云用云', '上云星级', '重点培育', '数据年度', '营业收入（万元）', '从业人员（人）', '研发投入（万元）',
    '新增发明专利（件）', '中小企业划型'])
  assert.equal(rows.length - 1, await total(gongyi))
  for (const r of rows.slice(1)) assert.equal(r[3], '巩义市')
  // Round trip: the exported file imports with no change at all.
  const auditBefore = (await server.call('GET', '/api/v1/audit?page_size=1', { token: auditor })).json.total
  const back = await importFile(gongyi, 'export.xlsx', readFileSync(file))
  assert.equal(back.state, 'succeeded', back.error)
  assert.equal(back.result, null)
  const auditAfter = (await server.call('GET', '/api/v1/audit?page_size=1', { token: auditor })).json.total
  assert.equal(auditAfter, auditBefore + 1, 'only the import request itself is audited')

  const filtered = await server.call('POST', '/api/v1/enterprises/exports', { token: admin, body: { industry: 'aluminium' } })
  const fjob = await finished(admin, filtered.json.job.id)
  const frows = sheetRows(await download(admin, fjob))
  assert.equal(frows.length - 1, await total(admin, '&industry=aluminium'))
  for (const r of frows.slice(1)) assert.equal(r[2], '铝基新材料制造业')
  const bad = await server.call('POST', '/api/v1/enterprises/exports', { token: admin, body: { tier: 'gold' } })
  assert.equal(bad.status, 422)
  const bank = await server.login('yinhang')
  assert.equal((await server.call('POST', '/api/v1/enterprises/exports', { token: bank, body: {} })).status, 403)
})

test('年度数据随表导入（万元换算为分）；非中小企业照常导入并在结果表中提示不计入指标1–4；年度数据不合格的行不导入', async () => {
  const lines = ['企业名称,统一社会信用代码,行业,所属区县,数据年度,营业收入（万元）,从业人员（人）,研发投入（万元）,新增发明专利（件）',
    '巩义年度小型铝业有限公司,91410181MA8200001X,铝基新材料,巩义市,2024,1234.56,120,88.5,2',
    '巩义年度大型铝业有限公司,91410181MA8200002X,铝基新材料,巩义市,2024,50000,1500,900,5',
    '巩义年度坏数铝业有限公司,91410181MA8200003X,铝基新材料,巩义市,2024,十万,20,1,0',
    '巩义未来年度铝业有限公司,91410181MA8200004X,铝基新材料,巩义市,2999,100,20,1,0']
  const fix = (line) => line.replace(/91410181MA82000\d\dX/, (c) => withCheckDigit(c.slice(0, 17)))
  const job = await importFile(gongyi, 'years.csv', Buffer.from(lines.map(fix).join('\n') + '\n'))
  assert.equal(job.state, 'succeeded', job.error)
  assert.deepEqual([job.output.created, job.output.warned, job.output.rejected], [2, 1, 2])
  const small = (await server.call('GET', `/api/v1/enterprises?q=${encodeURIComponent('年度小型')}`, { token: gongyi })).json.items[0]
  const years = (await server.call('GET', `/api/v1/enterprises/${small.id}/years`, { token: gongyi })).json
  const y = years.items.find((x) => x.year === 2024)
  assert.deepEqual([y.revenue, y.employees, y.rd_spending, y.invention_patents], [1234560000, 120, 88500000, 2])
  const large = (await server.call('GET', `/api/v1/enterprises?q=${encodeURIComponent('年度大型')}`, { token: gongyi })).json.items[0]
  assert.equal(large.is_sme, false)
  const rows = sheetRows(await download(gongyi, job))
  const byName = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]))
  assert.equal(byName['巩义年度大型铝业有限公司'].at(-2), '已导入（提示）')
  assert.match(byName['巩义年度大型铝业有限公司'].at(-1), /不计入目标表指标1–4/)
  assert.equal(byName['巩义年度坏数铝业有限公司'].at(-2), '未导入')
  assert.match(byName['巩义年度坏数铝业有限公司'].at(-1), /营业收入（万元）应为不小于 0 的数/)
  assert.match(byName['巩义未来年度铝业有限公司'].at(-1), /不能填报尚未开始的年度/)
  assert.equal((await server.call('GET', `/api/v1/enterprises?q=${encodeURIComponent('年度坏数')}`, { token: gongyi })).json.total, 0)
})

test('超过普通请求体上限（1 MiB）的表格照常导入：上传按上传上限计', async () => {
  const lines = ['企业名称,统一社会信用代码,行业,所属区县,地址']
  for (let i = 0; i < 3000; i++) {
    const code = withCheckDigit(`91410181MA${String(8300000 + i).padStart(7, '0')}`)
    lines.push(`巩义批量${i}号铝业有限公司,${code},铝基新材料,巩义市,${'巩义市工业园区'.repeat(20)}${i}号`)
  }
  const bytes = Buffer.from(lines.join('\n') + '\n')
  assert.ok(bytes.length > 1 << 20)
  const before = await total(admin)
  const job = await importFile(gongyi, 'big.csv', bytes)
  assert.equal(job.state, 'succeeded', job.error)
  assert.equal(await total(admin), before + 3000)
})

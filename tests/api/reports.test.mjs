// 监测通报: the month's reports issued as a job — the city's and each district's — each a Chinese PDF with its CJK
// font embedded and an .xlsx workbook, frozen on a snapshot (SM3, audit chain head) from which a new process renders
// them again byte for byte; a job killed half-way runs again and issues once; the forecast flags districts behind.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Server, allItems, cli, ok, waitFor } from './harness.mjs'

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sz-reports-'))

async function issue(server, token, body) {
  const r = await server.call('POST', '/api/v1/reports', { token, body })
  assert.equal(r.status, 202, r.text)
  return waitFor(async () => {
    const j = (await server.call('GET', `/api/v1/jobs/${r.json.job.id}`, { token })).json
    return j.state === 'succeeded' || j.state === 'failed' ? j : null
  }, { what: 'the report job', timeout: 60000 })
}

async function download(server, token, url, file) {
  const res = await fetch(server.base + url, { headers: { authorization: `Bearer ${token}` } })
  assert.equal(res.status, 200, url)
  writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return res
}

test('发布月度通报：全市与各区县各一份 PDF 与 Excel；中文可抽取、字体内嵌；区县只看本区县；删除文件后由新进程按快照重新生成且 SM3 相同', async () => {
  const jobs = tmp()
  const server = await Server.start({ fullDemo: true, args: ['--jobs-dir', jobs] })
  const dir = tmp()
  try {
    const admin = await server.login('admin')
    const gongyi = await server.login('gongyi')
    assert.equal((await server.call('POST', '/api/v1/reports', { token: gongyi, body: { period: '2026-10' } })).status, 403)
    for (const bad of ['2026-13', '2026/10', '2099-01', ''])
      assert.equal((await server.call('POST', '/api/v1/reports', { token: admin, body: { period: bad } })).status, 422, bad)
    assert.equal((await server.call('POST', '/api/v1/reports', { token: admin, body: { period: '2026-10', colour: 'red' } })).status, 422)

    const job = await issue(server, admin, { period: '2026-10' })
    assert.equal(job.state, 'succeeded', JSON.stringify(job))
    const list = (await server.call('GET', '/api/v1/reports?page_size=100', { token: admin })).json
    assert.equal(list.total, 17)  // the city and its 16 districts
    assert.equal((await server.call('GET', `/api/v1/reports?job_id=${job.id}&page_size=1`, { token: admin })).json.total, 17)
    assert.equal((await server.call('GET', '/api/v1/reports?job_id=x1', { token: admin })).status, 422)
    const city = list.items.find((r) => r.scope.code === '')
    assert.equal(city.period_label, '2026年10月')
    assert.match(city.snapshot_sm3, /^[0-9a-f]{64}$/)

    // The district sees its own report only.
    const own = (await server.call('GET', '/api/v1/reports', { token: gongyi })).json
    assert.deepEqual(own.items.map((r) => r.scope.code), ['410181'])
    assert.equal((await server.call('GET', `/api/v1/reports/${city.id}`, { token: gongyi })).status, 404)
    assert.equal((await server.call('GET', `/api/v1/reports/${city.id}/pdf`, { token: gongyi })).status, 404)
    assert.equal((await server.call('GET', '/api/v1/reports', { token: await server.login('qiye') })).status, 403)

    // The PDF: Chinese text a machine can read, the CJK font embedded.
    const pdf = path.join(dir, 'city.pdf')
    const res = await download(server, admin, city.pdf.url, pdf)
    assert.equal(res.headers.get('content-type'), 'application/pdf')
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    for (const s of ['郑州市中小企业数字化转型试点工作通报', '2026年10月', '郑州市工业和信息化局', '目标任务完成情况', '区县进展与排名',
                     '达标预测', '逾期', '巩义市', '数据质量', '尚未评测', city.snapshot_sm3])
      assert.ok(text.includes(s), `PDF text lacks ${s}`)
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    assert.match(fonts, /NotoSansCJK\S*\s+CID Type 0C\s+Identity-H\s+yes/)
    assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /Pages:\s+[2-9]/)
    const xlsx = path.join(dir, 'city.xlsx')
    await download(server, admin, city.xlsx.url, xlsx)
    const sheets = execFileSync('unzip', ['-p', xlsx, 'xl/workbook.xml'], { encoding: 'utf8' })
    assert.ok(sheets.includes('目标任务完成情况') && sheets.includes('说明'), sheets)
    const detail = (await server.call('GET', `/api/v1/reports/${city.id}`, { token: admin })).json
    assert.equal(detail.snapshot_intact, true)
    assert.equal(detail.snapshot.meta.period, '2026-10')
    assert.equal(detail.snapshot.funnel[0].count, 440)
    assert.match(detail.renderer.font_file, /NotoSansCJK/)
    // The snapshot holds the data-quality findings of its scope, and a forecast for every district × industry cell.
    const unassessed = detail.snapshot.data_quality.find((q) => q.code === 'unassessed')
    const quality = (await server.call('GET', '/api/v1/data-quality', { token: admin })).json.checks
    assert.equal(unassessed.count, quality.find((q) => q.code === 'unassessed').count)
    const cells = detail.snapshot.forecast.years[1].cells
    assert.ok(cells.length >= 16, `${cells.length} cells`)
    assert.ok(cells.every((c) => c.p10 <= c.p50 && c.p50 <= c.p90 && c.accepted <= c.p90))
    // A district's cells add up to its row for a year that is over (the accepted are facts, not a forecast).
    const gyCells = cells.filter((c) => c.district === '410181')
    const gyRow = detail.snapshot.forecast.years[1].districts.find((d) => d.code === '410181')
    assert.equal(gyCells.reduce((s, c) => s + c.p50, 0), gyRow.p50)

    // Gone from the disk: a new process renders both documents again from the snapshot, to the same SM3.
    const stored = (ext) => path.join(jobs, 'reports', `report-${city.snapshot_sm3.slice(0, 24)}.${ext}`)
    rmSync(stored('pdf'))
    rmSync(stored('xlsx'))
    const again = cli(['report', 'render', '--id', String(city.id), '--db', server.db, '--jobs-dir', jobs])
    assert.equal(again.code, 0, again.stdout + again.stderr)
    assert.ok(again.stdout.includes(city.pdf.sm3) && again.stdout.includes(city.xlsx.sm3), again.stdout)
    assert.ok(existsSync(stored('pdf')))
    // And the server does the same when a file is missing at download.
    rmSync(stored('pdf'))
    await download(server, admin, city.pdf.url, path.join(dir, 'again.pdf'))
    assert.equal(execFileSync('sha256sum', [path.join(dir, 'again.pdf')], { encoding: 'utf8' }).split(' ')[0],
      execFileSync('sha256sum', [pdf], { encoding: 'utf8' }).split(' ')[0])

    // The next month compares with this one; the audit trail records the issue and still verifies.
    const next = await issue(server, admin, { period: '2026-11' })
    assert.equal(next.state, 'succeeded')
    const nov = (await server.call('GET', '/api/v1/reports?period=2026-11&scope=city', { token: admin })).json.items[0]
    const novDetail = (await server.call('GET', `/api/v1/reports/${nov.id}`, { token: admin })).json
    assert.equal(novDetail.snapshot.changes.previous, '2026年10月')
    assert.equal((await server.call('GET', '/api/v1/audit?action=report.issue', { token: await server.login('shenji') })).json.total, 2)
    assert.equal(cli(['audit', 'verify', '--db', server.db]).code, 0)
  } finally {
    await server.stop()
  }
})

test('发布任务被 kill -9 中断后重新执行，只发布一次', async () => {
  const jobs = tmp()
  let server = await Server.start({ args: ['--jobs-dir', jobs, '--job-lease', '2'] })
  const db = server.db
  try {
    const admin = await server.login('admin')
    const q = await server.call('POST', '/api/v1/reports', { token: admin, body: { period: '2026-10', pace_ms: 300 } })
    assert.equal(q.status, 202, q.text)
    const id = q.json.job.id
    await waitFor(async () => (await server.call('GET', `/api/v1/jobs/${id}`, { token: admin })).json.progress.done >= 2,
      { what: 'the job to be half-way' })
    server.proc.kill('SIGKILL')
    await server.exited
    server = await Server.start({ db, args: ['--jobs-dir', jobs, '--job-lease', '2'] })
    const token = await server.login('admin')
    const job = await waitFor(async () => {
      const j = (await server.call('GET', `/api/v1/jobs/${id}`, { token })).json
      return j.state === 'succeeded' ? j : null
    }, { what: 'the job to finish after the restart', timeout: 60000 })
    assert.equal(job.attempts, 2)
    assert.equal((await server.call('GET', '/api/v1/reports?page_size=100', { token })).json.total, 17)
    assert.equal((await server.call('GET', '/api/v1/audit?action=report.issue', { token: await server.login('shenji') })).json.total, 1)
  } finally {
    await server.stop()
  }
})

test('达标预测：已过目标年份的区县按实际判断，未完成的标为落后；区县只看本区县', async () => {
  const server = await Server.start()
  try {
    // Noon in Beijing, so the half-minute below cannot cross into another day (which would rightly compute again).
    const now = Date.parse((await server.call('GET', '/api/v1/health')).json.time)
    await server.advanceClock(Math.floor((((4 * 3600_000 - now) % 86400_000) + 86400_000) % 86400_000 / 1000))
    const admin = await server.login('admin')
    const f = (await server.call('GET', '/api/v1/stats/forecast', { token: admin })).json
    const y2024 = f.forecast.years.find((y) => y.last_day === '2024-12-31')
    const gy = y2024.districts.find((d) => d.code === '410181')
    // The bare demo has no accepted enterprise: 巩义's 2024 target of 55 was missed.
    assert.deepEqual([gy.target, gy.accepted, gy.p10, gy.p90, gy.risk], [55, 0, 0, 0, 'behind'])
    assert.equal(f.forecast.years.find((y) => y.last_day === '2025-12-31').industries.length, 4)
    // Every official's home page: kept while nothing is written (the same computation, its time shown), computed
    // again after an audited change.
    await server.advanceClock(30)
    const again = (await server.call('GET', '/api/v1/stats/forecast', { token: admin })).json
    assert.equal(again.as_of, f.as_of)
    const s = await server.call('POST', '/api/v1/schedules', { token: admin, body: { name: '每日临期提醒', job_kind: 'reminders.due', every: 'daily', hour: 6 } })
    assert.equal(s.status, 201, s.text)
    const after = (await server.call('GET', '/api/v1/stats/forecast', { token: admin })).json
    assert.ok(Date.parse(after.as_of) >= Date.parse(f.as_of) + 30_000, `${after.as_of} vs ${f.as_of}`)
    const own = (await server.call('GET', '/api/v1/stats/forecast', { token: await server.login('gongyi') })).json
    assert.deepEqual(own.forecast.years[0].districts.map((d) => d.code), ['410181'])
    assert.equal((await server.call('GET', '/api/v1/stats/forecast', { token: await server.login('qiye') })).status, 403)
  } finally {
    await server.stop()
  }
})

test('绩效评价：两个阶段各 12 项，阶段目标、按日期计的完成值与完成率、计数口径与明细所在；导出 Excel 与 PDF', async () => {
  const server = await Server.start({ fullDemo: true, args: ['--jobs-dir', tmp()] })
  try {
    const admin = await server.login('admin')
    const sheet = async (stage) => (await server.call('GET', `/api/v1/evaluations/${stage}`, { token: admin })).json
    const s2025 = await sheet(2025)
    assert.equal(s2025.rows.length, 12)
    const row = (s, no) => s.rows.find((r) => r.no === no)
    assert.deepEqual([row(s2025, 1).target, row(s2025, 12).target, row(s2025, 11).target], [440, 100, 3.25])
    // Achieved by the stage's last day: the dashboard's accepted count (all demo acceptances fall before 2026).
    const p = (await server.call('GET', '/api/v1/stats/progress', { token: admin })).json
    assert.equal(row(s2025, 1).achieved, p.indicators.find((i) => i.no === 1).total.actual)
    assert.equal(row(s2025, 1).rate, `${(Math.floor((row(s2025, 1).achieved * 10000) / 440) / 100).toFixed(2)}%`)
    assert.deepEqual(row(s2025, 7).evidence, { drill: 'items', metric: 'products', as_of: '2025-12-31' })
    assert.deepEqual(row(s2025, 1).evidence, { drill: 'enterprises', metric: 'accepted', as_of: '2025-12-31' })
    // 上云 counts the accepted enterprises on the cloud by the day of both (the day each went to the cloud is kept).
    assert.deepEqual(row(s2025, 4).evidence, { drill: 'enterprises', metric: 'cloud_accepted', as_of: '2025-12-31' })
    // The evidence as of the stage's end lists exactly what the sheet counted, row by row, for both stages.
    for (const stage of [2024, 2025]) {
      for (const r of (await sheet(stage)).rows.filter((x) => x.evidence?.as_of)) {
        assert.equal(r.evidence.as_of, `${stage}-12-31`)
        const listed = await allItems(server, admin, `/api/v1/stats/progress/${r.evidence.drill}?metric=${r.evidence.metric}&as_of=${r.evidence.as_of}`)
        assert.equal(listed.items.length, r.achieved, `${stage} indicator ${r.no}: the rows listed`)
        assert.equal(listed.total, r.achieved, `${stage} indicator ${r.no}`)
      }
    }
    for (const bad of ['2025-02-30', 'yesterday']) {
      const r = await server.call('GET', `/api/v1/stats/progress/items?metric=providers&as_of=${bad}`, { token: admin })
      assert.equal(r.status, 422, bad)
      assert.match(r.json.error.message, /截至日期应为有效日期/)
    }
    const noHistory = await server.call('GET', '/api/v1/stats/progress/enterprises?metric=cloud&as_of=2025-12-31', { token: admin })
    assert.equal(noHistory.status, 422)
    assert.match(noHistory.json.error.message, /只有改造企业（验收通过）的口径可以按日期列出/)
    // 2024: only indicator 1 has a 2024 target (the annex's); recognitions of 2025 do not count yet.
    const s2024 = await sheet(2024)
    const annex = (await server.call('GET', '/api/v1/district-targets')).json.totals.y2024
    assert.equal(row(s2024, 1).target, annex)
    assert.equal(row(s2024, 5).target, null)
    assert.match(row(s2024, 5).basis, /未将该指标分解到 2024 年/)
    assert.equal(row(s2024, 5).achieved, 0)  // the demo's recognitions date from 2025-09
    assert.ok(row(s2025, 5).achieved > 0)
    // Providers are counted from the directory's history: one removed today still counted at the 2025 stage's end,
    // dated by the start of its stay; today's list no longer has it.
    assert.match(row(s2025, 6).basis, /服务商库的入库、出库记录，按记录日期计至 2025-12-31/)
    const providersAt = async (asOf) =>
      (await ok(await server.call('GET', `/api/v1/stats/progress/items?metric=providers&page_size=100${asOf ? `&as_of=${asOf}` : ''}`, { token: admin }))).items
    const atEnd = await providersAt('2025-12-31')
    assert.ok(atEnd.length > 0 && atEnd.every((x) => /^\d{4}-\d\d-\d\d$/.test(x.on) && x.on <= '2025-12-31'), JSON.stringify(atEnd))
    const leaving = atEnd[0]
    ok(await server.call('POST', `/api/v1/providers/${leaving.id}/transitions`, { token: admin, body: { action: 'remove', reason: '考核不合格，予以出库' } }))
    assert.ok(!(await providersAt('')).some((x) => x.id === leaving.id))
    assert.ok((await providersAt('2025-12-31')).some((x) => x.id === leaving.id))
    assert.equal(row(await sheet(2025), 6).achieved, row(s2025, 6).achieved)
    // Likewise a product taken off the catalogue (下架) today still counts for the stage it was listed in.
    const productsAt = async (asOf) =>
      (await ok(await server.call('GET', `/api/v1/stats/progress/items?metric=products&page_size=100${asOf ? `&as_of=${asOf}` : ''}`, { token: admin }))).items
    const listedThen = await productsAt('2025-12-31')
    assert.ok(listedThen.length > 0)
    const delisted = listedThen[0]
    ok(await server.call('POST', `/api/v1/products/${delisted.id}/transitions`, { token: admin, body: { action: 'delist', reason: '连续两季无项目采用' } }))
    assert.ok(!(await productsAt('')).some((x) => x.id === delisted.id))
    assert.ok((await productsAt('2025-12-31')).some((x) => x.id === delisted.id))
    assert.equal(row(await sheet(2025), 7).achieved, row(s2025, 7).achieved)
    assert.equal((await server.call('GET', '/api/v1/evaluations/2023', { token: admin })).status, 404)
    assert.equal((await server.call('GET', '/api/v1/evaluations/2025', { token: await server.login('gongyi') })).status, 403)
    const dir = tmp()
    await download(server, admin, s2025.pdf_url, path.join(dir, 'e.pdf'))
    const text = execFileSync('pdftotext', [path.join(dir, 'e.pdf'), '-'], { encoding: 'utf8' })
    assert.ok(text.includes('2025 年度绩效评价表') && text.includes('改造企业数量'), text.slice(0, 300))
    await download(server, admin, s2025.xlsx_url, path.join(dir, 'e.xlsx'))
    const sheetXml = execFileSync('unzip', ['-p', path.join(dir, 'e.xlsx'), 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' })
    assert.ok(sheetXml.includes('计数口径与说明') && sheetXml.includes('小微企业园'))
  } finally {
    await server.stop()
  }
})

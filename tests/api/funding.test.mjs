// The subsidy quote as a public contract: the command line answers exactly as the API does, on the same store.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Server, cli } from './harness.mjs'

const REQUESTS = [
  { scheme: 'diagnosis', cost_fen: 5000000, task_completed: true, paid_before_fen: 0 },
  { scheme: 'transformation', cost_fen: 123456789, level: 2, task_completed: true, paid_before_fen: 100000000 },
  { scheme: 'provider', service_fees_fen: 80000000, in_directory: true, in_zhengzhou: true, all_tasks_completed: false, paid_before_fen: 0 },
  { scheme: 'chain', recognized_by_miit: true, paid_before_fen: 0 },
  { scheme: 'loan_interest', principal_fen: 300000000, loan_date: '2023-08-21', term_months: 18, paid_before_fen: 0 },
]

test('命令行 shuzhuan quote 与接口应答一致；错误时退出码非 0 并给出中文说明', async () => {
  const server = await Server.start()
  try {
    for (const req of REQUESTS) {
      const api = await server.call('POST', '/api/v1/subsidies/quote', { body: req })
      assert.equal(api.status, 200, api.text)
      const out = cli(['quote', '--db', server.db, '--json', JSON.stringify(req)])
      assert.equal(out.code, 0, out.stderr)
      assert.deepEqual(JSON.parse(out.stdout), api.json)
      assert.match(api.json.explanation, /[\u4e00-\u9fff]/)
    }
    // 18 months at the 1-year LPR of 2023-08-21 (3.45 %): 300万元 × 3.45 % × 1.5 = 155,250 元.
    assert.equal(JSON.parse(cli(['quote', '--db', server.db, '--json', JSON.stringify(REQUESTS[4])]).stdout).amount_fen, 15525000)

    const missing = cli(['quote', '--db', server.db, '--json', '{"scheme":"diagnosis","task_completed":true}'])
    assert.notEqual(missing.code, 0)
    const body = JSON.parse(missing.stdout)
    assert.equal(body.error.field, 'cost_fen')
    assert.match(body.error.message, /[\u4e00-\u9fff]/)
    assert.notEqual(cli(['quote', '--db', server.db, '--json', '{not json']).code, 0)

    // An admin's edit to the LPR table reaches the command line too: it reads the same table.
    const admin = await server.login('admin')
    const put = await server.call('PUT', '/api/v1/lpr/2023-08-21', { token: admin, body: { one_year_bp: 300, five_year_bp: 420, reason: '核对更正（测试）' } })
    assert.equal(put.status, 200, put.text)
    const after = JSON.parse(cli(['quote', '--db', server.db, '--json', JSON.stringify(REQUESTS[4])]).stdout)
    assert.equal(after.amount_fen, 13500000)
    const audit = await server.call('GET', '/api/v1/audit?entity_type=lpr', { token: await server.login('shenji') })
    assert.equal(audit.status, 200, audit.text)
    assert.ok(audit.json.items.some((e) => e.action === 'lpr.update' && e.entity_id === '2023-08-21'), JSON.stringify(audit.json.items.slice(0, 2)))
  } finally {
    await server.stop()
  }
})

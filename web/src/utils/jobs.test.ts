import { describe, expect, it } from 'vitest'
import { jobOutput } from './jobs'

describe('jobOutput', () => {
  it('says what a job without a file did', () => {
    expect(jobOutput({ period: '2026-10', period_label: '2026年10月', reports: 17 })).toEqual({ text: '已发布2026年10月通报 17 份', checks: [] })
    expect(jobOutput({ deadlines: 3 })?.text).toBe('提醒了 3 个临期期限')
    expect(jobOutput({ deadlines: 0 })?.text).toBe('没有临期的期限')
  })

  it('lists the checks of a quality run that found something', () => {
    const checks = [
      { code: 'unassessed', name: '试点企业尚未评测', severity: 'warning', count: 299 },
      { code: 'no_contract', name: '项目已实施但未登记合同', severity: 'warning', count: 0 },
      { code: 'plan_inconsistent', name: '实施方案自身的不一致', severity: 'info', count: 4 },
    ]
    const out = jobOutput({ problems: 299, checks })
    expect(out?.text).toBe('发现 299 处问题')
    expect(out?.checks.map((c) => c.code)).toEqual(['unassessed', 'plan_inconsistent'])
    expect(jobOutput({ problems: 0, checks: [] })?.text).toBe('未发现问题')
  })

  it('says how many rows an export wrote, and what an import did with its rows', () => {
    expect(jobOutput({ rows: 12 })?.text).toBe('共 12 行')
    expect(jobOutput({ file_name: 'a.xlsx', rows: 10, created: 6, updated: 2, unchanged: 1, rejected: 1 })?.text)
      .toBe('共 10 行：新增 6 家、更新 2 家、未变 1 家、1 行未导入')
    expect(jobOutput({ file_name: 'a.xlsx', rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 })?.text).toBe('共 3 行：新增 3 家、更新 0 家、未变 0 家')
    expect(jobOutput({ file_name: 'a.csv', rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0, warned: 1 })?.text)
      .toBe('共 2 行：新增 2 家、更新 0 家、未变 0 家；其中 1 家为非中小企业，已导入，不计入指标1–4')
  })

  it('shows another output field by field, and nothing for none', () => {
    expect(jobOutput({ rows: 12, sheets: 2 })?.text).toBe('rows：12；sheets：2')
    expect(jobOutput({})).toBeNull()
    expect(jobOutput(null)).toBeNull()
  })
})

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

  it('shows another output field by field, and nothing for none', () => {
    expect(jobOutput({ rows: 12 })?.text).toBe('rows：12')
    expect(jobOutput({})).toBeNull()
    expect(jobOutput(null)).toBeNull()
  })
})

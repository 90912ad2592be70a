import { describe, expect, it } from 'vitest'
import type { SubsidyScheme } from '@/api/types'
import { bpToPercent, capScope, lprActionName, percentToBp, schemeConditions, schemeMethod } from './subsidy'

describe('rates', () => {
  it('shows basis points as percent', () => {
    expect(bpToPercent(345)).toBe('3.45')
    expect(bpToPercent(290)).toBe('2.9')
    expect(bpToPercent(290, { fixed: true })).toBe('2.90')
    expect(bpToPercent(7000)).toBe('70')
    expect(bpToPercent(500)).toBe('5')
    expect(bpToPercent(5)).toBe('0.05')
    expect(bpToPercent(300, { fixed: true })).toBe('3.00')
    expect(bpToPercent(null)).toBe('—')
  })

  it('reads a percent as basis points exactly', () => {
    expect(percentToBp('2.90')).toEqual({ bp: 290 })
    expect(percentToBp('3.4')).toEqual({ bp: 340 })
    expect(percentToBp('3.45%')).toEqual({ bp: 345 })
    expect(percentToBp('4.35')).toEqual({ bp: 435 }) // 4.35 * 100 is 434.99999999999994 in floating point
    expect(percentToBp(' 3 ')).toEqual({ bp: 300 })
    expect(percentToBp('')).toEqual({ error: '请输入利率（%）' })
    expect(percentToBp('3.455')).toHaveProperty('error')
    expect(percentToBp('-1')).toHaveProperty('error')
  })
})

const diagnosis: SubsidyScheme = {
  code: 'diagnosis',
  name: '数字化诊断服务后补助',
  clause: '三(一)',
  kind: 'share',
  base_field: 'cost_fen',
  base_label: '诊断实际发生费用',
  rate_bp: 7000,
  min_level: 0,
  max_months: 0,
  long_loan_months: 0,
  tranches: false,
  conditions: [{ field: 'task_completed', label: '已完成数字化改造任务' }],
  caps: [{ id: 'diagnosis_per_enterprise', label: '每家企业最高不超过3万元', amount_fen: 3_000_000, per: 'enterprise', period: 'all_years' }],
}

describe('rule words', () => {
  it('names a cap scope in Chinese', () => {
    expect(capScope({ per: 'enterprise', period: 'all_years' })).toBe('每家企业，全部年度累计')
    expect(capScope({ per: 'provider', period: 'year' })).toBe('每个服务商，每个预算年度')
    expect(capScope({ per: 'other', period: 'x' })).toBe('other，x')
  })

  it('describes a scheme', () => {
    expect(schemeMethod(diagnosis)).toBe('诊断实际发生费用 × 70%，向下取整到分')
    expect(schemeConditions(diagnosis, (l) => `${l}级`)).toEqual(['已完成数字化改造任务'])
    expect(schemeConditions({ ...diagnosis, min_level: 2 }, (l) => `${l}级`)).toEqual(['已完成数字化改造任务', '数字化水平达到2级及以上'])
    expect(schemeMethod({ ...diagnosis, kind: 'loan_interest', base_label: '贷款本金', max_months: 24, long_loan_months: 60 })).toMatch(
      /^贷款本金 × 贷款日执行的 LPR × min\(贷款期限, 24 个月\)/,
    )
    expect(lprActionName('update')).toBe('修改')
  })
})

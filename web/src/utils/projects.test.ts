import { describe, expect, it } from 'vitest'
import {
  budgetTotalYuan,
  discountFen,
  emptyPlanForm,
  improvementText,
  milliToDecimal,
  outcomeValueProblem,
  planFromForm,
  planToForm,
  scoreTotal,
  todayInBeijing,
} from './projects'

describe('planFromForm', () => {
  it('turns 元 into exact 分 and drops blank rows', () => {
    const form = emptyPlanForm()
    form.scenarios = [{ name: ' 计划排程 ', kind: 'N' }, { name: '质量在线检测', kind: 'X' }, { name: '', kind: 'N' }]
    form.products = [{ name: '智能排产SaaS' }, { name: ' ' }]
    form.budget = [{ item: '软件', yuan: '600,000' }, { item: '硬件', yuan: '400000.10' }, { item: '', yuan: '' }]
    form.milestones = [{ name: '系统上线', due_on: '2027-01-31', deliverable: '上线报告' }]
    const r = planFromForm(form)
    expect(r).toEqual({
      plan: {
        scenarios: [{ name: '计划排程', kind: 'N' }, { name: '质量在线检测', kind: 'X' }],
        products: ['智能排产SaaS'],
        budget: [{ item: '软件', amount_fen: 60000000 }, { item: '硬件', amount_fen: 40000010 }],
        milestones: [{ name: '系统上线', due_on: '2027-01-31', deliverable: '上线报告' }],
      },
      budgetTotalFen: 100000010,
    })
    expect(budgetTotalYuan(form)).toBe('1,000,000.10')
  })

  it('names every problem', () => {
    const form = emptyPlanForm()
    form.budget = [{ item: '软件', yuan: '1.234' }]
    form.milestones = [
      { name: 'A', due_on: '', deliverable: 'x' },
      { name: 'A', due_on: '2027-01-01', deliverable: 'y' },
    ]
    const r = planFromForm(form)
    expect('errors' in r && r.errors).toEqual([
      '预算第 1 行：金额应为不小于0的数字（元），最多2位小数',
      '里程碑第 1 行：请选择到期日',
      '里程碑名称重复：A',
      '请至少填写一个改造场景',
    ])
    expect(budgetTotalYuan(form)).toBe('—')
  })

  it('round-trips a plan in force', () => {
    const form = planToForm({
      scenarios: [{ name: '计划排程', kind: 'N', kind_name: '共性场景' }],
      products: ['A'],
      budget: [{ item: '软件', amount_fen: 123456789 }],
      budget_total_fen: 123456789,
      milestones: [{ id: 1, name: 'M', due_on: '2027-01-31', deliverable: 'D', done_on: null, evidence_document_id: null }],
    })
    expect(form.budget[0]!.yuan).toBe('1234567.89')
    const r = planFromForm(form)
    expect('plan' in r && r.plan.budget[0]!.amount_fen).toBe(123456789)
  })
})

describe('numbers', () => {
  it('shows averages exactly', () => {
    expect(milliToDecimal(80000)).toBe('80')
    expect(milliToDecimal(81333)).toBe('81.333')
    expect(milliToDecimal(80500)).toBe('80.5')
    expect(milliToDecimal(5)).toBe('0.005')
    expect(milliToDecimal(null)).toBe('—')
  })

  it('computes the discount and totals', () => {
    expect(discountFen(100000000, 90000000)).toBe(10000000)
    expect(discountFen(null, 1)).toBeNull()
    expect(scoreTotal({ a: 18, b: 20, c: undefined })).toBe(38)
  })

  it('formats improvements and checks outcome values', () => {
    expect(improvementText('25')).toBe('+25%')
    expect(improvementText('-3.5')).toBe('-3.5%')
    expect(improvementText(null)).toBe('—')
    expect(outcomeValueProblem('95.125')).toBeNull()
    expect(outcomeValueProblem('')).toBeNull()
    expect(outcomeValueProblem('1.2345')).toBe('应为数字，最多三位小数')
    expect(outcomeValueProblem('abc')).toBe('应为数字，最多三位小数')
  })

  it('gives the Beijing date', () => {
    expect(todayInBeijing(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27')
    expect(todayInBeijing(new Date('2026-11-26T15:30:00Z'))).toBe('2026-11-26')
  })
})

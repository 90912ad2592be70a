import { describe, expect, it } from 'vitest'
import type { Subsidy } from '@/api/types'
import { loanApprovalState, monthChoices, monthsText } from './loans'

const subsidy = (id: number, loanId: number, months: number | undefined, status = 'approved') =>
  ({ id, loan_id: loanId, status, quote: { inputs: months === undefined ? {} : { confirmed_months: months } } }) as unknown as Subsidy

describe('数字贷', () => {
  it('names a loan’s months and the months a confirmation may reach', () => {
    expect(monthsText(3, 3)).toBe('第 3 个月')
    expect(monthsText(1, 12)).toBe('第 1–12 个月')
    expect(monthChoices(19, 20)).toEqual([
      { value: 19, label: '第 19 个月' },
      { value: 20, label: '第 19–20 个月' },
    ])
    expect(monthChoices(3, 2)).toEqual([])
  })

  it('asks for an approval once months are confirmed, and a top-up when more are', () => {
    const loan = { id: 1, state: 'applied' as const, confirmed_months: 18 }
    expect(loanApprovalState({ ...loan, confirmed_months: 0 }, []).due).toBe(false)
    expect(loanApprovalState(loan, []).due).toBe(true)
    const twelve = [subsidy(9, 1, 12), subsidy(3, 2, 24)]
    expect(loanApprovalState(loan, twelve)).toEqual({ approvals: [twelve[0]], due: true })
    const both = [subsidy(10, 1, 18), subsidy(9, 1, 12), subsidy(11, 1, 24, 'cancelled')]
    const s = loanApprovalState(loan, both)
    expect(s.due).toBe(false)
    expect(s.approvals.map((x) => x.id)).toEqual([9, 10])
    expect(loanApprovalState({ ...loan, state: 'granted' }, []).due).toBe(false)
  })
})

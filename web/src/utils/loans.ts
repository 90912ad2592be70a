// 数字贷 (funding/loans.cc): the loan's months in words, the months a bank may confirm next, and whether the city has
// an interest subsidy to approve — approvals are made on the months confirmed so far, and topped up once more are.
import type { Loan, Subsidy } from '@/api/types'

// 第 3 个月, 第 1–12 个月.
export function monthsText(first: number, last: number): string {
  return first === last ? `第 ${first} 个月` : `第 ${first}–${last} 个月`
}

// The months a confirmation starting at `first` may cover, ending at most at `max` (the months already over).
export function monthChoices(first: number, max: number): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = []
  for (let m = first; m <= max; m++) out.push({ value: m, label: monthsText(first, m) })
  return out
}

// The months an approval of the loan's interest rested on (its computation's inputs), or null when it does not say.
export function approvedMonths(s: Pick<Subsidy, 'quote'>): number | null {
  const m = s.quote?.inputs?.confirmed_months
  return typeof m === 'number' ? m : null
}

// The approvals standing on this loan, and whether the months confirmed now call for one (none yet, or more months
// confirmed than the latest rested on: a top-up).
export function loanApprovalState(loan: Pick<Loan, 'id' | 'state' | 'confirmed_months'>, subsidies: Subsidy[]): { approvals: Subsidy[]; due: boolean } {
  const approvals = subsidies.filter((s) => s.loan_id === loan.id && s.status === 'approved').sort((a, b) => a.id - b.id)
  const covered = Math.max(0, ...approvals.map((s) => approvedMonths(s) ?? 0))
  const due = loan.state === 'applied' && loan.confirmed_months > 0 && loan.confirmed_months > covered
  return { approvals, due }
}

// Words and numbers of 资金补助: rates in basis points (1 bp = 0.01%, so 3.45% = 345, 70% = 7000), the scope
// (口径) of a cap, and the LPR table's change log. Rates are converted on the digits, never through floating point.
import type { LprAction, SubsidyScheme } from '@/api/types'
import { parseDecimal } from './money'

// Basis points → percent text without the sign: trailing zeros dropped ("70", "3.45", "2.9") unless fixed
// asks for two decimals ("2.90", as rates are quoted).
export function bpToPercent(bp: number | null | undefined, { fixed = false } = {}): string {
  if (bp === null || bp === undefined || !Number.isInteger(bp)) return '—'
  const sign = bp < 0 ? '-' : ''
  const v = Math.abs(bp)
  const whole = Math.floor(v / 100)
  let frac = String(v % 100).padStart(2, '0')
  if (!fixed) frac = frac.replace(/0+$/, '')
  return `${sign}${whole}${frac ? '.' + frac : ''}`
}

// The text of a percent field ("2.9", "3.45", "3.45%") → basis points, or a message saying what is wrong.
export function percentToBp(text: string): { bp: number } | { error: string } {
  const t = text.trim().replace(/[%％]$/, '')
  if (!t) return { error: '请输入利率（%）' }
  const bp = parseDecimal(t, 2)
  if (bp === null) return { error: '利率应为不小于0的数字（%），最多2位小数' }
  if (bp > 100_000n) return { error: '利率过大' }
  return { bp: Number(bp) }
}

// 口径 of a cap: per whom, over which period (values of the rule data).
const PER_NAMES: Record<string, string> = { enterprise: '每家企业', provider: '每个服务商', case: '每个案例' }
const PERIOD_NAMES: Record<string, string> = { all_years: '全部年度累计', year: '每个预算年度' }

export function capScope(cap: { per: string; period: string }): string {
  return `${PER_NAMES[cap.per] ?? cap.per}，${PERIOD_NAMES[cap.period] ?? cap.period}`
}

// How a scheme's amount is computed, in one sentence.
export function schemeMethod(s: SubsidyScheme): string {
  switch (s.kind) {
    case 'share':
      return `${s.base_label} × ${bpToPercent(s.rate_bp)}%，向下取整到分${s.tranches ? '；分阶段补助，各阶段合计受上限约束' : ''}`
    case 'fixed':
      return '定额支持，按政策上限核定'
    case 'loan_interest':
      return (
        `${s.base_label} × 贷款日执行的 LPR × min(贷款期限, ${s.max_months} 个月) ÷ 12，单利，向下取整到分；` +
        `期限超过 ${s.long_loan_months} 个月按5年期以上 LPR，否则按1年期 LPR`
      )
    default:
      return s.kind
  }
}

// What must hold for a scheme to pay, in words: its conditions and, where set, the lowest 数字化水平 level.
export function schemeConditions(s: SubsidyScheme, levelName: (level: number) => string): string[] {
  const out = s.conditions.map((c) => c.label)
  if (s.min_level > 0) out.push(`数字化水平达到${levelName(s.min_level)}及以上`)
  return out
}

const LPR_ACTION_NAMES: Record<LprAction, string> = { load: '载入', create: '新增', update: '修改', delete: '删除' }

export function lprActionName(action: string): string {
  return LPR_ACTION_NAMES[action as LprAction] ?? action
}

// Money is integer 分 on the wire; people read and type 万元 (1 万元 = 1,000,000 分). Conversions are done on the
// digits, never through floating point, so every amount round-trips exactly.
const FEN_PER_WAN = 1_000_000n

// 分 → 万元 with at least two decimals and no more than the amount needs ("1,500.00", "12.345678").
export function fenToWan(fen: number | string | bigint | null | undefined, { grouping = true } = {}): string {
  if (fen === null || fen === undefined || fen === '') return '—'
  let v: bigint
  try {
    v = BigInt(fen)
  } catch {
    return String(fen)
  }
  const negative = v < 0n
  if (negative) v = -v
  const whole = (v / FEN_PER_WAN).toString()
  let frac = (v % FEN_PER_WAN).toString().padStart(6, '0').replace(/0+$/, '')
  if (frac.length < 2) frac = frac.padEnd(2, '0')
  const wholeText = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole
  return `${negative ? '-' : ''}${wholeText}.${frac}`
}

// The text of a 万元 field → 分, or a message saying what is wrong. Up to six decimals (exact to the 分), so a
// figure entered elsewhere to the 分 survives being edited here; commas and spaces are ignored.
export function wanToFen(text: string): { fen: number } | { error: string } {
  const t = text.replace(/[,\s，]/g, '')
  if (!t) return { error: '请输入金额（万元）' }
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(t)
  if (!m) return { error: '金额应为不小于0的数字（万元），最多6位小数' }
  const fen = BigInt(m[1]!) * FEN_PER_WAN + BigInt((m[2] ?? '').padEnd(6, '0'))
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { error: '金额过大' }
  return { fen: Number(fen) }
}

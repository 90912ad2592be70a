// Money is integer 分 on the wire; people read and type 万元 (1 万元 = 1,000,000 分) or 元 (1 元 = 100 分).
// Conversions are done on the digits, never through floating point, so every amount round-trips exactly.
const FEN_PER_WAN = 1_000_000n
const FEN_PER_YUAN = 100n

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function toBigInt(value: number | string | bigint): bigint | null {
  try {
    return BigInt(value)
  } catch {
    return null
  }
}

// 分 → 万元 with at least two decimals and no more than the amount needs ("1,500.00", "12.345678").
export function fenToWan(fen: number | string | bigint | null | undefined, { grouping = true } = {}): string {
  if (fen === null || fen === undefined || fen === '') return '—'
  let v = toBigInt(fen)
  if (v === null) return String(fen)
  const negative = v < 0n
  if (negative) v = -v
  const whole = (v / FEN_PER_WAN).toString()
  let frac = (v % FEN_PER_WAN).toString().padStart(6, '0').replace(/0+$/, '')
  if (frac.length < 2) frac = frac.padEnd(2, '0')
  return `${negative ? '-' : ''}${grouping ? group(whole) : whole}.${frac}`
}

// 分 → 元 with exactly two decimals ("30,000.00").
export function fenToYuan(fen: number | string | bigint | null | undefined, { grouping = true } = {}): string {
  if (fen === null || fen === undefined || fen === '') return '—'
  let v = toBigInt(fen)
  if (v === null) return String(fen)
  const negative = v < 0n
  if (negative) v = -v
  const whole = (v / FEN_PER_YUAN).toString()
  const frac = (v % FEN_PER_YUAN).toString().padStart(2, '0')
  return `${negative ? '-' : ''}${grouping ? group(whole) : whole}.${frac}`
}

// A non-negative decimal typed by a person → an integer count of 10^-decimals units ("3.45", 2 → 345n), or null
// when it is not such a number or has more decimals. Commas (also full-width) and spaces are ignored.
export function parseDecimal(text: string, decimals: number): bigint | null {
  const t = text.replace(/[,\s，]/g, '')
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t)
  if (!m) return null
  const frac = m[2] ?? ''
  if (frac.length > decimals) return null
  return BigInt(m[1]!) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0')
}

type Parsed = { fen: number } | { error: string }

function safe(fen: bigint): Parsed {
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { error: '金额过大' }
  return { fen: Number(fen) }
}

// The text of a 万元 field → 分, or a message saying what is wrong. Up to six decimals (exact to the 分), so a
// figure entered elsewhere to the 分 survives being edited here; commas and spaces are ignored.
export function wanToFen(text: string): Parsed {
  if (!text.replace(/[,\s，]/g, '')) return { error: '请输入金额（万元）' }
  const fen = parseDecimal(text, 6)
  if (fen === null) return { error: '金额应为不小于0的数字（万元），最多6位小数' }
  return safe(fen)
}

// The text of a 元 field → 分, or a message saying what is wrong: up to two decimals; commas and spaces ignored.
export function yuanToFen(text: string): Parsed {
  if (!text.replace(/[,\s，]/g, '')) return { error: '请输入金额（元）' }
  const fen = parseDecimal(text, 2)
  if (fen === null) return { error: '金额应为不小于0的数字（元），最多2位小数' }
  return safe(fen)
}

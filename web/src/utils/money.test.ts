import { describe, expect, it } from 'vitest'
import { fenToWan, fenToYuan, parseDecimal, wanToFen, yuanToFen } from './money'

describe('parseDecimal', () => {
  it('reads the digits exactly at the given scale', () => {
    expect(parseDecimal('3.45', 2)).toBe(345n)
    expect(parseDecimal('0.1', 2)).toBe(10n)
    expect(parseDecimal('0.29', 2)).toBe(29n) // 0.29 * 100 is 28.999999999999996 in floating point
    expect(parseDecimal('1,234,567.89', 2)).toBe(123456789n)
    expect(parseDecimal(' 12 ', 2)).toBe(1200n)
    expect(parseDecimal('12.', 2)).toBe(1200n)
    expect(parseDecimal('90071992547409.93', 2)).toBe(9007199254740993n)
  })

  it('refuses what is not a non-negative decimal of that scale', () => {
    for (const t of ['', '.5', '-1', '1e3', '1.234', '1.2.3', 'abc', '0x10', '１２']) expect(parseDecimal(t, 2)).toBeNull()
  })
})

describe('yuanToFen', () => {
  it('turns 元 into integer 分 without floating point', () => {
    expect(yuanToFen('50000')).toEqual({ fen: 5_000_000 })
    expect(yuanToFen('50,000.00')).toEqual({ fen: 5_000_000 })
    expect(yuanToFen('19.99')).toEqual({ fen: 1999 })
    expect(yuanToFen('1.1')).toEqual({ fen: 110 })
    expect(yuanToFen('0.07')).toEqual({ fen: 7 })
    expect(yuanToFen('0')).toEqual({ fen: 0 })
    expect(yuanToFen('90071992547409.91')).toEqual({ fen: Number.MAX_SAFE_INTEGER })
  })

  it('says what is wrong', () => {
    expect(yuanToFen('')).toEqual({ error: '请输入金额（元）' })
    expect(yuanToFen('1.005')).toHaveProperty('error')
    expect(yuanToFen('-5')).toHaveProperty('error')
    expect(yuanToFen('90071992547409.92')).toEqual({ error: '金额过大' })
  })
})

describe('fenToYuan', () => {
  it('shows 分 as 元 with two decimals', () => {
    expect(fenToYuan(3_000_000)).toBe('30,000.00')
    expect(fenToYuan(5)).toBe('0.05')
    expect(fenToYuan(0)).toBe('0.00')
    expect(fenToYuan(-1999)).toBe('-19.99')
    expect(fenToYuan(123456789, { grouping: false })).toBe('1234567.89')
    expect(fenToYuan(null)).toBe('—')
  })

  it('round-trips with yuanToFen', () => {
    for (const fen of [0, 1, 99, 100, 101, 3_000_000, 123_456_789, Number.MAX_SAFE_INTEGER]) {
      expect(yuanToFen(fenToYuan(fen))).toEqual({ fen })
    }
  })
})

describe('万元', () => {
  it('keeps its behaviour', () => {
    expect(fenToWan(1_500_000_000)).toBe('1,500.00')
    expect(fenToWan(12_345_678)).toBe('12.345678')
    expect(wanToFen('2500.5')).toEqual({ fen: 2_500_500_000 })
    expect(wanToFen('')).toEqual({ error: '请输入金额（万元）' })
    expect(wanToFen('1.0000001')).toHaveProperty('error')
  })
})

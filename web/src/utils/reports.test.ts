import { describe, expect, it } from 'vitest'
import {
  bandScale,
  defaultForecastYear,
  forecastBand,
  observedText,
  periodCode,
  periodLabel,
  previousQuarter,
  reportScopeOptions,
  riskName,
  riskTagType,
  yearOver,
} from './reports'
import { formatHundredths, percentOf, snapshotRate } from './progress'

describe('periods', () => {
  it('makes the code the server takes from a month, or a year and a quarter', () => {
    expect(periodCode('month', '2026-10', '2026', 3)).toBe('2026-10')
    expect(periodCode('quarter', '2026-10', '2026', 3)).toBe('2026-Q3')
    expect(periodCode('month', '', '2026', 3)).toBe('')
    expect(periodCode('quarter', '2026-10', '', 3)).toBe('')
    expect(periodCode('quarter', '2026-10', '2026', null)).toBe('')
  })

  it('labels a period as the server does', () => {
    expect(periodLabel('2026-10')).toBe('2026年10月')
    expect(periodLabel('2026-01')).toBe('2026年1月')
    expect(periodLabel('2026-Q3')).toBe('2026年第三季度')
    expect(periodLabel('2026/10')).toBe('2026/10')
  })

  it('opens on the quarter just ended', () => {
    expect(previousQuarter(new Date(2026, 10, 27))).toEqual({ year: '2026', quarter: 3 })
    expect(previousQuarter(new Date(2026, 1, 1))).toEqual({ year: '2025', quarter: 4 })
    expect(previousQuarter(new Date(2026, 3, 1))).toEqual({ year: '2026', quarter: 1 })
  })

  it('offers the city first, then each district, as scope filters', () => {
    expect(reportScopeOptions([{ code: '410181', name: '巩义市' }])).toEqual([
      { code: 'city', name: '全市' },
      { code: '410181', name: '巩义市' },
    ])
  })
})

describe('snapshot figures', () => {
  it('shows hundredths as the figures they stand for', () => {
    expect(formatHundredths(1200)).toBe('12')
    expect(formatHundredths(44000)).toBe('440')
    expect(formatHundredths(325, 'ratio')).toBe('3.25')
    expect(formatHundredths(300, 'ratio')).toBe('3.00')
    expect(formatHundredths(null)).toBe('—')
  })

  it('cuts a rate to the basis point as the printed 通报 does, where the dashboard rounds', () => {
    expect(snapshotRate(2, 3)).toBe('66.66%')
    expect(percentOf(2n, 3n)).toBe('66.67%')
    expect(snapshotRate(1200, 44000)).toBe('2.72%')
    expect(snapshotRate(0, 44000)).toBe('0.00%')
    expect(snapshotRate(5, 0)).toBe('—')
    expect(snapshotRate(null, 100)).toBe('—')
  })
})

describe('达标预测', () => {
  it('names and colours the verdicts', () => {
    expect([riskName('behind'), riskTagType('behind')]).toEqual(['落后', 'danger'])
    expect([riskName('at_risk'), riskTagType('at_risk')]).toEqual(['有风险', 'warning'])
    expect([riskName('on_track'), riskTagType('on_track')]).toEqual(['正常', 'success'])
    expect([riskName('unknown'), riskTagType('unknown')]).toEqual(['数据不足', 'info'])
    expect([riskName(null), riskTagType(null)]).toEqual(['—', 'info'])
  })

  it('prints the band as the 通报 does', () => {
    expect(forecastBand({ p10: 38, p90: 52 })).toBe('38–52')
    expect(forecastBand({ p10: 4, p90: 4 })).toBe('4–4')
  })

  it('places the band, median and target on one scale', () => {
    expect(bandScale({ p10: 25, p50: 40, p90: 50, target: 100 })).toEqual({ from: 25, to: 50, median: 40, target: 100 })
    expect(bandScale({ p10: 0, p50: 0, p90: 0, target: null })).toEqual({ from: 0, to: 0, median: 0, target: null })
    expect(bandScale({ p10: 60, p50: 90, p90: 120, target: 60 }).to).toBe(100)
  })

  it('opens on the first target year not over', () => {
    const years = [{ last_day: '2024-12-31' }, { last_day: '2025-12-31' }, { last_day: '2026-12-31' }]
    expect(defaultForecastYear(years, '2026-11-27')).toBe(2)
    expect(defaultForecastYear(years, '2025-03-01')).toBe(1)
    expect(defaultForecastYear(years.slice(0, 2), '2026-11-27')).toBe(1)
    expect(defaultForecastYear([], '2026-11-27')).toBe(0)
    expect(yearOver(years[0]!, '2025-01-01')).toBe(true)
    expect(yearOver(years[0]!, '2024-12-31')).toBe(false)
  })

  it('says how many durations each stage had', () => {
    expect(observedText([17, 13, 8, 4])).toBe('未立项 17 条、申报评审 13 条、立项实施 8 条、验收中 4 条')
  })
})

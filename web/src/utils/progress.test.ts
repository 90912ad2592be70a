import { describe, expect, it } from 'vitest'
import type { ProgressIndicator } from '@/api/types'
import { evaluationDrill, indicatorDrill, itemPath, missingActualText } from './progress'

const indicator = (extra: Partial<ProgressIndicator> = {}): ProgressIndicator => ({
  no: 7, name: '打造“小快轻准”解决方案', unit: '个', kind: 'count', note: '', supported: true, metric: 'products', drill: 'items',
  by_industry: { refractories: { target: 20, actual: 3, rate: 0.15 } }, total: { target: 80, actual: 3, rate: 0.04 }, ...extra,
})

describe('dashboard drill-downs', () => {
  it('lists the items behind an item figure, expecting as many as the figure', () => {
    expect(indicatorDrill(indicator(), { code: 'refractories', short_name: '耐火材料' })).toEqual({
      title: '打造“小快轻准”解决方案 · 耐火材料', metric: 'products', industry: 'refractories', expected: 3, valueLabel: undefined, items: true,
    })
    expect(indicatorDrill(indicator({ drill: 'enterprises', metric: 'cloud' }), null)).not.toHaveProperty('items')
  })

  it('offers nothing for a figure counted for the whole city only, and says so', () => {
    const cityOnly = indicator({ total: { target: null, actual: null, rate: null } })
    expect(indicatorDrill(cityOnly, null)).toBeNull()
    expect(missingActualText(cityOnly)).toBe('—（全市统计）')
    expect(missingActualText(indicator({ drill: 'enterprises' }))).toBe('—')
    expect(missingActualText(indicator({ supported: false, drill: null }))).toBe('—')
  })

  it('opens the page an item has', () => {
    expect(itemPath('products', 4)).toBe('/products/4')
    expect(itemPath('providers', 2)).toBe('/providers/2')
    expect(itemPath('chains', 1)).toBe('/records')
    expect(itemPath('unknown', 1)).toBeNull()
  })
})

describe('绩效评价', () => {
  it('opens the 驾驶舱 list behind a row as of the stage’s end, expecting the achieved figure', () => {
    const products = evaluationDrill({ no: 7, name: '打造“小快轻准”解决方案', achieved: 3, evidence: { drill: 'items', metric: 'products', as_of: '2025-12-31' } }, 2025)
    expect(products).toMatchObject({ metric: 'products', items: true, expected: 3, asOf: '2025-12-31' })
    expect(products?.note).toMatch(/截至 2025-12-31/)
    const accepted = evaluationDrill({ no: 1, name: '改造企业数量', achieved: 12, evidence: { drill: 'enterprises', metric: 'accepted', as_of: '2024-12-31' } }, 2024)
    expect(accepted).toMatchObject({ expected: 12, asOf: '2024-12-31' })
    expect(accepted?.items).toBeUndefined()
  })

  it('says a list is today’s where the records keep no date, and does not compare it', () => {
    const cloud = evaluationDrill({ no: 4, name: '上云用云', achieved: 30, evidence: { drill: 'enterprises', metric: 'cloud', as_of: null } }, 2025)
    expect(cloud).toMatchObject({ metric: 'cloud', expected: null })
    expect(cloud).not.toHaveProperty('asOf')
    expect(cloud?.note).toMatch(/当前状态/)
    expect(evaluationDrill({ no: 11, name: '研发投入强度', achieved: 2.1, evidence: { drill: 'enterprises', metric: 'rd', as_of: null } }, 2024)).toMatchObject({
      metric: 'rd',
      year: 2024,
      valueLabel: '研发投入 / 营业收入（万元）',
    })
    expect(evaluationDrill({ no: 1, name: 'x', achieved: null, evidence: null }, 2025)).toBeNull()
  })
})

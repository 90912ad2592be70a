import { describe, expect, it } from 'vitest'
import type { ProgressDistrict, ProgressIndicator } from '@/api/types'
import { annexDrill, cloudUndatedText, evaluationDrill, indicatorDrill, itemPath, missingActualText } from './progress'

const indicator = (extra: Partial<ProgressIndicator> = {}): ProgressIndicator => ({
  no: 7, name: '打造“小快轻准”解决方案', unit: '个', kind: 'count', note: '', basis: '产品的上架、下架记录，当前', supported: true, metric: 'products', drill: 'items',
  by_industry: { refractories: { target: 20, actual: 3, rate: 0.15 } }, total: { target: 80, actual: 3, rate: 0.04 }, ...extra,
})

describe('dashboard drill-downs', () => {
  it('lists the items behind an item figure, expecting as many as the figure', () => {
    expect(indicatorDrill(indicator(), { code: 'refractories', short_name: '耐火材料' })).toEqual({
      title: '打造“小快轻准”解决方案 · 耐火材料', metric: 'products', industry: 'refractories', expected: 3, valueLabel: undefined, items: true,
    })
    expect(indicatorDrill(indicator({ drill: 'enterprises', metric: 'cloud_accepted' }), null)).not.toHaveProperty('items')
  })

  it('lists a stage’s figures as they stood at its end: the transformed enterprises and the items', () => {
    const stage = { year: 2024, figures_as_of: '2024-12-31', rd_year: 2024, patents_to: 2024 }
    expect(indicatorDrill(indicator(), null, stage)).toMatchObject({ metric: 'products', asOf: '2024-12-31', expected: 3, items: true })
    const accepted = indicator({ no: 1, name: '改造企业数量', metric: 'accepted', drill: 'enterprises', total: { target: 440, actual: 0, rate: 0 } })
    expect(indicatorDrill(accepted, null, stage)).toMatchObject({ metric: 'accepted', asOf: '2024-12-31', expected: 0, title: '改造企业数量 · 合计（截至 2024-12-31）' })
    // Today's view lists today's records.
    expect(indicatorDrill(accepted, null, { ...stage, year: null, figures_as_of: '2026-12-07' })).not.toHaveProperty('asOf')
    // 新增发明专利 up to the stage's last year, 研发投入 of the figure's year; neither drawn as of a day.
    const patents = indicatorDrill(indicator({ no: 12, name: '新增发明专利数量', kind: 'sum', metric: 'patents', drill: 'enterprises' }), null, stage)
    expect(patents).toMatchObject({ metric: 'patents', year: 2024, expected: undefined, valueLabel: '新增发明专利数量' })
    expect(patents).not.toHaveProperty('asOf')
    expect(indicatorDrill(indicator({ kind: 'ratio', metric: 'rd', drill: 'enterprises' }), null, { ...stage, rd_year: 2023 })).toMatchObject({ year: 2023 })
  })

  it('lists an annex cell’s enterprises by the year they were accepted, as counted at that year’s end', () => {
    const d = {
      district: { code: '410181', name: '巩义市' },
      target: { total: 107, y2024: 55, y2025: 52 },
      accepted: { y2024: 1, y2025: 4, total: 5, now: 6 },
      pilot: { total: 107, batch_2024: 55, batch_2025: 52 },
      assessed: 34, level2: 30, rate: 5 / 107, rank: 1,
    } as ProgressDistrict
    expect(annexDrill(d, 'y2024')).toMatchObject({ metric: 'accepted', district: '410181', acceptedIn: 2024, asOf: '2024-12-31', expected: 1 })
    expect(annexDrill(d, 'y2025')).toMatchObject({ acceptedIn: 2025, asOf: '2025-12-31', expected: 4 })
    expect(annexDrill(d, 'total')).toMatchObject({ asOf: '2025-12-31', expected: 5 })
    expect(annexDrill(d, 'total')).not.toHaveProperty('acceptedIn')
    const now = annexDrill(d, 'now')
    expect(now).toMatchObject({ expected: 6 })
    expect(now).not.toHaveProperty('asOf')
  })

  it('says when transformed enterprises on the cloud have no recorded day', () => {
    expect(cloudUndatedText(0, null)).toBeNull()
    expect(cloudUndatedText(2, null)).toMatch(/2 家未登记上云日期.*只计入当前数/)
    expect(cloudUndatedText(2, 2025)).toMatch(/未计入本阶段的指标4/)
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
    // 新增发明专利 of a stage: from 2024 to the stage's year.
    const patents = evaluationDrill({ no: 12, name: '新增发明专利数量', achieved: 57, evidence: { drill: 'enterprises', metric: 'patents', as_of: null } }, 2024)
    expect(patents).toMatchObject({ metric: 'patents', year: 2024 })
    expect(patents?.note).toBe('列出 2024 年至 2024 年各年度新增发明专利（各年度末仍在试点的企业）。')
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

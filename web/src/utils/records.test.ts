import { describe, expect, it } from 'vitest'
import type { Industry, RecordsTally } from '@/api/types'
import { RECOGNITION_KINDS, nameOf, tallyRows } from './records'

const industry = (code: string, name: string): Industry => ({ code, name, short_name: name, key_districts: [] })

describe('tallyRows', () => {
  it('lists every pilot industry with zeros, then industries only the tally names, then the totals', () => {
    const tally: RecordsTally = {
      smart_factories: { total: 2, refractories: 2 },
      chain_models: { total: 1, textiles: 1 },
      parks: { total: 0 },
      training: { sessions: 0, enterprises: 0, people: 0 },
    }
    const rows = tallyRows(tally, [industry('auto_parts', '汽车零部件'), industry('refractories', '耐火材料')])
    expect(rows.map((r) => [r.code, r.smart, r.chains, r.parks])).toEqual([
      ['auto_parts', 0, 0, 0],
      ['refractories', 2, 0, 0],
      ['textiles', 0, 1, 0],
      ['total', 2, 1, 0],
    ])
    expect(rows[2]!.name).toBe('textiles')
    expect(rows[3]!.name).toBe('合计')
  })
})

describe('nameOf', () => {
  it('names a code, or shows the code, or a dash for none', () => {
    expect(nameOf(RECOGNITION_KINDS, 'workshop')).toBe('数字化车间')
    expect(nameOf(RECOGNITION_KINDS, 'other')).toBe('other')
    expect(nameOf(RECOGNITION_KINDS, null)).toBe('—')
  })
})

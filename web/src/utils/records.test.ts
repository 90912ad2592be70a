import { describe, expect, it } from 'vitest'
import type { Industry, RecordsTally } from '@/api/types'
import { RECOGNITION_KINDS, decisionProblems, nameOf, tallyRows } from './records'

const industry = (code: string, name: string): Industry => ({ code, name, short_name: name, key_districts: [], parent: null, district: null })

describe('tallyRows', () => {
  it('lists every pilot industry with zeros, then industries only the tally names, then the totals', () => {
    const tally: RecordsTally = {
      smart_factories: { total: 2, refractories: 2 },
      chain_models: { total: 1, textiles: 1 },
      parks: { total: 0 },
      chain_models_registered: 2,
      parks_registered: 1,
      miit_chain_cases: 0,
      lighthouses: 0,
      digital_workshops: 0,
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

describe('decisionProblems', () => {
  it('asks for the day (not after today), the body that decided and the evidence', () => {
    expect(decisionProblems({ on: '2026-12-01', decided_by: '郑州市工业和信息化局', evidence: '郑工信〔2026〕1号' }, '2026-12-07')).toEqual({})
    expect(decisionProblems({ on: '2026-12-08', decided_by: ' ', evidence: '' }, '2026-12-07')).toEqual({
      on: '日期不能晚于今天',
      decided_by: '请填写作出决定的单位',
      evidence: '请填写佐证（文号、纪要或文件名称）',
    })
    expect(decisionProblems({ on: '', decided_by: '局'.repeat(101), evidence: '证'.repeat(501) }, '2026-12-07')).toEqual({
      on: '请选择日期',
      decided_by: '决定单位不能超过100个字符',
      evidence: '佐证不能超过500个字符',
    })
  })
})

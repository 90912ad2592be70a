import { describe, expect, it } from 'vitest'
import type { DemandList, DemandListItem } from '@/api/samples'
import { changeOf, changeSummary, criteriaProblem, demandItemsProblem, draftFrom, emptyCriteria, expertsProblem, newestFirst, pendingDraft, sampleEnterprises } from './samples'

const criteria = [
  { code: 'willing', name: '改造意愿强' },
  { code: 'stable', name: '企业生产经营稳定' },
]
const categories = [{ code: 'scheduling', name: '生产计划优化与智能排产' }]
const item = (extra: Partial<DemandListItem> = {}): DemandListItem => ({
  kind: 'N', name: '计划排程', category: 'scheduling', description: '', samples: [], sample_enterprises: [], ...extra,
})
const list = (extra: Partial<DemandList> = {}): DemandList => ({
  id: 1, industry: 'refractories', version: 2, status: 'confirmed', status_name: '已确定', actions: [], items: [item()], note: '',
  deliberation_id: 3, created_by: 'admin', created_at: '', confirmed_at: null, previous_version: 1,
  changes: { added: [], removed: [], changed: [] }, ...extra,
})

describe('samples', () => {
  it('starts a proposal unticked and asks for the evidence of what is met', () => {
    const states = emptyCriteria(criteria)
    expect(states).toEqual({ willing: { met: false, evidence: '' }, stable: { met: false, evidence: '' } })
    expect(criteriaProblem(criteria, states)).toBeNull()
    states.stable.met = true
    expect(criteriaProblem(criteria, states)).toBe('满足的条件须写明依据：企业生产经营稳定')
    states.stable.evidence = '近三年营收稳定'
    expect(criteriaProblem(criteria, states)).toBeNull()
  })

  it('wants three experts', () => {
    expect(expertsProblem(['甲', ' ', '乙'])).toBe('专家审议应有至少3位专家')
    expect(expertsProblem(['甲', '乙', '丙'])).toBeNull()
  })

  it('orders deliberations newest first', () => {
    const d = (id: number, held_on: string) => ({ id, held_on })
    expect(newestFirst([d(1, '2024-05-24'), d(3, '2025-01-02'), d(2, '2025-01-02')]).map((x) => x.id)).toEqual([3, 2, 1])
  })
})

describe('demand lists', () => {
  it('follows the server rules for the items', () => {
    expect(demandItemsProblem([item()], categories)).toBeNull()
    expect(demandItemsProblem([item({ kind: 'X', samples: [7] })], categories)).toBe('清单至少应有一个共性（N）场景')
    expect(demandItemsProblem([item(), item({ kind: 'X', name: '窑温' })], categories)).toBe('个性场景须注明来自哪家样本企业：窑温')
    expect(demandItemsProblem([item(), item({ name: ' 计划排程 ' })], categories)).toBe('清单中场景重复：计划排程')
    expect(demandItemsProblem([item({ category: '' })], categories)).toBe('请选择场景分类：计划排程')
    expect(demandItemsProblem([], categories)).toBe('清单至少应有一个场景')
  })

  it('drafts from a copy of the latest version and finds the draft to confirm', () => {
    const confirm = { action: 'confirm', name: '确定清单', needs_reason: false }
    const latest = list({ status: 'draft', actions: [confirm], items: [item({ samples: [7] })] })
    const draft = draftFrom([latest, list({ version: 1 })])
    expect(draft).toEqual(latest.items)
    draft[0].samples.push(8)
    expect(latest.items[0].samples).toEqual([7])
    expect(draftFrom([])).toEqual([])
    expect(pendingDraft([latest])).toBe(latest)
    expect(pendingDraft([list()])).toBeNull()
    expect(pendingDraft([list({ status: 'draft' })])).toBeNull()  // a draft the caller may not confirm
  })

  it('marks what changed since the previous version', () => {
    const v = list({ changes: { added: ['计划排程'], removed: ['旧场景'], changed: ['质量管理'] } })
    expect(changeOf(v, '计划排程')).toBe('added')
    expect(changeOf(v, '质量管理')).toBe('changed')
    expect(changeOf(v, '设备管理')).toBeNull()
    expect(changeSummary(v)).toBe('较第 1 版：新增 1 个、删除 1 个、修改 1 个')
    const first = list({ version: 1, previous_version: null, changes: { added: ['计划排程'], removed: [], changed: [] } })
    expect(changeOf(first, '计划排程')).toBeNull()
    expect(changeSummary(first)).toBe('首个版本，共 1 个场景')
  })
})

describe('sampleEnterprises', () => {
  it('names each sample as the list does, by number where it cannot', () => {
    expect(sampleEnterprises(item({ samples: [3, 5], sample_enterprises: [{ id: 3, enterprise_name: '新密宏达耐火材料有限公司' }, { id: 5, enterprise_name: '' }] }))).toEqual([
      { id: 3, name: '新密宏达耐火材料有限公司' },
      { id: 5, name: '样本 #5' },
    ])
    expect(sampleEnterprises(item({ samples: [2] }))).toEqual([{ id: 2, name: '样本 #2' }])
  })
})

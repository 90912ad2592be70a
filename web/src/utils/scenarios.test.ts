import { describe, expect, it } from 'vitest'
import { selectionProblems } from './scenarios'

const names = new Map([
  [11, '计划排程'],
  [12, '质量管理'],
])

describe('专家委员会评定', () => {
  it('sends the sitting with the scenarios decided, a rejection with its reason', () => {
    const r = selectionProblems(
      {
        held_on: '2026-03-02',
        experts: ['李振华', ' 周敏 ', '王建国', '李振华'],
        minutes: ' 审阅应用情况 ',
        choices: { 11: { decision: 'selected', reason: '' }, 12: { decision: 'rejected', reason: '应用企业尚少' }, 13: { decision: '', reason: '' } },
      },
      names,
      '2026-12-07',
    )
    expect(r.errors).toEqual({})
    expect(r.input).toEqual({
      held_on: '2026-03-02',
      experts: ['李振华', '周敏', '王建国'],
      minutes: '审阅应用情况',
      decisions: [
        { scenario_id: 11, decision: 'selected' },
        { scenario_id: 12, decision: 'rejected', reason: '应用企业尚少' },
      ],
    })
  })

  it('asks for three experts, the minutes, a decision, and a reason for each rejection', () => {
    const r = selectionProblems(
      { held_on: '2027-01-01', experts: ['李振华', '李振华'], minutes: ' ', choices: { 12: { decision: 'rejected', reason: ' ' } } },
      names,
      '2026-12-07',
    )
    expect(r.input).toBeNull()
    expect(r.errors.held_on).toBe('审议日期不能晚于今天')
    expect(r.errors.experts).toMatch(/不少于 3 名专家（现有 1 名）/)
    expect(r.errors.minutes).toBe('请填写审议纪要')
    expect(r.errors.decisions).toBe('未评定的场景须写明理由：质量管理')
    expect(selectionProblems({ held_on: '2026-01-01', experts: ['a', 'b', 'c'], minutes: 'm', choices: {} }, names, '2026-12-07').errors.decisions)
      .toBe('请至少对一个场景作出结论')
  })
})

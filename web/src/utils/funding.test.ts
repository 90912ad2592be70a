import { describe, expect, it } from 'vitest'
import { firstFreeYear, fundShares, inputRows, schemeOptions, subjectKind, trancheLabel } from './funding'
import { expertDutiesText, projectParties } from './projects'
import { formFieldOf } from '@/composables/useFormSubmit'
import { ApiError } from '@/api/http'

describe('subsidy computations in words', () => {
  it('names each fact and where it came from', () => {
    const rows = inputRows(
      {
        scheme: 'transformation',
        project_id: 4,
        cost_fen: 84000000,
        cost_source: '项目登记的实际改造费用合计（附发票）',
        level: 2,
        level_source: 'onsite',
        task_completed: true,
        'approved_before_fen.transformation_per_enterprise': 0,
      },
      [{ id: 'transformation_per_enterprise', label: '每家企业各阶段合计最高不超过200万元' }],
    )
    expect(rows.map((r) => [r.label, r.value, r.source])).toEqual([
      ['项目', '#4', '补助对象'],
      ['实际发生改造费用', '840,000.00 元', '项目登记的实际改造费用合计（附发票）'],
      ['数字化水平等级', '二级', '现场评定'],
      ['完成数字化改造任务', '是', '项目验收通过（通过及其后状态）'],
      ['此前已核定（每家企业各阶段合计最高不超过200万元）', '0.00 元', '平台已核定的补助'],
    ])
  })

  it('names the facts of a 链式 case and of loan interest confirmed by period', () => {
    const rows = inputRows({
      scheme: 'chain',
      chain_model_id: 1,
      chain_model: '耐材产业链协同改造',
      recognized_by_miit: true,
      miit_recognition: '2026-06-18 工业和信息化部 工信厅企业函〔2026〕152号',
    })
    expect(rows.map((r) => [r.label, r.value, r.source])).toEqual([
      ['“链式”转型模式', '耐材产业链协同改造', '补助对象（成果记录）'],
      ['获评工信部“链式”典型案例', '是', '成果记录中登记的工信部认定'],
      ['工信部认定', '2026-06-18 工业和信息化部 工信厅企业函〔2026〕152号', '成果记录（日期、决定单位、佐证）'],
    ])
    expect(inputRows({ scheme: 'loan_interest', confirmed_months: 18, approved_before_for_loan_fen: 0 }).map((r) => r.value)).toEqual(['18 个月', '0.00 元'])
  })

  it('keeps unknown facts visible', () => {
    expect(inputRows({ scheme: 'x', something_new: 3 })).toEqual([{ key: 'something_new', label: 'something_new', value: '3', source: '' }])
  })

  it('knows the subject of each scheme and offers awards last', () => {
    expect(subjectKind('transformation')).toBe('project')
    expect(subjectKind('diagnosis')).toBe('enterprise')
    expect(subjectKind('chain')).toBe('chain')
    expect(subjectKind('loan_interest')).toBe('loan')
    const opts = schemeOptions({
      version: 'v', document: '', effective_from: '2024-03-14',
      schemes: [{ code: 'diagnosis', name: '诊断', clause: '三(一)' } as never],
      awards: [{ code: 'a', name: 'A', clause: '三(一)' }, { code: 'b', name: 'B', clause: '三(一)' }, { code: 'c', name: 'C', clause: '三(十)' }],
    })
    expect(opts.map((o) => o.code)).toEqual(['diagnosis', 'award'])
    expect(opts[1]!.clause).toBe('三(一)、三(十)')
  })
})

describe('tranches and funds', () => {
  it('labels tranches', () => {
    expect(trancheLabel(1)).toBe('第一期')
    expect(trancheLabel(2)).toBe('第二期')
    expect(trancheLabel(10)).toBe('第十期')
    expect(trancheLabel(11)).toBe('第11期')
  })

  it('shows a fund’s use exactly, large budgets too', () => {
    expect(fundShares({ budget_fen: 20000000, paid_fen: 15000000, committed_fen: 15000000 })).toEqual({ paid: 75, pending: 0, used: 75 })
    expect(fundShares({ budget_fen: 3, paid_fen: 1, committed_fen: 2 })).toEqual({ paid: 33.3, pending: 33.3, used: 66.6 })
    expect(fundShares({ budget_fen: 1e14, paid_fen: 1, committed_fen: 1e14 + 5 })).toEqual({ paid: 0, pending: 100, used: 100 })
    expect(fundShares({ budget_fen: 0, paid_fen: 0, committed_fen: 0 })).toEqual({ paid: 0, pending: 0, used: 0 })
  })

  it('finds a year without a fund of the source', () => {
    const funds = [{ source: 'central', year: 2026 }, { source: 'central', year: 2027 }, { source: 'city', year: 2026 }] as const
    expect(firstFreeYear([...funds], 'central', 2026)).toBe(2028)
    expect(firstFreeYear([...funds], 'city', 2026)).toBe(2027)
  })
})

describe('who the caller is in a project', () => {
  const experts = [
    { user_id: 6, duty: 'acceptance' },
    { user_id: 6, duty: 'review' },
    { user_id: 8, duty: 'supervision' },
    { user_id: 9, duty: 'review' },
  ]

  it('reads the role codes and the expert duties', () => {
    expect(projectParties({ my_role_codes: ['expert'], experts }, 6)).toMatchObject({ acceptanceExpert: true, supervisionExpert: false, reviewer: true })
    expect(projectParties({ my_role_codes: [], experts }, 8)).toMatchObject({ acceptanceExpert: false, supervisionExpert: true, reviewer: false })
    expect(projectParties({ my_role_codes: ['city_admin'], experts }, 1)).toMatchObject({ cityAdmin: true, acceptanceExpert: false })
    expect(projectParties({ my_role_codes: ['enterprise', 'integrator'], experts }, 2)).toMatchObject({ enterprise: true, integrator: true })
    expect(expertDutiesText(experts, 6)).toBe('现场验收、评审')
    expect(expertDutiesText(experts, 1)).toBe('')
  })
})

describe('form fields of a refusal', () => {
  const refused = (field: string, status = 422) => new ApiError(status, 'x', 'm', field)

  it('maps by table, by name, or by rule', () => {
    expect(formFieldOf({ amount_fen: 'amount' }, refused('amount_fen'))).toBe('amount')
    expect(formFieldOf({ amount_fen: 'amount' }, refused('fund_id'))).toBeUndefined()
    expect(formFieldOf(['reason'], refused('reason'))).toBe('reason')
    expect(formFieldOf((f, e) => (e.status === 422 ? f : undefined), refused('x', 409))).toBeUndefined()
    expect(formFieldOf(undefined, refused('x'))).toBeUndefined()
    expect(formFieldOf(['x'], new ApiError(409, 'c', 'm', null))).toBeUndefined()
  })
})

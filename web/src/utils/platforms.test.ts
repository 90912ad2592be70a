import { describe, expect, it } from 'vitest'
import type { EvaluationCriterion } from '@/api/platforms'
import { periodProblem, previousMonth, scopeNames, scoredTotal, scoresProblem, servedPoints, servicesToSend } from './platforms'

const criteria: EvaluationCriterion[] = [
  { code: 'access', name: '设备接入能力', max: 20 },
  { code: 'apps', name: '应用开发与 SaaS 服务', max: 20 },
  { code: 'served', name: '服务试点企业数', max: 20, computed: true },
]

describe('platform forms', () => {
  it('drops blank service rows, trims the rest and names what is missing', () => {
    expect(servicesToSend([
      { name: ' 设备上云 ', kind: 'saas', description: ' 联网 ' },
      { name: '', kind: 'saas', description: '' },
    ])).toEqual({ services: [{ name: '设备上云', kind: 'saas', description: '联网' }] })
    expect(servicesToSend([{ name: '', kind: 'saas', description: '' }])).toEqual({ problem: '请至少列出一项平台服务' })
    expect(servicesToSend([{ name: '', kind: 'saas', description: '只有说明' }])).toEqual({ problem: '每项服务都要填写服务名称' })
    expect(servicesToSend([{ name: 'x', kind: 'cloud' as 'saas', description: '' }])).toEqual({ problem: '请选择服务模式：x' })
  })

  it('takes a period as YYYY-MM with a real month', () => {
    expect(periodProblem('2025-12')).toBeNull()
    expect(periodProblem('2025-13')).not.toBeNull()
    expect(periodProblem('2025-1')).not.toBeNull()
    expect(periodProblem('202512')).not.toBeNull()
  })

  it('checks every scored criterion within its maximum and leaves the computed one to the server', () => {
    expect(scoresProblem(criteria, { access: 20, apps: 0 })).toBeNull()
    expect(scoresProblem(criteria, { access: 21, apps: 0 })).toBe('“设备接入能力”的得分应在 0–20 之间')
    expect(scoresProblem(criteria, { access: 3 })).toBe('请为“应用开发与 SaaS 服务”评分')
    expect(scoredTotal(criteria, { access: 18, apps: 17, served: 9 })).toBe(35)
  })

  it('names scopes and the previous month', () => {
    expect(scopeNames(['cloud:push', 'x'], [{ code: 'cloud:push', name: '推送' }])).toEqual(['推送', 'x'])
    expect(previousMonth(new Date(2026, 0, 15))).toBe('2025-12')
    expect(previousMonth(new Date(2026, 10, 27))).toBe('2026-10')
  })

  it('previews the served points as the server computes them', () => {
    expect(servedPoints(0, 20, 50)).toBe(0)
    expect(servedPoints(1, 20, 50)).toBe(0)
    expect(servedPoints(3, 20, 50)).toBe(1)
    expect(servedPoints(49, 20, 50)).toBe(19)
    expect(servedPoints(50, 20, 50)).toBe(20)
    expect(servedPoints(80, 20, 50)).toBe(20)
    expect(servedPoints(5, 20, undefined)).toBeNull()
  })
})

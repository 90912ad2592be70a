import { describe, expect, it } from 'vitest'
import { notYetRun, samplePath, severityName, severityTagType } from './quality'

describe('数据质量', () => {
  it('opens a sample where its check lists it', () => {
    expect(samplePath('/projects?overdue=1', { id: 9, name: '生产全流程数字化改造' })).toBe('/projects/9')
    expect(samplePath('/providers?status=rectifying', { id: 4, name: 'x' })).toBe('/providers/4')
    expect(samplePath('/enterprises?stage=registered', { id: 2, name: '巩义恒泰铝业有限公司' })).toBe(
      `/enterprises?q=${encodeURIComponent('巩义恒泰铝业有限公司')}`,
    )
    expect(samplePath('/targets', { id: 1, name: '方案正文…' })).toBeNull()
    expect([severityName('error'), severityName('warning'), severityName('info')]).toEqual(['错误', '警告', '提示'])
    expect(severityTagType('error')).toBe('danger')
  })

  it('opens the non-SMEs on the filtered list, and a difference of the summaries nowhere', () => {
    expect(samplePath('/enterprises?sme=large', { id: 9, name: '巩义嵩岳智能装备有限公司' })).toBe(`/enterprises?q=${encodeURIComponent('巩义嵩岳智能装备有限公司')}`)
    expect(samplePath('', { id: 1, name: '指标1 … 汇总 3，明细 4' })).toBeNull()
  })

  it('tells a summary check not yet run from one that found nothing', () => {
    expect(notYetRun({ checked_at: null })).toBe(true)
    expect(notYetRun({ checked_at: '2026-12-07T01:00:00Z' })).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import type { Schedule } from '@/api/types'
import { dayFor, paramsText, scheduleForm, scheduleInput, scheduleProblem, scheduleWhen } from './schedules'

describe('schedules', () => {
  it('says when a schedule runs, Monday being day 1', () => {
    expect(scheduleWhen({ every: 'daily', day: 0, hour: 8 })).toBe('每天 8:00')
    expect(scheduleWhen({ every: 'weekly', day: 1, hour: 7 })).toBe('每周一 7:00')
    expect(scheduleWhen({ every: 'weekly', day: 7, hour: 0 })).toBe('每周日 0:00')
    expect(scheduleWhen({ every: 'monthly', day: 1, hour: 9 })).toBe('每月1日 9:00')
    expect(scheduleWhen({ every: 'monthly', day: 28, hour: 23 })).toBe('每月28日 23:00')
  })

  it('says each kind’s parameters in words', () => {
    expect(paramsText('reports.issue', { period: 'previous_month' })).toBe('期次：上月')
    expect(paramsText('reports.issue', { period: 'previous_quarter' })).toBe('期次：上季度')
    expect(paramsText('reminders.due', { days: 7 })).toBe('提醒 7 天内到期的期限')
    expect(paramsText('reports.quality', {})).toBe('无参数')
  })

  it('builds the body: the kind only when created, the chosen kind’s parameters, no day for a daily run', () => {
    const f = { ...scheduleForm(null, 'reports.quality', {}), name: ' 每周数据质量检查 ' }
    expect(scheduleInput(f, true)).toEqual({ name: '每周数据质量检查', job_kind: 'reports.quality', params: {}, every: 'weekly', day: 1, hour: 7, enabled: true })
    const issue = { ...scheduleForm(null, 'reports.issue', { period: 'previous_month' }), name: '通报', period: 'previous_quarter', every: 'monthly' as const, day: 3, hour: 9 }
    expect(scheduleInput(issue, false)).toEqual({ name: '通报', params: { period: 'previous_quarter' }, every: 'monthly', day: 3, hour: 9, enabled: true })
    const daily = { ...scheduleForm(null, 'reminders.due', { days: 7 }), name: '提醒', every: 'daily' as const, days: 14 }
    expect(scheduleInput(daily, true)).toMatchObject({ params: { days: 14 }, every: 'daily', day: 0 })
  })

  it('starts the form from the schedule edited', () => {
    const s = { name: '每日临期提醒', job_kind: 'reminders.due', params: { days: 3 }, every: 'daily', day: 0, hour: 8, enabled: false } as unknown as Schedule
    expect(scheduleForm(s, '')).toEqual({ name: '每日临期提醒', job_kind: 'reminders.due', period: 'previous_month', days: 3, every: 'daily', day: 1, hour: 8, enabled: false })
  })

  it('catches what the form can see, naming the field', () => {
    const f = scheduleForm(null, 'reminders.due', { days: 7 })
    expect(scheduleProblem(f)).toEqual({ field: 'name', message: '请填写名称' })
    expect(scheduleProblem({ ...f, name: 'x', days: 61 })).toEqual({ field: 'params', message: '提前天数应为 1–60 的整数' })
    expect(scheduleProblem({ ...f, name: 'x', days: null })?.field).toBe('params')
    expect(scheduleProblem({ ...f, name: 'x' })).toBeNull()
    expect(scheduleProblem({ ...f, name: 'x'.repeat(61) })?.field).toBe('name')
  })

  it('moves a day that does not fit the new period', () => {
    expect(dayFor('weekly', 0)).toBe(1)
    expect(dayFor('weekly', 5)).toBe(5)
    expect(dayFor('monthly', 0)).toBe(1)
    expect(dayFor('monthly', 28)).toBe(28)
  })
})

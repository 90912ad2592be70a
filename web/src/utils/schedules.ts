// 定时任务 (ops/service.cc, app/platform.cc) as the page shows them: the schedule in words, each kind's parameters in
// words and as the form edits them, and the body the server takes. The server checks the same and has the last word.
import type { CodeName, Schedule, ScheduleEvery, ScheduleInput } from '@/api/types'

export const EVERY_OPTIONS: { code: ScheduleEvery; name: string }[] = [
  { code: 'daily', name: '每天' },
  { code: 'weekly', name: '每周' },
  { code: 'monthly', name: '每月' },
]

// Monday = 1, as the server counts.
export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

export const WEEKDAY_OPTIONS: { value: number; label: string }[] = WEEKDAYS.map((d, i) => ({ value: i + 1, label: `周${d}` }))

// A monthly run falls on the 1st–28th (every month has them).
export const MONTH_DAY_OPTIONS: { value: number; label: string }[] = Array.from({ length: 28 }, (_, i) => ({ value: i + 1, label: `${i + 1}日` }))

export const HOUR_OPTIONS: { value: number; label: string }[] = Array.from({ length: 24 }, (_, i) => ({ value: i, label: `${i}:00` }))

// 发布通报's period, taken when the job runs.
export const REPORT_PERIODS: CodeName[] = [
  { code: 'previous_month', name: '上月' },
  { code: 'previous_quarter', name: '上季度' },
]

export const REMINDER_DAYS = { min: 1, max: 60 }

// "每天 8:00", "每周一 7:00", "每月1日 9:00" (Beijing time, as the server fires them).
export function scheduleWhen(s: Pick<Schedule, 'every' | 'day' | 'hour'>): string {
  const time = `${s.hour}:00`
  switch (s.every) {
    case 'daily':
      return `每天 ${time}`
    case 'weekly':
      return `每周${WEEKDAYS[s.day - 1] ?? `第${s.day}天`} ${time}`
    case 'monthly':
      return `每月${s.day}日 ${time}`
    default:
      return `${s.every} ${time}`
  }
}

// A kind's parameters in words: "期次：上月", "提前 7 天", "无参数".
export function paramsText(kind: string, params: Record<string, unknown>): string {
  switch (kind) {
    case 'reports.issue': {
      const p = REPORT_PERIODS.find((x) => x.code === params.period)
      return `期次：${p?.name ?? String(params.period ?? '—')}`
    }
    case 'reminders.due':
      return `提醒 ${String(params.days ?? '—')} 天内到期的期限`
    default: {
      const keys = Object.keys(params)
      return keys.length ? keys.map((k) => `${k}: ${JSON.stringify(params[k])}`).join('，') : '无参数'
    }
  }
}

// What the form edits: every kind's parameter at once (only the chosen kind's is sent).
export interface ScheduleForm {
  name: string
  job_kind: string
  period: string
  days: number | null
  every: ScheduleEvery
  day: number
  hour: number
  enabled: boolean
}

export function scheduleForm(s: Schedule | null, kind: string, defaults: Record<string, unknown> = {}): ScheduleForm {
  const params = s?.params ?? defaults
  return {
    name: s?.name ?? '',
    job_kind: s?.job_kind ?? kind,
    period: typeof params.period === 'string' ? params.period : 'previous_month',
    days: typeof params.days === 'number' ? params.days : 7,
    every: s?.every ?? 'weekly',
    day: s && s.every !== 'daily' ? s.day : 1,
    hour: s?.hour ?? 7,
    enabled: s?.enabled ?? true,
  }
}

// The chosen kind's parameters as the server takes them.
export function scheduleParams(f: Pick<ScheduleForm, 'job_kind' | 'period' | 'days'>): Record<string, unknown> {
  switch (f.job_kind) {
    case 'reports.issue':
      return { period: f.period }
    case 'reminders.due':
      return { days: f.days }
    default:
      return {}
  }
}

// The first problem the form can see, in Chinese, or null.
export function scheduleProblem(f: ScheduleForm): { field: string; message: string } | null {
  const name = f.name.trim()
  if (!name) return { field: 'name', message: '请填写名称' }
  if ([...name].length > 60) return { field: 'name', message: '名称应为1–60个字符' }
  if (!f.job_kind) return { field: 'job_kind', message: '请选择任务类型' }
  if (f.job_kind === 'reminders.due' && (f.days === null || !Number.isInteger(f.days) || f.days < REMINDER_DAYS.min || f.days > REMINDER_DAYS.max))
    return { field: 'params', message: `提前天数应为 ${REMINDER_DAYS.min}–${REMINDER_DAYS.max} 的整数` }
  return null
}

// The body: POST carries the kind; a daily run has no day (0, as the server keeps it).
export function scheduleInput(f: ScheduleForm, creating: boolean): ScheduleInput {
  return {
    name: f.name.trim(),
    ...(creating ? { job_kind: f.job_kind } : {}),
    params: scheduleParams(f),
    every: f.every,
    day: f.every === 'daily' ? 0 : f.day,
    hour: f.hour,
    enabled: f.enabled,
  }
}

// A day that does not fit the new period is moved to the first one that does (周一, 1日).
export function dayFor(every: ScheduleEvery, day: number): number {
  if (every === 'weekly') return day >= 1 && day <= 7 ? day : 1
  if (every === 'monthly') return day >= 1 && day <= 28 ? day : 1
  return day
}

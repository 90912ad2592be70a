// How a background job (export, import, report) is shown: its kind, state, progress, output and failure.
import type { Job, JobOutput, JobState } from '@/api/types'

export const JOB_STATE_NAMES: Record<JobState, string> = {
  queued: '排队中',
  running: '运行中',
  succeeded: '已完成',
  failed: '失败',
}

export const JOB_STATE_OPTIONS = Object.entries(JOB_STATE_NAMES).map(([code, name]) => ({ code, name }))

export function jobStateName(job: Pick<Job, 'state' | 'state_name'>): string {
  return job.state_name || JOB_STATE_NAMES[job.state] || job.state
}

export function jobStateTagType(state: string): 'info' | 'primary' | 'success' | 'danger' {
  switch (state) {
    case 'running': return 'primary'
    case 'succeeded': return 'success'
    case 'failed': return 'danger'
    default: return 'info'
  }
}

// Still changing: worth asking again.
export function jobActive(job: Pick<Job, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running'
}

// 0–100; a finished job is full whatever its counts say.
export function jobPercent(job: Pick<Job, 'state' | 'progress'>): number {
  if (job.state === 'succeeded') return 100
  const { done, total } = job.progress ?? { done: 0, total: 0 }
  if (!total || total <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)))
}

// What a finished job without a file reports, in words: the reports issued, the deadlines reminded of, the problems a
// quality check found (with each check that found any); other outputs as their fields. Null when there is none.
export interface OutputSummary {
  text: string
  checks: { code: string; name: string; severity: string; count: number }[]
}

// The import's imported rows that are non-SMEs.
export function importWarnedText(warned: number): string {
  return `其中 ${warned} 家为非中小企业，已导入，不计入指标1–4`
}

// The contract leaves an output's fields to the job's kind, so each is read for what it is.
function count(v: unknown): number {
  return typeof v === 'number' ? v : 0
}

function foundChecks(v: unknown): OutputSummary['checks'] {
  if (!Array.isArray(v)) return []
  return v.filter((c): c is OutputSummary['checks'][number] => typeof c === 'object' && c !== null && count(c.count) > 0)
}

export function jobOutput(output: JobOutput | null | undefined): OutputSummary | null {
  if (!output || typeof output !== 'object') return null
  if (typeof output.reports === 'number')
    return { text: `已发布${output.period_label ?? output.period ?? ''}通报 ${output.reports} 份`, checks: [] }
  if (typeof output.deadlines === 'number')
    return { text: output.deadlines ? `提醒了 ${output.deadlines} 个临期期限` : '没有临期的期限', checks: [] }
  if (typeof output.problems === 'number')
    return { text: output.problems ? `发现 ${output.problems} 处问题` : '未发现问题', checks: foundChecks(output.checks) }
  if (typeof output.created === 'number') {
    const { created } = output
    const [rows, updated, unchanged, rejected, warned] = [output.rows, output.updated, output.unchanged, output.rejected, output.warned].map(count)
    const parts = [`新增 ${created} 家`, `更新 ${updated} 家`, `未变 ${unchanged} 家`]
    if (rejected) parts.push(`${rejected} 行未导入`)
    const text = `共 ${rows} 行：${parts.join('、')}`
    // Imported, but non-SMEs by the figures given: they do not count in indicators 1–4.
    return { text: warned ? `${text}；${importWarnedText(warned)}` : text, checks: [] }
  }
  if (typeof output.rows === 'number' && Object.keys(output).length === 1) return { text: `共 ${output.rows} 行`, checks: [] }
  const keys = Object.keys(output)
  if (!keys.length) return null
  return { text: keys.map((k) => `${k}：${typeof output[k] === 'object' ? JSON.stringify(output[k]) : String(output[k])}`).join('；'), checks: [] }
}

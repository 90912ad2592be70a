// 工业互联网平台 (platforms/service.cc, data/platform-evaluation.json): service modes and statuses in words, and the
// checks the forms make before sending (the server checks the same and has the last word).
import type { CodeName } from '@/api/types'
import type { EvaluationCriterion, PlatformService, PlatformStatus } from '@/api/platforms'
import type { TagType } from './projects'

export const PLATFORM_SERVICE_KINDS: readonly CodeName[] = [
  { code: 'saas', name: '平台服务' },
  { code: 'onsite', name: '项目建设' },
  { code: 'maintenance', name: '项目运维' },
]

export function serviceKindName(kind: string): string {
  return PLATFORM_SERVICE_KINDS.find((k) => k.code === kind)?.name ?? kind
}

export function platformStatusTagType(status: PlatformStatus | string): TagType {
  return status === 'active' ? 'success' : 'warning'
}

// The names of a key's scopes ("推送上云用平台企业"), the code where the name is not known.
export function scopeNames(scopes: readonly string[], known: readonly CodeName[]): string[] {
  return scopes.map((s) => known.find((k) => k.code === s)?.name ?? s)
}

// The services as entered: blank rows (no name and no description) are dropped, the rest trimmed. A problem in
// Chinese, or the list to send.
export function servicesToSend(rows: readonly PlatformService[]): { services: PlatformService[] } | { problem: string } {
  const services = rows
    .map((r) => ({ name: r.name.trim(), kind: r.kind, description: r.description.trim() }))
    .filter((r) => r.name || r.description)
  if (!services.length) return { problem: '请至少列出一项平台服务' }
  if (services.length > 50) return { problem: '平台服务不能超过50项' }
  for (const s of services) {
    if (!s.name) return { problem: '每项服务都要填写服务名称' }
    if ([...s.name].length > 60) return { problem: `服务名称不能超过60个字符：${s.name}` }
    if (!PLATFORM_SERVICE_KINDS.some((k) => k.code === s.kind)) return { problem: `请选择服务模式：${s.name}` }
  }
  return { services }
}

// A 考评期: YYYY-MM with a real month.
export function periodProblem(period: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period.trim())
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return '考评期应为 YYYY-MM（如 2025-12）'
  return null
}

// The criteria the evaluators score (the computed one — 服务试点企业数 — is left out).
export function scoredCriteria(criteria: readonly EvaluationCriterion[]): EvaluationCriterion[] {
  return criteria.filter((c) => !c.computed)
}

// Every scored criterion given a whole number within 0..max: the problem (naming the criterion), or null.
export function scoresProblem(criteria: readonly EvaluationCriterion[], scores: Record<string, number | null | undefined>): string | null {
  for (const c of scoredCriteria(criteria)) {
    const v = scores[c.code]
    if (v === null || v === undefined || !Number.isInteger(v)) return `请为“${c.name}”评分`
    if (v < 0 || v > c.max) return `“${c.name}”的得分应在 0–${c.max} 之间`
  }
  return null
}

// The evaluators' part of the total (the served points are added by the server).
export function scoredTotal(criteria: readonly EvaluationCriterion[], scores: Record<string, number | null | undefined>): number {
  return scoredCriteria(criteria).reduce((sum, c) => sum + (scores[c.code] ?? 0), 0)
}

// The points the server gives for the enterprises a platform served (platforms/rules.cc): the full points from
// `fullAt` on, a proportional share rounded down below it, 0 for none. Null when the criterion does not say when it
// is full.
export function servedPoints(served: number, max: number, fullAt: number | undefined): number | null {
  if (fullAt === undefined || fullAt === null) return null
  if (served <= 0 || fullAt <= 0) return 0
  if (served >= fullAt) return max
  return Math.floor((served * max) / fullAt)
}

// The month before the given day (an evaluation usually covers the period just ended), as YYYY-MM.
export function previousMonth(today: Date): string {
  const y = today.getFullYear()
  const m = today.getMonth() // 0-based: the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`
}

export function gradeTagType(grade: string): TagType {
  switch (grade) {
    case 'excellent':
      return 'success'
    case 'good':
      return 'primary'
    case 'pass':
      return 'warning'
    default:
      return 'danger'
  }
}

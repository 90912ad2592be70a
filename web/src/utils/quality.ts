// 数据质量 (reports/quality.cc): each check's severity in words, and where a sample of it opens.
import type { TagType } from './projects'

export const SEVERITY_NAMES: Record<string, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
}

export function severityName(severity: string): string {
  return SEVERITY_NAMES[severity] ?? severity
}

export function severityTagType(severity: string): TagType {
  switch (severity) {
    case 'error':
      return 'danger'
    case 'warning':
      return 'warning'
    default:
      return 'info'
  }
}

// A sample's own page, read from the page its check links to: a project (/projects/…), a provider (/providers/…), or
// the enterprise found by name in the 试点企业 list; null where a sample has no page (the plan's own findings).
export function samplePath(link: string, sample: { id: number; name: string }): string | null {
  const path = link.split('?')[0]
  if (path === '/projects') return `/projects/${sample.id}`
  if (path === '/providers') return `/providers/${sample.id}`
  if (path === '/enterprises') return `/enterprises?q=${encodeURIComponent(sample.name)}`
  return null
}

// The check of the summary tables against the records runs on a schedule (定时任务): until it has run once it has no
// checked_at — it has found nothing because it has not looked, which is not 正常.
export function notYetRun(check: { checked_at: string | null }): boolean {
  return check.checked_at === null
}

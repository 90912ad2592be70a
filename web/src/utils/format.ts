// Times come from the server in UTC and are shown in Asia/Shanghai, whatever the browser's zone.
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts: Record<string, string> = {}
  for (const p of dateTimeFormat.formatToParts(d)) parts[p.type] = p.value
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

export function orDash(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  return String(value)
}

// Ratio targets such as 研发投入强度 3.35 (%) are shown as the plan writes them. A value that arrives as a
// decimal string (exact, as the plan file stores it) is shown unchanged.
export function formatTargetValue(value: number | string | null | undefined, kind: string): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return value
  if (kind === 'ratio') return String(Number(value.toFixed(4)))
  return String(value)
}

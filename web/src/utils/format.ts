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

// A wall-clock time "YYYY-MM-DD HH:mm:ss" read as Beijing time, as the ISO-8601 UTC instant the server takes
// ("2024-05-01T16:00:00Z"). China has kept UTC+8 without daylight saving since 1991, so the offset is fixed.
export function beijingToUtcIso(wall: string | null | undefined): string {
  if (!wall) return ''
  const d = new Date(wall.trim().replace(' ', 'T') + '+08:00')
  if (Number.isNaN(d.getTime())) return ''
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function formatBytes(size: number | null | undefined): string {
  if (size === null || size === undefined || !Number.isFinite(size)) return '—'
  if (size < 1024) return `${size} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = size / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—'
  let s = Math.floor(seconds)
  const days = Math.floor(s / 86400)
  s %= 86400
  const hours = Math.floor(s / 3600)
  s %= 3600
  const minutes = Math.floor(s / 60)
  s %= 60
  const parts: string[] = []
  if (days) parts.push(`${days} 天`)
  if (days || hours) parts.push(`${hours} 小时`)
  if (days || hours || minutes) parts.push(`${minutes} 分`)
  parts.push(`${s} 秒`)
  return parts.join(' ')
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return n.toLocaleString('zh-CN')
}

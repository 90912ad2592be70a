// 站内消息: the kinds the areas write (notify/notify.h) in words — the features' (web/src/features) with their own —
// and where a notification leads.
import { FEATURES } from '@/features'
import { sameSitePath } from './paths'

const KIND_NAMES: Record<string, string> = {
  proposal: '需求响应',
  message: '需求留言',
  review: '评审任务',
  deadline: '到期提醒',
  ...Object.assign({}, ...FEATURES.map((f) => f.notificationKinds ?? {})),
}

export function notificationKindName(kind: string): string {
  return KIND_NAMES[kind] ?? '站内消息'
}

// The page of the record a notification is about, or null when it names none (or something not on this site).
export function notificationTarget(link: string | null | undefined): string | null {
  return sameSitePath(link ?? '')
}

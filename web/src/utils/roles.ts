import type { User } from '@/api/types'

export const ROLE_NAMES: Record<string, string> = {
  city_admin: '市级管理员',
  district_officer: '区县专班',
  enterprise: '试点企业',
  provider: '数字化服务商',
  expert: '评审专家',
  bank: '合作银行',
}

export const ROLE_OPTIONS = Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }))

export function roleName(code: string): string {
  return ROLE_NAMES[code] ?? code
}

export function hasAnyRole(user: User | null, roles: readonly string[] | undefined): boolean {
  if (!roles || roles.length === 0) return true
  if (!user) return false
  return user.roles.some((r) => roles.includes(r))
}

// What part of the data the user sees, in words for the home page ("所属区县：巩义市").
export function scopeLines(user: User): string[] {
  const lines: string[] = []
  if (user.roles.includes('city_admin')) lines.push('数据范围：全市')
  if (user.district) lines.push(`所属区县：${user.district.name}`)
  if (user.enterprise_id !== null && user.enterprise_id !== undefined) lines.push(`关联企业编号：${user.enterprise_id}`)
  if (user.provider_id !== null && user.provider_id !== undefined) lines.push(`关联服务商编号：${user.provider_id}`)
  if (user.roles.includes('expert')) lines.push('数据范围：分配给本人的评审任务')
  if (user.roles.includes('bank')) lines.push('数据范围：本行发放的数字贷')
  if (lines.length === 0) lines.push('数据范围：未设置')
  return lines
}

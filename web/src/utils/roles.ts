import type { User } from '@/api/types'

export const ROLE_NAMES: Record<string, string> = {
  city_admin: '市级管理员',
  district_officer: '区县专班',
  enterprise: '试点企业',
  provider: '数字化服务商',
  expert: '评审专家',
  bank: '合作银行',
  // 三员分立: each held alone, by its own account.
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
}

export const ROLE_OPTIONS = Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }))

export function roleName(code: string): string {
  return ROLE_NAMES[code] ?? code
}

// 三员分立's accounts (system, security, audit administrator) hold that one role and do none of the pilot's business.
export const DUTY_ROLES = ['system_admin', 'security_admin', 'audit_admin']
export function onlySeparatedDuties(user: User | null): boolean {
  return !!user && user.roles.length > 0 && user.roles.every((r) => DUTY_ROLES.includes(r))
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
  if (user.roles.includes('system_admin')) lines.push('职责：平台运行（系统状态、任务、定时任务），不查看审计日志、不管理账号')
  if (user.roles.includes('security_admin')) lines.push('职责：账号与角色（新增、锁定、解锁、重设密码、重置双因素登录）')
  if (user.roles.includes('audit_admin')) lines.push('职责：审计日志与登录日志（只读）')
  if (lines.length === 0) lines.push('数据范围：未设置')
  return lines
}

import { describe, expect, it } from 'vitest'
import type { User } from '@/api/types'
import { onlySeparatedDuties, roleName, scopeLines } from './roles'

const user = (roles: string[]): User => ({
  id: 1, username: 'u', display_name: 'u', roles, district: null, enterprise_id: null, provider_id: null,
  locked: false, locked_until: null, last_login_at: null, created_at: '', totp_enrolled: false,
})

describe('三员分立', () => {
  it('names the three administrators in Chinese', () => {
    expect(['system_admin', 'security_admin', 'audit_admin'].map(roleName)).toEqual(['系统管理员', '安全管理员', '审计管理员'])
  })
  it('keeps their accounts out of the business menu, and no one else', () => {
    expect(onlySeparatedDuties(user(['audit_admin']))).toBe(true)
    expect(onlySeparatedDuties(user(['city_admin']))).toBe(false)
    expect(onlySeparatedDuties(user([]))).toBe(false)
    expect(onlySeparatedDuties(null)).toBe(false)
  })
  it('says each one’s duty on the home page', () => {
    expect(scopeLines(user(['security_admin']))[0]).toMatch(/账号与角色/)
    expect(scopeLines(user(['audit_admin']))[0]).toMatch(/只读/)
  })
})

import { describe, expect, it } from 'vitest'
import type { MatchEvent, NeedAction, User } from '@/api/types'
import { canPostNeed, eventState, needAction, needStatusTagType, proposalStatusName } from './exchange'

const user = (roles: string[], extra: Partial<User> = {}): User => ({
  id: 1, username: 'u', display_name: 'u', roles, district: null, enterprise_id: null, provider_id: null,
  locked: false, locked_until: null, last_login_at: null, created_at: '', totp_enrolled: false, ...extra,
})

describe('needs', () => {
  const owner = user(['enterprise'], { enterprise_id: 108 })
  const xinmi = user(['district_officer'], { district: { code: '410183', name: '新密市' } })
  const provider = user(['provider'], { provider_id: 1 })

  it('offers the moves the server lists for the caller, and no other', () => {
    const actions: NeedAction[] = [
      { action: 'close', name: '关闭需求' },
      { action: 'message', name: '留言' },
    ]
    expect(needAction({ actions }, 'close')).toEqual({ action: 'close', name: '关闭需求' })
    expect(needAction({ actions }, 'message')?.name).toBe('留言')
    expect(needAction({ actions }, 'accept')).toBeUndefined()
    expect(needAction({ actions }, 'propose')).toBeUndefined()
    expect(needAction({ actions: [] }, 'message')).toBeUndefined()
  })

  it('offers posting to enterprises and officials', () => {
    expect(canPostNeed(owner)).toBe(true)
    expect(canPostNeed(xinmi)).toBe(true)
    expect(canPostNeed(user(['city_admin']))).toBe(true)
    expect(canPostNeed(provider)).toBe(false)
    expect(canPostNeed(null)).toBe(false)
  })

  it('names and colours statuses', () => {
    expect(needStatusTagType('open')).toBe('primary')
    expect(needStatusTagType('matched')).toBe('success')
    expect(needStatusTagType('closed')).toBe('info')
    expect(proposalStatusName('declined')).toBe('未选中')
    expect(proposalStatusName('other')).toBe('other')
  })
})

describe('eventState', () => {
  const e = (held_on: string, registered: number, capacity = 2): MatchEvent => ({ id: 1, title: 't', held_on, place: '', industry: null, capacity, registered, registered_by_me: false })
  it('is held once the day is past, else full at capacity, else open', () => {
    expect(eventState(e('2026-01-01', 0), '2026-01-02')).toBe('held')
    expect(eventState(e('2026-01-02', 2), '2026-01-02')).toBe('full')
    expect(eventState(e('2026-01-02', 1), '2026-01-02')).toBe('open')
  })
})

import { describe, expect, it } from 'vitest'
import type { MatchEvent, NeedDetail, User } from '@/api/types'
import { canAcceptProposal, canCloseNeed, canPostNeed, canPropose, eventState } from './exchange'

const user = (roles: string[], extra: Partial<User> = {}): User => ({
  id: 1, username: 'u', display_name: 'u', roles, district: null, enterprise_id: null, provider_id: null, ...extra,
})
const need = (extra: Partial<NeedDetail> = {}): NeedDetail => ({
  id: 3, enterprise_id: 108, district_code: '410183', industry_code: 'refractories', category: 'scheduling',
  category_name: '生产计划优化与智能排产', title: '排产', description: '', budget_fen: null, status: 'open', status_name: '征集中',
  created_at: '2026-01-01T00:00:00Z', enterprise_name: '新密恒泰', proposals: [], messages: [], ...extra,
})
const proposal = (providerId: number) => ({
  id: 1, provider: { id: providerId, name: 'p' }, product_id: null, summary: 's', price_fen: 1, status: 'submitted' as const, created_at: '',
})

describe('needs', () => {
  const owner = user(['enterprise'], { enterprise_id: 108 })
  const other = user(['enterprise'], { enterprise_id: 1 })
  const xinmi = user(['district_officer'], { district: { code: '410183', name: '新密市' } })
  const gongyi = user(['district_officer'], { district: { code: '410181', name: '巩义市' } })
  const provider = user(['provider'], { provider_id: 1 })

  it('lets the enterprise that posted, or the city admin, pick a proposal while the need is open', () => {
    expect(canAcceptProposal(owner, need())).toBe(true)
    expect(canAcceptProposal(user(['city_admin']), need())).toBe(true)
    expect(canAcceptProposal(other, need())).toBe(false)
    expect(canAcceptProposal(xinmi, need())).toBe(false)
    expect(canAcceptProposal(provider, need())).toBe(false)
    expect(canAcceptProposal(owner, need({ status: 'matched' }))).toBe(false)
  })

  it('lets the owner, the city and the need\'s own district close an open need', () => {
    expect(canCloseNeed(owner, need())).toBe(true)
    expect(canCloseNeed(xinmi, need())).toBe(true)
    expect(canCloseNeed(gongyi, need())).toBe(false)
    expect(canCloseNeed(provider, need())).toBe(false)
    expect(canCloseNeed(owner, need({ status: 'closed' }))).toBe(false)
  })

  it('lets a provider answer an open need once', () => {
    expect(canPropose(provider, need())).toBe(true)
    expect(canPropose(provider, need({ proposals: [proposal(1)] }))).toBe(false)
    expect(canPropose(provider, need({ proposals: [proposal(2)] }))).toBe(true)
    expect(canPropose(provider, need({ status: 'matched' }))).toBe(false)
    expect(canPropose(user(['provider']), need())).toBe(false)
    expect(canPropose(owner, need())).toBe(false)
  })

  it('offers posting to enterprises and officials', () => {
    expect(canPostNeed(owner)).toBe(true)
    expect(canPostNeed(xinmi)).toBe(true)
    expect(canPostNeed(provider)).toBe(false)
    expect(canPostNeed(null)).toBe(false)
  })
})

describe('eventState', () => {
  const e = (held_on: string, registered: number, capacity = 2): MatchEvent => ({ id: 1, title: 't', held_on, place: '', industry: null, capacity, registered })
  it('is held once the day is past, else full at capacity, else open', () => {
    expect(eventState(e('2026-01-01', 0), '2026-01-02')).toBe('held')
    expect(eventState(e('2026-01-02', 2), '2026-01-02')).toBe('full')
    expect(eventState(e('2026-01-02', 1), '2026-01-02')).toBe('open')
  })
})

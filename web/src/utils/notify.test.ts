import { describe, expect, it } from 'vitest'
import { notificationKindName, notificationTarget } from './notify'

describe('notifications', () => {
  it('follows only paths on this site', () => {
    expect(notificationTarget('/needs/3')).toBe('/needs/3')
    expect(notificationTarget('')).toBeNull()
    expect(notificationTarget('//evil.example/x')).toBeNull()
    expect(notificationTarget('/\\evil.example')).toBeNull()
    expect(notificationTarget('https://evil.example')).toBeNull()
  })

  it('names the kinds', () => {
    expect(notificationKindName('proposal')).toBe('需求响应')
    expect(notificationKindName('unknown')).toBe('站内消息')
  })
})

import { describe, expect, it } from 'vitest'
import { notificationKindName } from '@/utils/notify'
import { FEATURES } from '.'

// A feature is its folder and one line of features/index.ts: what it declares must fit together, and the places
// that take from the list (the notification kinds here; the router and the side menu in the browser tests) see it.
describe('features', () => {
  it('declare pages with unique names, each open to named roles', () => {
    const names = FEATURES.flatMap((f) => f.routes.map((r) => r.name))
    expect(new Set(names).size).toBe(names.length)
    for (const f of FEATURES)
      for (const r of f.routes) {
        expect(r.path.startsWith('/')).toBe(false)  // children of the signed-in layout
        expect(r.meta?.title).toBeTruthy()
      }
  })

  it('offer menu entries that lead to their own pages', () => {
    for (const f of FEATURES)
      for (const e of f.menu ?? []) expect(f.routes.map((r) => `/${r.path}`)).toContain(e.index)
  })

  it('name the notification kinds their areas write', () => {
    expect(notificationKindName('coaching')).toBe('一对一辅导')
    expect(notificationKindName('proposal')).toBe('需求响应')
  })
})

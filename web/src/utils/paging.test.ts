import { describe, expect, it } from 'vitest'
import { pageOf } from './paging'

describe('pageOf', () => {
  it('cuts one page and keeps the total', () => {
    const items = Array.from({ length: 45 }, (_, i) => i)
    expect(pageOf(items, 3, 20)).toEqual({ items: [40, 41, 42, 43, 44], total: 45, page: 3, page_size: 20 })
    expect(pageOf(items, 4, 20).items).toEqual([])
  })
})

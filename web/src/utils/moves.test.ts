import { describe, expect, it } from 'vitest'
import { toMoves } from './moves'
import { openDataCell } from './publish'

describe('toMoves', () => {
  it('turns the server’s actions into buttons: reasons, due dates, red for refusals and sanctions', () => {
    const moves = toMoves([
      { action: 'warn', name: '警告', needs_reason: true },
      { action: 'order_rectification', name: '责令限期整改', needs_reason: true, needs_due: true },
      { action: 'admit', name: '准予入库', needs_reason: false },
    ])
    expect(moves.map((m) => [m.action, m.reason, !!m.due, m.tone ?? ''])).toEqual([
      ['warn', true, false, 'danger'],
      ['order_rectification', true, true, 'danger'],
      ['admit', false, false, ''],
    ])
    expect(moves[1].reasonLabel).toBe('整改要求')
  })

  it('lets a page set how a move looks', () => {
    const [pass] = toMoves([{ action: 'pass', name: '验收通过', needs_reason: false }], () => ({ tone: 'success' }))
    expect(pass.tone).toBe('success')
    expect(toMoves([])).toEqual([])
  })
})

describe('openDataCell', () => {
  it('shows a hidden figure as <3 and keeps zero', () => {
    expect(openDataCell(null)).toBe('<3')
    expect(openDataCell(0)).toBe('0')
    expect(openDataCell(440)).toBe('440')
  })
})

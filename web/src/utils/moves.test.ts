import { describe, expect, it } from 'vitest'
import { ARTICLE_MOVES, PRODUCT_MOVES, PROVIDER_MOVES, movesFrom } from './moves'
import { openDataCell } from './publish'

const actions = (moves: { action: string }[]) => moves.map((m) => m.action)

describe('movesFrom', () => {
  it('offers the provider its application only from the statuses it may apply from', () => {
    const provider = { cityAdmin: false, owner: true }
    expect(actions(movesFrom(PROVIDER_MOVES, 'draft', provider))).toEqual(['apply'])
    expect(actions(movesFrom(PROVIDER_MOVES, 'removed', provider))).toEqual(['apply'])
    expect(movesFrom(PROVIDER_MOVES, 'notice', provider)).toEqual([])
  })

  it('offers the city admin the sanctions of a listed provider', () => {
    const admin = { cityAdmin: true, owner: false }
    expect(actions(movesFrom(PROVIDER_MOVES, 'admitted', admin))).toEqual(['warn', 'order_rectification', 'remove'])
    expect(actions(movesFrom(PROVIDER_MOVES, 'rectifying', admin))).toEqual(['rectified', 'remove'])
    expect(movesFrom(PROVIDER_MOVES, 'draft', admin)).toEqual([])
  })

  it('marks the moves that need a reason or a due date', () => {
    const rect = PROVIDER_MOVES.find((m) => m.action === 'order_rectification')!
    expect(rect.reason && rect.due).toBe(true)
    expect(PRODUCT_MOVES.filter((m) => m.reason).map((m) => m.action)).toEqual(['reject', 'delist'])
    expect(ARTICLE_MOVES.filter((m) => m.reason).map((m) => m.action)).toEqual(['reject', 'withdraw'])
  })

  it('gives an admin who files for a provider the owner moves too', () => {
    expect(actions(movesFrom(PRODUCT_MOVES, 'draft', { cityAdmin: true, owner: true }))).toEqual(['submit'])
    expect(actions(movesFrom(ARTICLE_MOVES, 'in_review', { cityAdmin: true, owner: true }))).toEqual(['publish', 'reject'])
  })
})

describe('openDataCell', () => {
  it('shows a hidden figure as <3 and keeps zero', () => {
    expect(openDataCell(null)).toBe('<3')
    expect(openDataCell(0)).toBe('0')
    expect(openDataCell(440)).toBe('440')
  })
})

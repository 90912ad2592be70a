// The calls of 一对一辅导, through the contract's client (web/src/api/http.ts): the route is the document's path,
// parameters, bodies and answers are its types.
import { answer, api, asQuery } from '@/api/http'
import type { PageQuery } from '@/api'
import type { CoachingAsk, CoachingMoveBody, CoachingReference } from './types'

function at(id: number) {
  return { params: { path: { id } } }
}

// The reference (topics, modes, states) is the same for the whole page load; a failure is not kept.
let reference: Promise<CoachingReference> | null = null

export const coachingApi = {
  reference: (): Promise<CoachingReference> => {
    if (!reference) {
      const mine = answer(api.GET('/api/v1/coaching-reference'))
      reference = mine
      mine.catch(() => {
        if (reference === mine) reference = null
      })
    }
    return reference
  },
  // Filters: state, topic (codes of the reference).
  list: (query: PageQuery) => answer(api.GET('/api/v1/coaching', { params: { query: asQuery(query) } })),
  get: (id: number) => answer(api.GET('/api/v1/coaching/{id}', at(id))),
  ask: (body: CoachingAsk) => answer(api.POST('/api/v1/coaching', { body })),
  // One of the moves the detail lists in `actions`, with what its input carries.
  move: (id: number, body: CoachingMoveBody) => answer(api.POST('/api/v1/coaching/{id}/transitions', { ...at(id), body })),
}

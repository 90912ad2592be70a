// The contract's types of 一对一辅导 under the names its pages use (schema.d.ts, generated from docs/openapi.json;
// no field is written here).
import type { components } from '@/api/schema'
import type { RequestBody } from '@/api/types'

type Schemas = components['schemas']

export type CoachingReference = Schemas['CoachingReference']
export type CoachingRequest = Schemas['CoachingRequest']
export type CoachingDetail = Schemas['CoachingDetail']
export type CoachingSession = Schemas['CoachingSession']
export type CoachingAction = Schemas['CoachingAction']
export type CoachingPage = Schemas['CoachingPage']
export type CoachingSessionInput = Schemas['CoachingSessionInput']
export type CoachingAsk = RequestBody<'/api/v1/coaching', 'post'>
export type CoachingMoveBody = RequestBody<'/api/v1/coaching/{id}/transitions', 'post'>

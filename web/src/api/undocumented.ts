// Answers the contract does not describe yet: routes whose 2xx has no schema in docs/openapi.json although the server
// sends a body the pages read. Each entry names its route; undocumented.test.ts fails once the contract gives the
// route a schema, and the entry is then removed here and the generated type used instead.
import type { components } from './schema'

type Schemas = components['schemas']

export interface Undocumented {
  // The score of unsaved answers (the questionnaire's live panel).
  'POST /api/v1/assessments/evaluate': {
    score: number
    dimensions: Record<string, number>
    level: number
    explanation: string
    question_points: Record<string, number>
    // Scenes at or above level 1..4, and of them the 约束性 ones.
    scenes_at_level: number[]
    mandatory_at_level: number[]
  }
  'POST /api/v1/enterprises/imports': Schemas['JobEnvelope']
  'POST /api/v1/enterprises/exports': Schemas['JobEnvelope']
  'POST /api/v1/stats/progress/exports': Schemas['JobEnvelope']
  'POST /api/v1/reports': Schemas['JobEnvelope']
  'POST /api/v1/public/provider-notices/{id}/objections': { id: number; received_at: string; message: string }
  // The version proposed and its state (proposed, or approved at once before 立项).
  'POST /api/v1/projects/{id}/plans': { version: number; state: string }
  'POST /api/v1/funds': { id: number; name: string; budget_fen: number }
}

// The body of such a route's answer, under the type the pages know it by.
export async function undocumented<R extends keyof Undocumented>(_route: R, call: Promise<{ data?: unknown }>): Promise<Undocumented[R]> {
  return (await call).data as Undocumented[R]
}

export const UNDOCUMENTED_ROUTES: readonly (keyof Undocumented)[] = [
  'POST /api/v1/assessments/evaluate',
  'POST /api/v1/enterprises/imports',
  'POST /api/v1/enterprises/exports',
  'POST /api/v1/stats/progress/exports',
  'POST /api/v1/reports',
  'POST /api/v1/public/provider-notices/{id}/objections',
  'POST /api/v1/projects/{id}/plans',
  'POST /api/v1/funds',
]

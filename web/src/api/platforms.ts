// 行业级工业互联网平台: the directory (everyone signed in reads it), and for the city admin the platforms' API keys,
// the 上云 batches they pushed, the enterprises they reported, and their evaluations (考评).
import { answer, api, asQuery } from './http'
import type { PageQuery } from './index'
import type { components } from './schema'
import type { IdentifierNodeInput, Item, RequestBody } from './types'

type Schemas = components['schemas']

export type Platform = Schemas['Platform']
// saas 平台服务, onsite 项目建设, maintenance 项目运维.
export type PlatformService = Item<Platform['services']>
export type PlatformStatus = Platform['status']
export type PlatformInput = RequestBody<'/api/v1/platforms', 'post'>
// An API key as listed: never the secret.
export type PlatformKey = Schemas['PlatformKey']
export type IssuedPlatformKey = Schemas['IssuedPlatformKey']
export type CloudBatch = Item<Schemas['PlatformBatches']['items']>
export type CloudUser = Schemas['CloudUser']
export type PlatformEvaluation = Schemas['PlatformEvaluation']
export type PlatformEvaluationList = Schemas['PlatformEvaluations']
export type EvaluationCriterion = Item<PlatformEvaluationList['criteria']>

export const platformApi = {
  // Every platform, and the scopes a key may be granted.
  list: () => answer(api.GET('/api/v1/platforms')),
  get: (id: number) => answer(api.GET('/api/v1/platforms/{id}', { params: { path: { id } } })),
  create: (input: PlatformInput) => answer(api.POST('/api/v1/platforms', { body: input })),
  // Any fields; { status } suspends or resumes it.
  update: (id: number, input: RequestBody<'/api/v1/platforms/{id}', 'patch'>) =>
    answer(api.PATCH('/api/v1/platforms/{id}', { params: { path: { id } }, body: input })),
  keys: (id: number) => answer(api.GET('/api/v1/platforms/{id}/keys', { params: { path: { id } } })),
  // The answer carries the key itself, shown this once (only its hash is kept).
  issueKey: (id: number, label: string, scopes: string[]) =>
    answer(api.POST('/api/v1/platforms/{id}/keys', { params: { path: { id } }, body: { label, scopes } })),
  revokeKey: (id: number, keyId: number) =>
    answer(api.POST('/api/v1/platforms/{id}/keys/{kid}/revoke', { params: { path: { id, kid: String(keyId) } } })),
  // The newest 200.
  batches: (id: number) => answer(api.GET('/api/v1/platforms/{id}/batches', { params: { path: { id } } })),
  users: (id: number, query: PageQuery) =>
    answer(api.GET('/api/v1/platforms/{id}/users', { params: { path: { id }, query: asQuery(query) } })),
  // Scores per criterion the evaluators give; 409 when the platform was already evaluated for the period.
  evaluate: (id: number, input: RequestBody<'/api/v1/platforms/{id}/evaluations', 'post'>) =>
    answer(api.POST('/api/v1/platforms/{id}/evaluations', { params: { path: { id } }, body: input })),
  // One period, or every period (highest total first within a period).
  evaluations: (period?: string) => answer(api.GET('/api/v1/platform-evaluations', { params: { query: { period } } })),
  // Every 标识解析二级节点 (everyone signed in).
  identifierNodes: () => answer(api.GET('/api/v1/identifier-nodes')),
  // city_admin; 409 when the prefix is already recorded.
  addIdentifierNode: (id: number, input: IdentifierNodeInput) =>
    answer(api.POST('/api/v1/platforms/{id}/identifier-nodes', { params: { path: { id } }, body: input })),
}

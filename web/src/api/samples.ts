// The "N+X" 样本库 (方案二(一)2): sample enterprises proposed per pilot industry against five criteria, the experts'
// deliberation that selects or rejects them, and the industry's versioned "N+X" 需求清单 — a draft confirmed at a
// deliberation, after which its scenarios stand in the N+X 场景库. Samples and deliberations are read by the city,
// the districts and the experts; the lists by everyone signed in.
import { answer, api } from './http'
import type { components } from './schema'
import type { Item, RequestBody } from './types'

type Schemas = components['schemas']

export type Sample = Schemas['Sample']
export type SampleStatus = Sample['status']
// By criterion code: met, and its 依据 (required when met).
export type SampleCriterionState = Sample['criteria'][string]
export type SampleInput = RequestBody<'/api/v1/samples', 'post'>
export type Deliberation = Schemas['SampleDeliberation']
export type DeliberationInput = RequestBody<'/api/v1/sample-deliberations', 'post'>
// A deliberation's decision on a sample: the status it gives it.
export type SampleDecision = Exclude<SampleStatus, 'proposed'>
export type DemandList = Schemas['DemandList']
// In the server's answer each item also names its samples' enterprises (readable by everyone who reads the list).
export type DemandListItem = Item<DemandList['items']>
// An item as a draft sends it: the answer's fields but the names the server adds.
export type DemandItem = Omit<DemandListItem, 'sample_enterprises'>

export const sampleApi = {
  criteria: () => answer(api.GET('/api/v1/sample-criteria')),
  // '' = every industry.
  list: (industry: string) => answer(api.GET('/api/v1/samples', { params: { query: { industry } } })),
  propose: (input: SampleInput) => answer(api.POST('/api/v1/samples', { body: input })),
  deliberations: (industry: string) => answer(api.GET('/api/v1/sample-deliberations', { params: { query: { industry } } })),
  // The whole deliberation is refused (nothing kept) when one decision is: selecting a sample with an unmet criterion.
  deliberate: (input: DeliberationInput) => answer(api.POST('/api/v1/sample-deliberations', { body: input })),
}

export const demandListApi = {
  // Newest version first.
  list: (industry: string) => answer(api.GET('/api/v1/demand-lists', { params: { query: { industry } } })),
  draft: (industry: string, items: RequestBody<'/api/v1/demand-lists', 'post'>['items'], note?: string) =>
    answer(api.POST('/api/v1/demand-lists', { body: { industry, items, note } })),
  // Only the latest version, once; its scenarios then stand in the N+X library.
  confirm: (id: number, deliberationId: number) =>
    answer(api.POST('/api/v1/demand-lists/{id}/confirm', { params: { path: { id } }, body: { deliberation_id: deliberationId } })),
}

// The "N+X" 样本库 (方案二(一)2): sample enterprises proposed per pilot industry against five criteria, the experts'
// deliberation that selects or rejects them, and the industry's versioned "N+X" 需求清单 — a draft confirmed at a
// deliberation, after which its scenarios stand in the N+X 场景库. Samples and deliberations are read by the city,
// the districts and the experts; the lists by everyone signed in.
import { http } from './http'
import type { CodeName } from './types'

export interface SampleCriterionState {
  met: boolean
  // 依据: required when met.
  evidence: string
}

export type SampleStatus = 'proposed' | 'selected' | 'rejected'

export interface Sample {
  id: number
  industry: string
  enterprise: { id: number; name: string; district: string }
  // By criterion code.
  criteria: Record<string, SampleCriterionState>
  // Names of the criteria not met.
  unmet: string[]
  note: string
  status: SampleStatus
  status_name: string
  deliberation_id: number | null
  decision_reason: string | null
  proposed_by: string
  created_at: string
}

export interface SampleInput {
  industry: string
  enterprise_id: number
  criteria: Record<string, SampleCriterionState>
  note?: string
}

export interface Deliberation {
  id: number
  industry: string
  held_on: string
  experts: string[]
  minutes: string
  recorded_by: string
  created_at: string
}

export type SampleDecision = 'selected' | 'rejected'

export interface DeliberationInput {
  industry: string
  held_on: string
  // At least three.
  experts: string[]
  minutes: string
  decisions: { sample_id: number; decision: SampleDecision; reason?: string }[]
}

export type DemandKind = 'N' | 'X'

export interface DemandItem {
  kind: DemandKind
  name: string
  // A scenario category code of the product catalogue.
  category: string
  description: string
  // Sample ids (an X scenario names the sample enterprises it comes from).
  samples: number[]
  // In the server's answer only: each sample with its enterprise's name, in the order of `samples` (readable by
  // everyone who reads the list, unlike the samples themselves).
  sample_enterprises?: { id: number; enterprise_name: string }[]
}

export interface DemandList {
  id: number
  industry: string
  version: number
  status: 'draft' | 'confirmed'
  status_name: string
  items: DemandItem[]
  note: string
  deliberation_id: number | null
  created_by: string
  created_at: string
  confirmed_at: string | null
  previous_version: number | null
  // Scenario names against the previous version (all added for the first).
  changes: { added: string[]; removed: string[]; changed: string[] }
}

export const sampleApi = {
  criteria: () => http.get<{ version: string; items: CodeName[] }>('/sample-criteria'),
  // '' = every industry.
  list: (industry: string) => http.get<{ items: Sample[] }>('/samples', { industry }),
  propose: (input: SampleInput) => http.post<Sample>('/samples', input),
  deliberations: (industry: string) => http.get<{ items: Deliberation[] }>('/sample-deliberations', { industry }),
  // The whole deliberation is refused (nothing kept) when one decision is: selecting a sample with an unmet criterion.
  deliberate: (input: DeliberationInput) => http.post<Deliberation>('/sample-deliberations', input),
}

export const demandListApi = {
  // Newest version first.
  list: (industry: string) => http.get<{ items: DemandList[] }>('/demand-lists', { industry }),
  draft: (industry: string, items: DemandItem[], note?: string) => http.post<DemandList>('/demand-lists', { industry, items, note }),
  // Only the latest version, once; its scenarios then stand in the N+X library.
  confirm: (id: number, deliberationId: number) => http.post<DemandList>(`/demand-lists/${id}/confirm`, { deliberation_id: deliberationId }),
}

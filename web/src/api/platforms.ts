// 行业级工业互联网平台: the directory (everyone signed in reads it), and for the city admin the platforms' API keys,
// the 上云 batches they pushed, the enterprises they reported, and their evaluations (考评).
import { http } from './http'
import type { PageQuery } from './index'
import type { CodeName, IdName, IdentifierNode, IdentifierNodeInput, Page } from './types'

// saas 平台服务, onsite 项目建设, maintenance 项目运维.
export type PlatformServiceKind = 'saas' | 'onsite' | 'maintenance'

export interface PlatformService {
  name: string
  kind: PlatformServiceKind
  description: string
}

export type PlatformStatus = 'active' | 'suspended'

export interface Platform {
  id: number
  name: string
  operator: string
  credit_code: string
  // Industry codes.
  industries: string[]
  services: PlatformService[]
  url: string
  status: PlatformStatus
  status_name: string
  // Enterprises the platform has reported as using it (已报送上云企业数).
  served_enterprises: number
  // Its 标识解析二级节点.
  identifier_nodes: IdentifierNode[]
  created_at: string
}

export interface PlatformInput {
  name: string
  operator: string
  credit_code: string
  url: string
  industries: string[]
  services: PlatformService[]
}

// An API key as listed: never the secret.
export interface PlatformKey {
  id: number
  // The public part of the key ("szp_<key_id>_<secret>").
  key_id: string
  label: string
  scopes: string[]
  created_by: string
  created_at: string
  revoked_at: string | null
  last_used_at: string | null
}

// The answer to 签发: the key itself, shown this once (only its hash is kept).
export type IssuedPlatformKey = PlatformKey & { key: string }

export interface CloudBatch {
  batch_id: string
  digest: string
  accepted: number
  rejected: number
  received_at: string
}

export interface CloudUser {
  enterprise_id: number
  name: string
  credit_code: string
  service: string
  since: string
  batch_id: string
  updated_at: string
}

export interface EvaluationCriterion {
  code: string
  name: string
  max: number
  // Computed from the enterprises the platform reported (服务试点企业数), not scored by the evaluators.
  computed?: boolean
  // The computed criterion: this many enterprises served earn the full points (fewer earn their share, rounded down).
  full_at?: number
}

export interface PlatformEvaluation {
  id: number
  platform: IdName
  // YYYY-MM.
  period: string
  // Points per criterion code, "served" included.
  scores: Record<string, number>
  served_enterprises: number
  total: number
  grade: string
  grade_name: string
  // In the award list (考评优秀者给予奖励).
  award: boolean
  rules_version: string
  note: string
  evaluated_by: string
  created_at: string
}

export interface PlatformEvaluationList {
  items: PlatformEvaluation[]
  criteria: EvaluationCriterion[]
  rules_version: string
}

export const platformApi = {
  // Every platform, and the scopes a key may be granted.
  list: () => http.get<{ items: Platform[]; scopes: CodeName[] }>('/platforms'),
  get: (id: number) => http.get<Platform>(`/platforms/${id}`),
  create: (input: PlatformInput) => http.post<Platform>('/platforms', input),
  // Any fields; { status } suspends or resumes it.
  update: (id: number, input: Partial<PlatformInput> & { status?: PlatformStatus }) => http.patch<Platform>(`/platforms/${id}`, input),
  keys: (id: number) => http.get<{ items: PlatformKey[] }>(`/platforms/${id}/keys`),
  issueKey: (id: number, label: string, scopes: string[]) => http.post<IssuedPlatformKey>(`/platforms/${id}/keys`, { label, scopes }),
  revokeKey: (id: number, keyId: number) => http.post<void>(`/platforms/${id}/keys/${keyId}/revoke`),
  // The newest 200.
  batches: (id: number) => http.get<{ items: CloudBatch[] }>(`/platforms/${id}/batches`),
  users: (id: number, query: PageQuery) => http.get<Page<CloudUser>>(`/platforms/${id}/users`, query),
  // Scores per criterion the evaluators give; 409 when the platform was already evaluated for the period.
  evaluate: (id: number, input: { period: string; scores: Record<string, number>; note?: string }) =>
    http.post<PlatformEvaluation>(`/platforms/${id}/evaluations`, input),
  // One period, or every period (highest total first within a period).
  evaluations: (period?: string) => http.get<PlatformEvaluationList>('/platform-evaluations', { period }),
  // Every 标识解析二级节点 (everyone signed in).
  identifierNodes: () => http.get<{ items: IdentifierNode[] }>('/identifier-nodes'),
  // city_admin; 409 when the prefix is already recorded.
  addIdentifierNode: (id: number, input: IdentifierNodeInput) => http.post<IdentifierNode>(`/platforms/${id}/identifier-nodes`, input),
}

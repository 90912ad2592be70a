// Shapes of the JSON API under /api/v1 (see the contract in docs / the brief). Times are ISO-8601 UTC strings.

export type RoleCode = 'city_admin' | 'district_officer' | 'enterprise' | 'provider' | 'expert' | 'bank'

export interface DistrictRef {
  code: string
  name: string
}

export interface IndustryRef {
  code: string
  name: string
}

export interface User {
  id: number
  username: string
  display_name: string
  roles: string[]
  district: DistrictRef | null
  enterprise_id: number | null
  provider_id: number | null
}

export interface LoginResponse {
  token: string
  csrf_token: string
  user: User
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface Industry {
  code: string
  name: string
  short_name: string
  key_districts: string[]
}

export interface District {
  code: string
  name: string
  division_code: string
  kind: string
}

export interface TargetGroup {
  no: string
  name: string
}

export interface Indicator {
  no: number
  group: string
  name: string
  unit: string
  kind: 'count' | 'ratio'
  // Numbers per the contract; a decimal string is tolerated and shown as written.
  values: Record<string, number | string>
  total: number | string
}

export interface ConsistencyFinding {
  code: string
  severity: 'warning' | 'info' | string
  message: string
}

export interface TargetsResponse {
  version: string
  industries: { code: string; name: string; short_name: string }[]
  groups: TargetGroup[]
  indicators: Indicator[]
  consistency: ConsistencyFinding[]
}

export interface DistrictTarget {
  district: DistrictRef
  total: number
  y2024: number
  y2025: number
}

export interface DistrictTargetsResponse {
  version: string
  items: DistrictTarget[]
  totals: { total: number; y2024: number; y2025: number }
}

export interface EnterpriseSummary {
  id: number
  name: string
  credit_code: string
  industry: IndustryRef
  district: DistrictRef
  batch: number
  status: string
  status_name: string
}

export interface EnterpriseDetail extends EnterpriseSummary {
  address: string | null
  legal_rep: string | null
  contact_name: string | null
  contact_phone: string | null
  created_at: string
}

export interface AdminUser extends User {
  locked: boolean
  locked_until: string | null
  last_login_at: string | null
  created_at: string
}

export interface NewUser {
  username: string
  display_name: string
  password: string
  roles: string[]
  district: string | null
  enterprise_id: number | null
  provider_id: number | null
}

export interface LoginAttempt {
  id: number
  username: string
  success: boolean
  reason: string | null
  ip: string
  at: string
}

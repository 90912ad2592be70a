// Typed calls, one per endpoint of the contract.
import { http } from './http'
import type {
  AdminUser,
  District,
  DistrictTargetsResponse,
  EnterpriseDetail,
  EnterpriseSummary,
  Industry,
  LoginAttempt,
  LoginResponse,
  NewUser,
  Page,
  TargetsResponse,
  User,
} from './types'

export const authApi = {
  login: (username: string, password: string) =>
    http.post<LoginResponse>('/auth/login', { username, password }, { quiet401: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { quiet401: true }),
  me: () => http.get<{ user: User }>('/auth/me', undefined, { quiet401: true }),
}

export const referenceApi = {
  industries: () => http.get<{ items: Industry[] }>('/industries'),
  districts: () => http.get<{ items: District[] }>('/districts'),
}

export const targetsApi = {
  targets: () => http.get<TargetsResponse>('/targets'),
  districtTargets: () => http.get<DistrictTargetsResponse>('/district-targets'),
}

export interface EnterpriseQuery {
  page: number
  page_size: number
  industry?: string
  district?: string
  q?: string
}

export const enterpriseApi = {
  list: (query: EnterpriseQuery) => http.get<Page<EnterpriseSummary>>('/enterprises', { ...query }),
  get: (id: number) => http.get<EnterpriseDetail>(`/enterprises/${id}`),
}

export const userApi = {
  list: (query: { page: number; page_size: number; q?: string }) => http.get<Page<AdminUser>>('/users', { ...query }),
  create: (user: NewUser) => http.post<{ user: AdminUser }>('/users', user),
  lock: (id: number) => http.post<{ user: AdminUser }>(`/users/${id}/lock`),
  unlock: (id: number) => http.post<{ user: AdminUser }>(`/users/${id}/unlock`),
  setPassword: (id: number, password: string) => http.post<void>(`/users/${id}/password`, { password }),
}

export const loginLogApi = {
  list: (query: { page: number; page_size: number }) => http.get<Page<LoginAttempt>>('/login-log', { ...query }),
}

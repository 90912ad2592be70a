// The one place that talks HTTP to the server: an openapi-fetch client typed by the contract (schema.d.ts, generated
// from docs/openapi.json), with this site's rules as its middleware — same-origin cookies, the CSRF header on writes,
// and the server's {"error": {code, message, field}} turned into an ApiError with its Chinese message.
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string | null
  // Seconds from a Retry-After header (429: the public look-ups' 10-second rule), else null.
  readonly retryAfter: number | null

  constructor(status: number, code: string, message: string, field: string | null = null, retryAfter: number | null = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    this.retryAfter = retryAfter
  }
}

// Returned by the login call; used only if the readable sz_csrf cookie is missing (it should not be).
let csrfFallback: string | null = null

export function rememberCsrfToken(token: string | null): void {
  csrfFallback = token
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim())
      } catch {
        return part.slice(eq + 1).trim()
      }
    }
  }
  return null
}

let onUnauthorized: (() => void) | null = null

// Called when a request made with a session comes back 401 (the session expired or was revoked).
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

// A list's filters as the pages keep them (the address's strings); empty ones are left out of the URL.
export type Query = Record<string, string | number | null | undefined>

// Those filters sent as a route's query, as they are: the server parses and checks them, so they pass the route's
// query type unchecked (a list page's filter names are its own, kept in the address).
export function asQuery(filters: Query): never {
  return filters as never
}

function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue
    params.set(key, String(value))
  }
  return params.toString()
}

function statusMessage(status: number): string {
  switch (status) {
    case 400: return '请求格式有误'
    case 401: return '未登录或登录已过期，请重新登录'
    case 403: return '没有权限执行此操作'
    case 404: return '请求的数据不存在'
    case 409: return '数据冲突，请刷新后重试'
    case 413: return '提交的数据过大'
    case 422: return '提交的数据不符合要求'
    case 423: return '账号已被锁定'
    case 429: return '操作过于频繁，请稍后再试'
    case 502:
    case 503:
    case 504: return '服务器暂时不可用，请稍后再试'
    default: return `服务器错误（HTTP ${status}）`
  }
}

// Retry-After in seconds (the server sends delta-seconds); null when absent or not a number.
function retryAfterSeconds(header: string | null): number | null {
  if (!header || !/^\d+$/.test(header.trim())) return null
  return Number(header.trim())
}

function networkError(): ApiError {
  return new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试')
}

function parsedOrNull(text: string): unknown {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

// The server's refusal as an ApiError with its Chinese message (or one for the status), after telling the 401
// handler when the session is gone.
function refusal(response: Response, data: unknown, quiet401 = false): ApiError {
  const err = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error
  const apiError = new ApiError(
    response.status,
    err?.code ?? `http_${response.status}`,
    err?.message || statusMessage(response.status),
    err?.field ?? null,
    retryAfterSeconds(response.headers.get('Retry-After')),
  )
  if (response.status === 401 && !quiet401 && onUnauthorized) onUnauthorized()
  return apiError
}

// This site's rules on every call: JSON asked for, the CSRF token on writes, a refusal or an unreadable answer thrown
// as an ApiError (so a call's result is always the answer the contract names), a failed connection as one too.
// quiet401: do not call the 401 handler (login and the initial session check expect 401).
function siteRules(quiet401: boolean): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept', 'application/json')
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        const csrf = readCookie('sz_csrf') ?? csrfFallback
        if (csrf) request.headers.set('X-CSRF-Token', csrf)
      }
    },
    async onResponse({ response }) {
      if (response.status === 204) return
      const text = await response.clone().text()
      const data = parsedOrNull(text)
      if (!response.ok) throw refusal(response, data, quiet401)
      if (data === null && text) throw new ApiError(response.status, 'bad_response', '服务器返回的数据无法解析')
    },
    onError() {
      return networkError()
    },
  }
}

// A client of the contract's routes (paths are the document's, "/api/v1/…"). `fetch` and `baseUrl` are for tests.
export function createApiClient({ quiet401 = false, baseUrl = '', fetch = (r: Request) => globalThis.fetch(r) } = {}) {
  const client = createClient<paths>({ baseUrl, fetch, credentials: 'same-origin', querySerializer: queryString })
  client.use(siteRules(quiet401))
  return client
}

export const api = createApiClient()
// For the calls where a 401 is an answer, not a lost session: the login steps and the session check.
export const quietApi = createApiClient({ quiet401: true })

// What a 2xx answer carries — refusals never get here, the middleware throws them. A route whose answer the contract
// leaves without content resolves to void.
export async function answer<T>(call: Promise<{ data?: T }>): Promise<[T] extends [never] ? void : T> {
  return (await call).data as [T] extends [never] ? void : T
}

// A file sent as it is (imports, documents): the request body is the file's bytes.
export const rawFile = {
  bodySerializer: (file: unknown) => file as Blob,
  headers: { 'Content-Type': 'application/octet-stream' },
}

// A file the server sends (a document, a job's result, a 通报, a 绩效评价 sheet), fetched with the session: its bytes
// and the Content-Disposition header that names it. A refusal (a JSON error: 404, 409 …) is thrown as an ApiError
// with the server's message, so it is never saved as if it were the file. `url` is a same-site path
// ("/api/v1/jobs/3/download") the server gave.
export async function fetchFile(url: string): Promise<{ blob: Blob; disposition: string | null }> {
  let response: Response
  try {
    response = await fetch(url, { method: 'GET', credentials: 'same-origin' })
  } catch {
    throw networkError()
  }
  if (!response.ok) throw refusal(response, parsedOrNull(await response.text()))
  return { blob: await response.blob(), disposition: response.headers.get('Content-Disposition') }
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error && e.message) return e.message
  return '操作失败，请稍后再试'
}

// The one place that talks HTTP to the server: same-origin cookies, the CSRF header on writes,
// and the server's {"error": {code, message, field}} turned into an ApiError with its Chinese message.

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

const API_BASE = '/api/v1'

// Returned by the login call; used only if the readable sz_csrf cookie is missing (it should not be).
let csrfFallback: string | null = null

export function rememberCsrfToken(token: string | null): void {
  csrfFallback = token
}

export function readCookie(name: string): string | null {
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

type UnauthorizedHandler = (path: string) => void
let onUnauthorized: UnauthorizedHandler | null = null

// Called when a request made with a session comes back 401 (the session expired or was revoked).
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler
}

export type Query = Record<string, string | number | null | undefined>

function buildUrl(path: string, query?: Query): string {
  let url = API_BASE + path
  if (query) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (value === null || value === undefined || value === '') continue
      params.set(key, String(value))
    }
    const qs = params.toString()
    if (qs) url += '?' + qs
  }
  return url
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

export interface RequestOptions {
  query?: Query
  body?: unknown
  // Do not call the global 401 handler (login and the initial session check expect 401).
  quiet401?: boolean
  // A file to send as the raw request body instead of JSON.
  upload?: Blob
}

// The server's refusal as an ApiError with its Chinese message (or one for the status), after telling the 401
// handler when the session is gone.
function refusal(response: Response, data: unknown, path: string, quiet401 = false): ApiError {
  const err = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error
  const apiError = new ApiError(
    response.status,
    err?.code ?? `http_${response.status}`,
    err?.message || statusMessage(response.status),
    err?.field ?? null,
    retryAfterSeconds(response.headers.get('Retry-After')),
  )
  if (response.status === 401 && !quiet401 && onUnauthorized) onUnauthorized(path)
  return apiError
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie('sz_csrf') ?? csrfFallback
    if (csrf) headers['X-CSRF-Token'] = csrf
  }
  let body: string | Blob | undefined
  if (options.upload !== undefined) {
    // A file sent as it is (imports): the request body is the file's bytes.
    headers['Content-Type'] = 'application/octet-stream'
    body = options.upload
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试')
  }

  if (response.status === 204) return undefined as T

  const text = await response.text()
  let data: unknown = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }

  if (!response.ok) throw refusal(response, data, path, options.quiet401)
  if (data === null && text) {
    throw new ApiError(response.status, 'bad_response', '服务器返回的数据无法解析')
  }
  return data as T
}

// A file the server sends (a document, a job's result, a 通报, a 绩效评价 sheet), fetched with the session: its bytes
// and the Content-Disposition header that names it. A refusal (a JSON error: 404, 409 …) is thrown as an ApiError
// with the server's message, so it is never saved as if it were the file. `url` is a same-site path
// ("/api/v1/jobs/3/download").
export async function fetchFile(url: string): Promise<{ blob: Blob; disposition: string | null }> {
  let response: Response
  try {
    response = await fetch(url, { method: 'GET', credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试')
  }
  if (!response.ok) {
    let data: unknown = null
    try {
      data = JSON.parse(await response.text())
    } catch {
      data = null
    }
    throw refusal(response, data, url)
  }
  return { blob: await response.blob(), disposition: response.headers.get('Content-Disposition') }
}

export const http = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('DELETE', path, { ...options, body }),
  upload: <T>(path: string, file: Blob, query?: Query) => request<T>('POST', path, { query, upload: file }),
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error && e.message) return e.message
  return '操作失败，请稍后再试'
}

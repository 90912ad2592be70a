import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, answer, createApiClient, rawFile, rememberCsrfToken, setUnauthorizedHandler } from './http'

// The client against a stub server: what it sends, and what each answer becomes.
function withServer(reply: (req: Request) => Response | Promise<Response>, quiet401 = false) {
  const seen: Request[] = []
  const client = createApiClient({
    quiet401,
    baseUrl: 'http://site.test',
    fetch: async (req: Request) => {
      seen.push(req)
      return reply(req)
    },
  })
  return { client, seen }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

async function refusalOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('no refusal')
}

beforeEach(() => {
  vi.stubGlobal('document', { cookie: 'other=1; sz_csrf=tok%3D1' })
})

afterEach(() => {
  vi.unstubAllGlobals()
  rememberCsrfToken(null)
  setUnauthorizedHandler(() => {})
})

describe('the API client', () => {
  it('asks for JSON, sends the CSRF token on writes only, and leaves empty filters out of the URL', async () => {
    const { client, seen } = withServer(() => json(200, { items: [], total: 0, page: 1, page_size: 20 }))
    await answer(client.GET('/api/v1/users', { params: { query: { page: 1, page_size: 20, q: '', role: undefined } } }))
    await answer(client.POST('/api/v1/withdrawals/{id}/reject', { params: { path: { id: 7 } }, body: { note: '不符' } }))
    expect(seen[0].url).toBe('http://site.test/api/v1/users?page=1&page_size=20')
    expect(seen[0].headers.get('Accept')).toBe('application/json')
    expect(seen[0].headers.get('X-CSRF-Token')).toBeNull()
    expect(seen[0].credentials).toBe('same-origin')
    expect(seen[1].method).toBe('POST')
    expect(seen[1].headers.get('X-CSRF-Token')).toBe('tok=1')
    expect(seen[1].headers.get('Content-Type')).toBe('application/json')
    expect(await seen[1].text()).toBe('{"note":"不符"}')
  })

  it('falls back to the token the login returned when the cookie is missing', async () => {
    vi.stubGlobal('document', { cookie: '' })
    rememberCsrfToken('from-login')
    const { client, seen } = withServer(() => new Response(null, { status: 204 }))
    await answer(client.POST('/api/v1/auth/logout'))
    expect(seen[0].headers.get('X-CSRF-Token')).toBe('from-login')
  })

  it('sends a file as the raw body', async () => {
    const { client, seen } = withServer(() => json(202, { job: { id: 1 } }))
    const file = new Blob(['a,b\n'])
    await client.POST('/api/v1/enterprises/imports', { params: { query: { name: '名单.csv' } }, body: file, ...rawFile })
    expect(seen[0].headers.get('Content-Type')).toBe('application/octet-stream')
    expect(await seen[0].text()).toBe('a,b\n')
    expect(new URL(seen[0].url).searchParams.get('name')).toBe('名单.csv')
  })

  it('gives the answer, and nothing for 204', async () => {
    const { client } = withServer((req) => (req.method === 'GET' ? json(200, { version: '1', items: [] }) : new Response(null, { status: 204 })))
    expect(await answer(client.GET('/api/v1/sample-criteria'))).toEqual({ version: '1', items: [] })
    expect(await answer(client.POST('/api/v1/notifications/read-all'))).toBeUndefined()
  })

  it("throws the server's refusal with its Chinese message, field and Retry-After", async () => {
    const { client } = withServer(() =>
      json(429, { error: { code: 'rate_limited', message: '查询过于频繁，请 10 秒后再试', field: 'q' } }, { 'Retry-After': '10' }),
    )
    const e = await refusalOf(answer(client.GET('/api/v1/public/enterprises', { params: { query: { q: '宏达' } } })))
    expect([e.status, e.code, e.message, e.field, e.retryAfter]).toEqual([429, 'rate_limited', '查询过于频繁，请 10 秒后再试', 'q', 10])
  })

  it('names a refusal without a body by its status', async () => {
    const { client } = withServer(() => new Response('', { status: 503 }))
    const e = await refusalOf(answer(client.GET('/api/v1/targets')))
    expect([e.code, e.message, e.field, e.retryAfter]).toEqual(['http_503', '服务器暂时不可用，请稍后再试', null, null])
  })

  it('tells the 401 handler that the session is gone, except on the quiet client', async () => {
    const lost = vi.fn()
    setUnauthorizedHandler(lost)
    const refuse = () => json(401, { error: { code: 'unauthenticated', message: '请先登录' } })
    expect((await refusalOf(answer(withServer(refuse).client.GET('/api/v1/targets')))).status).toBe(401)
    expect(lost).toHaveBeenCalledTimes(1)
    await refusalOf(answer(withServer(refuse, true).client.GET('/api/v1/auth/me')))
    expect(lost).toHaveBeenCalledTimes(1)
  })

  it('says so when the server cannot be reached or answers something unreadable', async () => {
    const down = withServer(() => {
      throw new TypeError('Failed to fetch')
    })
    const e = await refusalOf(answer(down.client.GET('/api/v1/targets')))
    expect([e.status, e.code, e.message]).toEqual([0, 'network_error', '无法连接服务器，请检查网络后重试'])
    const garbled = withServer(() => new Response('<html>', { status: 200 }))
    const g = await refusalOf(answer(garbled.client.GET('/api/v1/targets')))
    expect([g.code, g.message]).toEqual(['bad_response', '服务器返回的数据无法解析'])
  })
})

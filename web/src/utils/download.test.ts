import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, fetchFile } from '@/api/http'
import { fileNameFrom } from './download'

describe('fileNameFrom', () => {
  it('takes the UTF-8 name the server sends, before its placeholder', () => {
    expect(fileNameFrom(`attachment; filename="download"; filename*=UTF-8''${encodeURIComponent('2025年度绩效评价.pdf')}`)).toBe('2025年度绩效评价.pdf')
  })

  it('falls back to the plain name, then to the name given', () => {
    expect(fileNameFrom('attachment; filename="open-data.csv"', 'x.csv')).toBe('open-data.csv')
    expect(fileNameFrom('attachment; filename="download"', '合同.pdf')).toBe('合同.pdf')
    expect(fileNameFrom(null, '合同.pdf')).toBe('合同.pdf')
    expect(fileNameFrom(null)).toBe('download')
    expect(fileNameFrom("attachment; filename*=UTF-8''%E4%BD", 'a.pdf')).toBe('a.pdf')
  })
})

describe('fetchFile', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('gives the bytes and the header of a file', async () => {
    vi.stubGlobal('fetch', async () => new Response('%PDF-1.4', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="a.pdf"' } }))
    const f = await fetchFile('/api/v1/evaluations/2025/pdf')
    expect(await f.blob.text()).toBe('%PDF-1.4')
    expect(f.disposition).toBe('attachment; filename="a.pdf"')
  })

  it('throws a refusal with the server’s message instead of giving it as a file', async () => {
    const body = { error: { code: 'conflict', message: '文件已丢失，按快照重新生成的结果与发布时不一致（字体或渲染库已变化）', field: 'file' } }
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 409, headers: { 'Content-Type': 'application/json' } }))
    const e = await fetchFile('/api/v1/reports/3/pdf').catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(409)
    expect((e as ApiError).message).toBe(body.error.message)
  })

  it('names a refusal without a body by its status', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }))
    await expect(fetchFile('/api/v1/jobs/9/download')).rejects.toThrow('请求的数据不存在')
  })
})

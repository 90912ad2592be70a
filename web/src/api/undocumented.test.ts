import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { contractPath } from '../../scripts/gen-api.mjs'
import { UNDOCUMENTED_ROUTES } from './undocumented'

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>
}

// The routes undocumented.ts types by hand must still lack an answer's schema in the contract: once the contract
// describes one, its entry goes and the generated type takes over.
describe('undocumented.ts', () => {
  it('lists only routes whose 2xx answer the contract leaves without a schema', async () => {
    const contract = JSON.parse(await readFile(contractPath, 'utf8')) as { paths: Record<string, Record<string, Operation>> }
    const documented = UNDOCUMENTED_ROUTES.filter((route) => {
      const [method, path] = route.split(' ')
      const op = contract.paths[path]?.[method.toLowerCase()]
      expect(op, `${route} is not in docs/openapi.json`).toBeDefined()
      return Object.entries(op?.responses ?? {}).some(([status, r]) => status.startsWith('2') && r.content?.['application/json']?.schema)
    })
    expect(documented, 'the contract now describes these answers: use the generated types and drop them from undocumented.ts').toEqual([])
  })
})

import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { generateSchema, schemaPath } from '../../scripts/gen-api.mjs'

// The committed types must be exactly what the contract gives today: when docs/openapi.json changes, this fails until
// the types are made again (and the pages then type-check against the new contract).
describe('src/api/schema.d.ts', () => {
  it('is generated from the current docs/openapi.json', async () => {
    const committed = await readFile(schemaPath, 'utf8')
    const fresh = await generateSchema()
    expect(committed === fresh, 'src/api/schema.d.ts is stale: run `npm run gen:api` in web/ and commit it').toBe(true)
  }, 60_000)
})

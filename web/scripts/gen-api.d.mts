// Types of scripts/gen-api.mjs for the test that imports it.
export const contractPath: string
export const schemaPath: string
export function generateSchema(): Promise<string>

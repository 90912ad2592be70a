// docs/openapi.json is generated from the areas' contract fragments (src/<area>/api.json, scripts/contract.mjs):
// it must be exactly what they make, and the assembler must refuse what would make it wrong or leave a rule unsaid.
// No server needed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ROOT, SHARED, assemble } from '../../scripts/contract.mjs'

test('docs/openapi.json 与各领域的接口约定（src/*/api.json）一致', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/contract.mjs'), '--check'], { encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
})

// A minimal valid contract: the head, one shared schema and scope, one area with one operation using them.
const head = { openapi: '3.1.0', info: { title: 't', version: '1' }, 'x-scopes': { public: { description: 'p' } },
  components: { schemas: { Error: { type: 'object' } } } }
const operation = { summary: 's', tags: ['t'], 'x-scope': 'public', responses: { 200: { $ref: '#/components/schemas/Error' } } }
const area = { paths: { '/a': { get: operation } }, components: { schemas: { A: { type: 'string' } } } }
const fragment = (file, body) => ({ file, text: JSON.stringify(body) })
const problemsOf = (...fragments) => assemble([fragment(SHARED, head), ...fragments]).problems

test('接口约定的合并拒绝重复、悬空引用、不完整的接口、未声明的数据权限与放错位置的片段', () => {
  assert.deepEqual(problemsOf(fragment('src/a/api.json', area)), [])
  const refusals = [
    ['a path twice', [fragment('src/a/api.json', area), fragment('src/b/api.json', { paths: area.paths })], /paths "\/a" is already defined in src\/a\/api.json/],
    ['a schema twice', [fragment('src/a/api.json', area), fragment('src/b/api.json', { components: area.components })], /schemas "A" is already defined/],
    ['a shared schema again', [fragment('src/a/api.json', { components: { schemas: { Error: {} } } })], /schemas "Error" is already defined in src\/infra\/http\/api.json/],
    ['a $ref to nothing', [fragment('src/a/api.json', { components: { schemas: { A: { $ref: '#/components/schemas/Nope' } } } })], /\$ref "#\/components\/schemas\/Nope" points to nothing/],
    ['a $ref to another file', [fragment('src/a/api.json', { components: { schemas: { A: { $ref: 'other.json#/A' } } } })], /points to nothing/],
    ['no tags', [fragment('src/a/api.json', { paths: { '/a': { get: { ...operation, tags: [] } } } })], /GET \/a has no tags/],
    ['no summary', [fragment('src/a/api.json', { paths: { '/a': { post: { ...operation, summary: undefined } } } })], /POST \/a has no summary/],
    ['no responses', [fragment('src/a/api.json', { paths: { '/a': { put: { ...operation, responses: {} } } } })], /PUT \/a has no responses/],
    ['an undeclared scope', [fragment('src/a/api.json', { paths: { '/a': { get: { ...operation, 'x-scope': 'nobody' } } } })], /GET \/a: x-scope "nobody" is not declared/],
    ['a scope twice', [fragment('src/a/api.json', { ...area, 'x-scopes': head['x-scopes'] })], /x-scopes "public" is already defined in src\/infra\/http\/api.json/],
    ['a scope no route has', [fragment('src/a/api.json', { ...area, 'x-scopes': { spare: { description: 's' } } })], /x-scope "spare" is declared but no operation has it/],
    ['a scope without meaning', [fragment('src/a/api.json', { paths: { '/a': { get: { ...operation, 'x-scope': 'bare' } } }, 'x-scopes': { bare: {} } })], /x-scope "bare" has no description/],
    ['a misspelt method', [fragment('src/a/api.json', { paths: { '/a': { gett: operation } } })], /"gett", not an HTTP method/],
    ['a fragment below an area', [fragment('src/a/sub/api.json', area)], /src\/a\/sub\/api.json: a contract fragment is src\/<area>\/api.json/],
    ['a fragment outside src', [fragment('docs/api.json', area)], /docs\/api.json: a contract fragment is/],
    ['the head in an area', [fragment('src/a/api.json', { ...area, info: head.info })], /"info" does not belong in this fragment/],
    ['security schemes in an area', [fragment('src/a/api.json', { components: { securitySchemes: {} } })], /components.securitySchemes does not belong/],
    ['not JSON', [{ file: 'src/a/api.json', text: '{"paths": ' }], /src\/a\/api.json: .*JSON/],
  ]
  for (const [what, fragments, expected] of refusals) {
    const problems = problemsOf(...fragments)
    assert.ok(problems.some((p) => expected.test(p)), `${what}: ${JSON.stringify(problems)}`)
  }
  assert.match(assemble([fragment('src/a/api.json', area)]).problems.join('\n'), /head \(openapi, info\) is missing/)
})

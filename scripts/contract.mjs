#!/usr/bin/env node
// Assembles the API contract. Each area documents its own routes, and the schemas it owns, in src/<area>/api.json
// beside the handlers that serve them; src/infra/http/api.json holds the document's head, the security schemes, the
// error answer and the schemas several areas share. This script merges them into docs/openapi.json, the file the
// server embeds and serves, the tests walk and the front end's types are generated from.
//   node scripts/contract.mjs          writes docs/openapi.json
//   node scripts/contract.mjs --check  fails when docs/openapi.json is not what the fragments make
// It refuses, naming the file: a path, schema or scope defined twice, a $ref to nothing, an operation without tags,
// summary or responses, an x-scope no fragment declares (or a declared one no operation uses), and a fragment outside
// an area's folder.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SHARED = 'src/infra/http/api.json'
export const OUTPUT = 'docs/openapi.json'
const AREA_FRAGMENT = /^src\/[^/]+\/api\.json$/
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const PATH_ITEM_FIELDS = new Set([...METHODS, 'summary', 'description', 'servers', 'parameters'])
// What each kind of fragment may hold: the head and the shared components once; an area's scopes (x-scopes: the
// meaning of each x-scope value its rules decide, and the roles it admits when roles alone decide), routes and schemas.
const SHARED_KEYS = { openapi: true, info: true, 'x-scopes': true, components: ['securitySchemes', 'responses', 'schemas'] }
const AREA_KEYS = { 'x-scopes': true, paths: true, components: ['schemas'] }

// Every file named api.json under src/, as paths relative to ROOT with forward slashes: the shared fragment first,
// then the areas in name order, which is the order of the assembled document.
export function findFragments(root = ROOT) {
  const found = []
  const walk = (dir) => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`
      if (e.isDirectory()) walk(rel)
      else if (e.name === 'api.json') found.push(rel)
    }
  }
  walk('src')
  const rank = (f) => (f === SHARED ? 0 : 1)
  return found.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
}

export function readFragments(files, root = ROOT) {
  return files.map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }))
}

// Merges fragments ([{ file, text }]) into one document; returns { doc, problems } — the document only counts when
// problems is empty.
export function assemble(fragments) {
  const problems = []
  const doc = { openapi: undefined, info: undefined, 'x-scopes': {}, paths: {},
    components: { securitySchemes: {}, responses: {}, schemas: {} } }
  const origin = new Map()  // "paths /x", "schemas Y", … → the fragment that defined it
  const parsed = []
  for (const { file, text } of fragments) {
    const body = parse(file, text, problems)
    if (!body) continue
    parsed.push({ file, body })
    const allowed = placeOf(file, problems)
    if (allowed) merge(doc, file, body, allowed, origin, problems)
  }
  if (doc.openapi === undefined || doc.info === undefined) {
    problems.push(`${SHARED}: the document's head (openapi, info) is missing`)
  }
  const used = new Set(Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op?.['x-scope'])))
  for (const { file, body } of parsed) {
    checkScopes(file, body['x-scopes'] ?? {}, used, problems)
    checkOperations(doc, file, body.paths ?? {}, problems)
    checkRefs(doc, file, body, problems)
  }
  return { doc: tidy(doc), problems }
}

function parse(file, text, problems) {
  try {
    const body = JSON.parse(text)
    if (body && typeof body === 'object' && !Array.isArray(body)) return body
    problems.push(`${file}: a fragment is a JSON object`)
  } catch (e) {
    problems.push(`${file}: ${e.message}`)
  }
  return null
}

// Which keys a fragment may hold, by where it is; null (and a problem) when it is not where a fragment may be.
function placeOf(file, problems) {
  if (file === SHARED) return SHARED_KEYS
  if (AREA_FRAGMENT.test(file)) return AREA_KEYS
  problems.push(`${file}: a contract fragment is src/<area>/api.json, in the area's own folder (or ${SHARED})`)
  return null
}

function merge(doc, file, body, allowed, origin, problems) {
  for (const [key, value] of Object.entries(body)) {
    if (!(key in allowed)) {
      problems.push(`${file}: "${key}" does not belong in this fragment (allowed: ${Object.keys(allowed).join(', ')})`)
    } else if (key === 'openapi' || key === 'info') {
      doc[key] = value
    } else if (key === 'components') {
      for (const [kind, entries] of Object.entries(value)) {
        if (allowed.components.includes(kind)) define(doc.components[kind], kind, entries, file, origin, problems)
        else problems.push(`${file}: components.${kind} does not belong in this fragment`)
      }
    } else {
      define(doc[key], key, value, file, origin, problems)
    }
  }
}

// Adds a fragment's named entries (paths, schemas, scopes, …) to the document's; a name defined twice is refused.
function define(target, kind, entries, file, origin, problems) {
  for (const [name, value] of Object.entries(entries)) {
    const key = `${kind} ${name}`
    if (origin.has(key)) problems.push(`${file}: ${kind} "${name}" is already defined in ${origin.get(key)}`)
    else {
      origin.set(key, file)
      target[name] = value
    }
  }
}

// A scope says what it means, and is used: a scope no route has is a rule the document claims and nothing checks.
function checkScopes(file, scopes, used, problems) {
  for (const [name, scope] of Object.entries(scopes)) {
    if (typeof scope?.description !== 'string' || scope.description === '') problems.push(`${file}: x-scope "${name}" has no description`)
    if (!used.has(name)) problems.push(`${file}: x-scope "${name}" is declared but no operation has it`)
  }
}

function checkOperations(doc, file, paths, problems) {
  for (const [p, item] of Object.entries(paths)) {
    for (const [field, op] of Object.entries(item)) {
      if (!PATH_ITEM_FIELDS.has(field) && !field.startsWith('x-')) problems.push(`${file}: ${p} has "${field}", not an HTTP method`)
      if (!METHODS.includes(field)) continue
      const where = `${file}: ${field.toUpperCase()} ${p}`
      if (!op || typeof op !== 'object') {
        problems.push(`${where} is not an operation object`)
        continue
      }
      if (!Array.isArray(op.tags) || op.tags.length === 0) problems.push(`${where} has no tags`)
      if (typeof op.summary !== 'string' || op.summary === '') problems.push(`${where} has no summary`)
      if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${where} has no responses`)
      if (!Object.hasOwn(doc['x-scopes'], op['x-scope'])) problems.push(`${where}: x-scope "${op['x-scope']}" is not declared in any x-scopes`)
    }
  }
}

// Every $ref points into the assembled document ("#/components/schemas/Name": components are named once, for all).
function checkRefs(doc, file, body, problems) {
  for (const ref of refsIn(body)) {
    if (!ref.startsWith('#/') || pointer(doc, ref) === undefined) problems.push(`${file}: $ref "${ref}" points to nothing`)
  }
}

function refsIn(value, out = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v)
      else refsIn(v, out)
    }
  }
  return out
}

function pointer(doc, ref) {
  let at = doc
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~')
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined
    at = at[key]
  }
  return at
}

// The document as served: without the containers no fragment filled.
function tidy(doc) {
  for (const [kind, entries] of Object.entries(doc.components)) if (Object.keys(entries).length === 0) delete doc.components[kind]
  return doc
}

// The text docs/openapi.json holds: one-space indentation and a final newline, as it was written by hand before.
export const render = (doc) => JSON.stringify(doc, null, 1) + '\n'

function main(args) {
  const { doc, problems } = assemble(readFragments(findFragments()))
  if (problems.length > 0) {
    console.error(`API contract refused (${problems.length}):\n  ${problems.join('\n  ')}`)
    return 1
  }
  const text = render(doc)
  const target = path.join(ROOT, OUTPUT)
  if (args.includes('--check')) {
    if (existsSync(target) && readFileSync(target, 'utf8') === text) return 0
    console.error(`${OUTPUT} is stale against the fragments (src/*/api.json): run node scripts/contract.mjs`)
    return 1
  }
  writeFileSync(target, text)
  return 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2))

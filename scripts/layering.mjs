#!/usr/bin/env node
// The build's check of what a module keeps to itself. A module's store (`store.h`: its SQL) and its rules (`rules.h`:
// its pure decisions) are its own: code outside the module's folder — another module, the platform (app/), the demo —
// includes the module's public headers only (its service and the vocabulary headers it offers, such as
// auth/principal.h or registry/credit_code.h), and never calls a store function of another module by name.
//   node scripts/layering.mjs            fails, naming each file and line, when a module's private part is reached
// The modules are the lines of src/app/modules.list; audit (below every module) keeps no private part of this kind.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SRC = path.join(ROOT, 'src')
const PRIVATE = ['store.h', 'rules.h']

const modules = readFileSync(path.join(SRC, 'app/modules.list'), 'utf8')
  .split('\n')
  .map((l) => /^SZ_MODULE\(([a-z_]+)\)/.exec(l)?.[1])
  .filter(Boolean)

function sources(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...sources(full))
    else if (/\.(h|cc)$/.test(name)) out.push(full)
  }
  return out
}

// The problems of one file (its path relative to src/, e.g. "catalog/service.h"), as "file:line: why".
export function problemsOf(rel, text) {
  const own = rel.split('/')[0]
  const problems = []
  text.split('\n').forEach((line, i) => {
    const include = /^\s*#include\s+"([a-z_]+)\/([a-z_]+\.h)"/.exec(line)
    if (include && include[1] !== own && modules.includes(include[1]) && PRIVATE.includes(include[2]))
      problems.push(`src/${rel}:${i + 1}: includes ${include[1]}/${include[2]}, which is private to the ${include[1]} module; include its public header`)
    for (const call of line.matchAll(/\b([a-z_]+)::store::([a-z_0-9]+)\s*\(/g))
      if (call[1] !== own && modules.includes(call[1]))
        problems.push(`src/${rel}:${i + 1}: calls ${call[1]}::store::${call[2]}, the ${call[1]} module's own SQL; ask its service`)
  })
  return problems
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = sources(SRC).flatMap((f) => problemsOf(path.relative(SRC, f), readFileSync(f, 'utf8')))
  if (problems.length) {
    console.error(problems.join('\n'))
    console.error(`${problems.length} reach(es) into a module's private part (scripts/layering.mjs)`)
    process.exit(1)
  }
}

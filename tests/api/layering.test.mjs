// The build's layering check (scripts/layering.mjs): a module's store and rules are its own.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { problemsOf } from '../../scripts/layering.mjs'

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/layering.mjs')

test('一个模块的 store 与 rules 只属于它自己：他处引用或调用即被构建拒绝', () => {
  assert.deepEqual(problemsOf('catalog/service.cc', '#include "catalog/store.h"\n#include "catalog/rules.h"\nstore::product(c, 1);'), [])
  assert.deepEqual(problemsOf('exchange/service.cc', '#include "market/directory.h"\n#include "infra/text.h"'), [])
  const included = problemsOf('exchange/service.cc', 'x\n#include "market/rules.h"')
  assert.equal(included.length, 1)
  assert.match(included[0], /^src\/exchange\/service\.cc:2: includes market\/rules\.h/)
  assert.equal(problemsOf('app/platform.cc', '#include "registry/store.h"').length, 1)  // the platform too
  const called = problemsOf('funding/subsidies.cc', '  SZ_ASSIGN(auto p, projects::store::project(c, id));')
  assert.equal(called.length, 1)
  assert.match(called[0], /calls projects::store::project/)
  assert.deepEqual(problemsOf('funding/subsidies.cc', 'projects::store::Project p;'), [])  // its value types are public
  // The repository as it stands passes (the build runs the same).
  execFileSync('node', [SCRIPT], { stdio: 'pipe' })
})

// The "N+X" 样本库 (catalog/samples.cc, catalog/rules.cc): the checks the forms make before sending — the server
// checks the same and has the last word — and how a 需求清单 version reads against the one before.
import type { CodeName } from '@/api/types'
import type { DemandItem, DemandList, DemandListItem, SampleCriterionState, SampleStatus } from '@/api/samples'
import type { TagType } from './projects'

export const DEMAND_KINDS: readonly CodeName[] = [
  { code: 'N', name: 'N 共性场景' },
  { code: 'X', name: 'X 个性场景' },
]

export function sampleStatusTagType(status: SampleStatus | string): TagType {
  return status === 'selected' ? 'success' : status === 'rejected' ? 'danger' : 'warning'
}

// Every criterion unticked with no evidence: the form a proposal starts from.
export function emptyCriteria(criteria: readonly CodeName[]): Record<string, SampleCriterionState> {
  return Object.fromEntries(criteria.map((c) => [c.code, { met: false, evidence: '' }]))
}

// A criterion ticked as met needs its evidence (依据): the problem, naming the criterion, or null.
export function criteriaProblem(criteria: readonly CodeName[], states: Record<string, SampleCriterionState>): string | null {
  for (const c of criteria) {
    const s = states[c.code]
    if (s?.met && !s.evidence.trim()) return `满足的条件须写明依据：${c.name}`
    if (s && [...s.evidence].length > 500) return `${c.name}的说明不能超过500个字符`
  }
  return null
}

// The names typed for a deliberation, trimmed and without blanks; at least three.
export function expertsProblem(experts: readonly string[]): string | null {
  const names = experts.map((e) => e.trim()).filter(Boolean)
  if (names.length < 3) return '专家审议应有至少3位专家'
  if (names.some((n) => [...n].length > 40)) return '专家姓名应为1–40个字符'
  return null
}

// What a new draft starts from: a copy of the latest version's scenarios (lists come newest first).
export function draftFrom(lists: readonly DemandList[]): DemandItem[] {
  return (lists[0]?.items ?? []).map((i) => ({ ...i, samples: [...i.samples] }))
}

// The version the caller may confirm now, as the server lists it in `actions` (the latest draft, for the city admin).
export function pendingDraft(lists: readonly DemandList[]): DemandList | null {
  return lists.find((l) => l.actions.some((a) => a.action === 'confirm')) ?? null
}

// The rows as they will be sent (trimmed), or the first problem in Chinese: the server's rules — kinds N/X, a known
// category, unique non-empty names, an X scenario traced to a sample, at least one N.
export function demandItemsProblem(items: readonly DemandItem[], categories: readonly CodeName[]): string | null {
  if (!items.length) return '清单至少应有一个场景'
  if (items.length > 200) return '清单不能超过200个场景'
  const names = new Set<string>()
  for (const i of items) {
    const name = i.name.trim()
    if (!name) return '场景名称不能为空'
    if ([...name].length > 60) return `场景名称不能超过60个字符：${name}`
    if (i.kind !== 'N' && i.kind !== 'X') return `场景类型应为 N（共性）或 X（个性）：${name}`
    if (!categories.some((c) => c.code === i.category)) return `请选择场景分类：${name}`
    if (names.has(name)) return `清单中场景重复：${name}`
    names.add(name)
    if (i.kind === 'X' && !i.samples.length) return `个性场景须注明来自哪家样本企业：${name}`
  }
  if (!items.some((i) => i.kind === 'N')) return '清单至少应有一个共性（N）场景'
  return null
}

export function trimItems(items: readonly DemandItem[]): DemandItem[] {
  return items.map((i) => ({ kind: i.kind, name: i.name.trim(), category: i.category, description: i.description.trim(), samples: [...i.samples] }))
}

export type ItemChange = 'added' | 'changed' | null

// How a scenario of a version differs from the version before. The first version has nothing to compare with, so
// its scenarios are not marked.
export function changeOf(list: DemandList, name: string): ItemChange {
  if (list.previous_version === null) return null
  if (list.changes.added.includes(name)) return 'added'
  if (list.changes.changed.includes(name)) return 'changed'
  return null
}

// "新增 2 个、删除 1 个、修改 1 个" against the previous version, or what the first version is.
export function changeSummary(list: DemandList): string {
  if (list.previous_version === null) return `首个版本，共 ${list.items.length} 个场景`
  const { added, removed, changed } = list.changes
  if (!added.length && !removed.length && !changed.length) return `与第 ${list.previous_version} 版相同`
  const parts = [
    added.length ? `新增 ${added.length} 个` : '',
    removed.length ? `删除 ${removed.length} 个` : '',
    changed.length ? `修改 ${changed.length} 个` : '',
  ].filter(Boolean)
  return `较第 ${list.previous_version} 版：${parts.join('、')}`
}

// Deliberations newest first (by the day held, then as recorded): the latest is the one a list is usually confirmed at.
export function newestFirst<T extends { id: number; held_on: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.held_on === b.held_on ? b.id - a.id : a.held_on < b.held_on ? 1 : -1))
}

// A scenario's sample enterprises by name, as the server names them in the list; a sample it could not name (its
// enterprise gone) reads "样本 #id".
export function sampleEnterprises(item: Pick<DemandListItem, 'samples' | 'sample_enterprises'>): { id: number; name: string }[] {
  const named = new Map(item.sample_enterprises.map((s) => [s.id, s.enterprise_name]))
  return item.samples.map((id) => ({ id, name: named.get(id) || `样本 #${id}` }))
}

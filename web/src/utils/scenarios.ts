// The expert committee's 评定 of the N+X scenarios (catalog/service.cc): what a sitting must say before it is sent —
// its day (not after today), at least three experts, its minutes, at least one decision, and a reason for every
// scenario not judged 可复制可推广 — and the body the server takes.
import type { ScenarioSelectionInput } from '@/api/types'

// One scenario's place in the sitting: '' not before the committee this time.
export interface ScenarioChoice {
  decision: '' | 'selected' | 'rejected'
  reason: string
}

export interface SelectionDraft {
  held_on: string
  experts: string[]
  minutes: string
  choices: Record<number, ScenarioChoice>
}

export const MIN_EXPERTS = 3

export function selectionProblems(
  d: SelectionDraft,
  names: Map<number, string>,
  today: string,
): { errors: Record<string, string>; input: Omit<ScenarioSelectionInput, 'industry'> | null } {
  const errors: Record<string, string> = {}
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.held_on)) errors.held_on = '请选择审议日期'
  else if (d.held_on > today) errors.held_on = '审议日期不能晚于今天'
  const experts = [...new Set(d.experts.map((e) => e.trim()).filter(Boolean))]
  if (experts.length < MIN_EXPERTS) errors.experts = `专家委员会评定须有不少于 ${MIN_EXPERTS} 名专家（现有 ${experts.length} 名）`
  const minutes = d.minutes.trim()
  if (!minutes) errors.minutes = '请填写审议纪要'
  const decisions: ScenarioSelectionInput['decisions'] = []
  const missing: string[] = []
  for (const [id, c] of Object.entries(d.choices)) {
    if (!c.decision) continue
    const reason = c.reason.trim()
    if (c.decision === 'rejected' && !reason) missing.push(names.get(Number(id)) ?? `场景 ${id}`)
    decisions.push({ scenario_id: Number(id), decision: c.decision, ...(reason ? { reason } : {}) })
  }
  if (!decisions.length) errors.decisions = '请至少对一个场景作出结论'
  else if (missing.length) errors.decisions = `未评定的场景须写明理由：${missing.join('、')}`
  if (Object.keys(errors).length) return { errors, input: null }
  return { errors, input: { held_on: d.held_on, experts, minutes, decisions } }
}

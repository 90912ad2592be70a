// Words and numbers of the 数字化水平评测 shared by its pages. Level names come from the model where one is loaded;
// these are for lists that show a level without the model.
import type { AssessmentAnswers, AssessmentModel, AssessmentQuestion, LevelSource, Points, SceneLevels, User } from '@/api/types'

const LEVEL_NAMES = ['未达一级', '一级', '二级', '三级', '四级']

export function levelName(level: number | null | undefined): string {
  if (level === null || level === undefined) return '—'
  return LEVEL_NAMES[level] ?? `${level}级`
}

// An enterprise's current level: 0 with no source means it has not been assessed yet.
export function currentLevelText(level: number, source: LevelSource | null | undefined): string {
  if (!source) return '未评定'
  return levelName(level)
}

export function levelSourceName(source: LevelSource | null | undefined): string {
  if (source === 'onsite') return '现场评定'
  if (source === 'self') return '自评'
  return ''
}

// A scene's level in a selector or a comparison: 0 is 未开展.
export function sceneLevelName(level: number | null | undefined): string {
  if (!level) return '未开展'
  return levelName(level)
}

export function statusTagType(status: string): 'success' | 'warning' {
  return status === 'submitted' ? 'success' : 'warning'
}

export function levelTagType(level: number): 'success' | 'primary' | 'warning' | 'info' {
  if (level >= 3) return 'success'
  if (level >= 1) return 'primary'
  return 'info'
}

// Points as the questionnaire writes them: decimal strings stay as they are, numbers lose float noise.
export function formatPoints(p: Points | null | undefined): string {
  if (p === null || p === undefined || p === '') return '—'
  if (typeof p === 'string') return p
  return String(Number(p.toFixed(3)))
}

// Questions grouped by the model's dimensions, in the model's order.
export function questionsByDimension(model: AssessmentModel) {
  return model.dimensions.map((d) => ({
    ...d,
    questions: model.questions.filter((q) => q.dimension === d.code),
  }))
}

// Scenes grouped by their group, in the order the groups first appear.
export function scenesByGroup<S extends { group: string }>(scenes: S[]): { group: string; scenes: S[] }[] {
  const groups: { group: string; scenes: S[] }[] = []
  for (const s of scenes) {
    let g = groups.find((x) => x.group === s.group)
    if (!g) groups.push((g = { group: s.group, scenes: [] }))
    g.scenes.push(s)
  }
  return groups
}

// A multiple choice where "无" (the none option) excludes every other option: ticking 无 clears the others,
// ticking another clears 无.
export function applyNoneOption(q: AssessmentQuestion, before: string[], after: string[]): string[] {
  const none = q.none_option
  if (!none || !after.includes(none)) return after
  if (!before.includes(none)) return [none]
  return after.filter((l) => l !== none)
}

// Only answered questions and scenes above 0 are sent, in the model's order; letters in option order.
export function cleanAnswers(model: AssessmentModel, answers: AssessmentAnswers): AssessmentAnswers {
  const out: AssessmentAnswers = {}
  for (const q of model.questions) {
    const chosen = answers[String(q.no)] ?? []
    const letters = q.options.map((o) => o.letter).filter((l) => chosen.includes(l))
    if (letters.length) out[String(q.no)] = letters
  }
  return out
}

export function cleanScenes(model: AssessmentModel, scenes: SceneLevels): SceneLevels {
  const out: SceneLevels = {}
  for (const s of model.scenes) {
    const level = scenes[s.name] ?? 0
    if (level > 0) out[s.name] = level
  }
  return out
}

// Where an enterprise's assessment history is: the enterprise's own menu page for its users, else by id.
export function assessmentsPath(user: User | null, enterpriseId: number): string {
  return user?.enterprise_id === enterpriseId ? '/my/assessments' : `/enterprises/${enterpriseId}/assessments`
}

export function assessmentPath(id: number): string {
  return `/assessments/${id}`
}

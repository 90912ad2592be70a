// Words of the registry (一企一档) shared by its pages: tiers, stages, statuses, and the import template.
import type { CodeName, EnterpriseInput, EnterpriseTier } from '@/api/types'

// The names the server gives as tier_name (and writes in exports), so one tier reads the same everywhere.
export const TIER_OPTIONS: { code: EnterpriseTier; name: string }[] = [
  { code: 'none', name: '无' },
  { code: 'innovative', name: '创新型中小企业' },
  { code: 'specialized', name: '专精特新中小企业' },
  { code: 'little_giant', name: '专精特新“小巨人”企业' },
]

export function tierName(code: string | null | undefined, given?: string): string {
  if (given) return given
  return TIER_OPTIONS.find((t) => t.code === code)?.name ?? (code || '—')
}

export const STAGE_OPTIONS: CodeName[] = [
  { code: 'registered', name: '已建档' },
  { code: 'assessed', name: '已评测' },
]

export const STATUS_OPTIONS: CodeName[] = [
  { code: 'active', name: '试点中' },
  { code: 'withdrawn', name: '已退出' },
]

// 中小企业划型 (工信部联企业〔2011〕300号, from the latest year's figures): the list's filter. The names are the server's
// sme_class_name.
export const SME_OPTIONS: CodeName[] = [
  { code: 'medium', name: '中型企业' },
  { code: 'small', name: '小型企业' },
  { code: 'micro', name: '微型企业' },
  { code: 'large', name: '非中小企业' },
  { code: 'unknown', name: '未知（无年度数据）' },
]

// How a 划型 is tagged: a non-SME (not counted in indicators 1–4) stands out, an unknown one is muted.
export function smeTagType(cls: string | null | undefined): 'danger' | 'info' | 'success' {
  if (cls === 'large') return 'danger'
  if (!cls) return 'info'
  return 'success'
}

// 当前等级 0–4 (0 = 未评定或未达一级).
export const LEVEL_OPTIONS: CodeName[] = [
  { code: '0', name: '未评定/未达一级' },
  { code: '1', name: '一级' },
  { code: '2', name: '二级' },
  { code: '3', name: '三级' },
  { code: '4', name: '四级' },
]

export type Batch = NonNullable<EnterpriseInput['batch']>
export const BATCHES: Batch[] = [2024, 2025]

// A record's tier and batch as the form's choices (the answer carries them as a plain string and number).
export function tierChoice(code: string): EnterpriseTier {
  return TIER_OPTIONS.find((t) => t.code === code)?.code ?? 'none'
}

export function batchChoice(year: number): Batch {
  return BATCHES.find((b) => b === year) ?? BATCHES[BATCHES.length - 1]
}

// The contact details (the fields an enterprise user may edit on its own record), with their length limits.
export const CONTACT_FIELDS = [
  { key: 'address', label: '地址', max: 200, testid: 'address' },
  { key: 'legal_rep', label: '法定代表人', max: 50, testid: 'legal-rep' },
  { key: 'contact_name', label: '联系人', max: 50, testid: 'contact-name' },
  { key: 'contact_phone', label: '联系电话', max: 20, testid: 'contact-phone' },
] as const

export function batchLabel(batch: number | null | undefined): string {
  return batch ? `${batch}年` : '—'
}

export function statusTagType(status: string): 'success' | 'info' | 'warning' {
  if (status === 'active') return 'success'
  if (status === 'withdrawn') return 'info'
  return 'warning'
}

export function yesNo(v: boolean | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return v ? '是' : '否'
}

// The import's columns, in the order the export writes them; the first four are required, the year's figures
// (IMPORT_YEAR_COLUMNS) optional — filled, they need 数据年度.
export const IMPORT_COLUMNS = [
  '企业名称',
  '统一社会信用代码',
  '行业',
  '所属区县',
  '试点批次',
  '地址',
  '法定代表人',
  '联系人',
  '联系电话',
  '企业梯度',
  '上云用云',
  '上云星级',
  '重点培育',
]

export const IMPORT_YEAR_COLUMNS = ['数据年度', '营业收入（万元）', '从业人员（人）', '研发投入（万元）', '新增发明专利（件）']

// A CSV template: the header row alone, with a UTF-8 BOM so that Excel reads the Chinese headers. No example row:
// an example imported by mistake would create or update a real record.
export function importTemplate(): Blob {
  return new Blob(['\ufeff' + [...IMPORT_COLUMNS, ...IMPORT_YEAR_COLUMNS].join(',') + '\r\n'], { type: 'text/csv;charset=utf-8' })
}

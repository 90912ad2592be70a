// How the audit trail names who acted.
import type { AuditActor } from '@/api/types'
import { roleName } from './roles'

// The command line acts with the role "system".
const ACTOR_ROLE_NAMES: Record<string, string> = { system: '系统' }

export function actorRoles(actor: AuditActor | null | undefined): string {
  return (actor?.roles ?? []).map((r) => ACTOR_ROLE_NAMES[r] ?? roleName(r)).join('、')
}

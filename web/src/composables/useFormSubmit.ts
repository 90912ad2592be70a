// One form sent to the server: its field messages, the form's own message, and whether it is being sent.
// The page checks what it can first (`errors.x = '…'`, then `valid()`); `run(send)` sends, and a refusal goes next
// to the field the server names (mapped to the form's own field names) or, failing that, above the buttons.
// The state is one reactive object, so a template reads `form.saving`, `form.error`, `form.errors.amount`.
import { reactive } from 'vue'
import { ApiError, errorMessage } from '@/api/http'
import { yuanToFen } from '@/utils/money'

// Server field → form field: a table, the names shared as they are, or a rule that may also look at the status
// (undefined: not a field of the form, so the message goes above the buttons).
export type FieldMap =
  | Readonly<Record<string, string>>
  | readonly string[]
  | ((serverField: string, error: ApiError) => string | undefined)

export interface FormSubmit {
  errors: Record<string, string>
  error: string | null
  saving: boolean
  // Clears every message (on opening the form and before each attempt).
  clear: () => void
  // True when no field has a message.
  valid: () => boolean
  // The 元 typed into a field as integer 分, or null with the field's message set. With `positive`, 0 is refused
  // with that message; an empty optional field is undefined.
  fen: (field: string, text: string, options?: { positive?: string; optional?: boolean }) => number | null | undefined
  // Sends; true when `send` resolved. A thrown error becomes a message and false is returned.
  run: (send: () => Promise<unknown>) => Promise<boolean>
}

export function formFieldOf(fields: FieldMap | undefined, error: ApiError): string | undefined {
  const serverField = error.field
  if (!fields || !serverField) return undefined
  if (typeof fields === 'function') return fields(serverField, error)
  if (Array.isArray(fields)) return fields.includes(serverField) ? serverField : undefined
  return (fields as Readonly<Record<string, string>>)[serverField]
}

export function useFormSubmit(fields?: FieldMap): FormSubmit {
  const state: FormSubmit = reactive({
    errors: {} as Record<string, string>,
    error: null as string | null,
    saving: false,
    clear() {
      for (const k of Object.keys(state.errors)) delete state.errors[k]
      state.error = null
    },
    valid() {
      return Object.keys(state.errors).length === 0
    },
    fen(field: string, text: string, { positive, optional = false }: { positive?: string; optional?: boolean } = {}) {
      if (optional && !text.trim()) return undefined
      const r = yuanToFen(text)
      if ('error' in r) state.errors[field] = r.error
      else if (positive && r.fen <= 0) state.errors[field] = positive
      else return r.fen
      return null
    },
    async run(send: () => Promise<unknown>) {
      state.saving = true
      try {
        await send()
        return true
      } catch (e) {
        const field = e instanceof ApiError ? formFieldOf(fields, e) : undefined
        if (field) state.errors[field] = errorMessage(e)
        else state.error = errorMessage(e)
        return false
      } finally {
        state.saving = false
      }
    },
  })
  return state
}

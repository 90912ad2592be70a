// How a request looks (its state's colour); what it may do next is the server's to say (`actions`).
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export function coachingStateTagType(state: string): TagType {
  switch (state) {
    case 'requested':
      return 'warning'
    case 'assigned':
      return 'primary'
    case 'closed':
    case 'rated':
      return 'success'
    default:
      return 'info'
  }
}

// The stars of a rating as text, for narrow rows.
export function stars(rating: number | null | undefined): string {
  if (!rating) return ''
  return '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating))
}

// Whether the screen is narrow (a phone, ≤ 768 px): drawers then take the whole width. Follows the window as it
// is resized.
import { onBeforeUnmount, ref } from 'vue'

export const NARROW_QUERY = '(max-width: 768px)'

export function useNarrow() {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(query?.matches ?? false)
  const changed = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  query?.addEventListener('change', changed)
  onBeforeUnmount(() => query?.removeEventListener('change', changed))
  return narrow
}

// One pending timeout owned by a component: scheduling replaces the pending one, and unmounting cancels it and
// refuses later ones (an answer that arrives after the page was left must not start a new round).
import { onBeforeUnmount } from 'vue'

export function useTimer() {
  let handle: ReturnType<typeof setTimeout> | null = null
  let disposed = false

  function cancel() {
    if (handle !== null) clearTimeout(handle)
    handle = null
  }

  function schedule(fn: () => void, ms: number) {
    cancel()
    if (disposed) return
    handle = setTimeout(() => {
      handle = null
      fn()
    }, ms)
  }

  onBeforeUnmount(() => {
    disposed = true
    cancel()
  })
  return { schedule, cancel }
}

// Seconds left before something may be tried again (a Retry-After), counted down once a second; 0 when none.
import { ref } from 'vue'
import { useTimer } from './useTimer'

export function useCountdown() {
  const left = ref(0)
  const timer = useTimer()

  function tick() {
    left.value = Math.max(0, left.value - 1)
    if (left.value > 0) timer.schedule(tick, 1000)
  }

  function start(seconds: number) {
    left.value = Math.max(0, Math.ceil(seconds))
    if (left.value > 0) timer.schedule(tick, 1000)
    else timer.cancel()
  }

  return { left, start }
}

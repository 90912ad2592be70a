// The front end's features, one line each (each is its folder: views, components, its routes, menu entries and
// notification kinds, exported from its index.ts). The router (router.ts), the side menu (layouts/MainLayout.vue) and
// the notification list (utils/notify.ts) take theirs from here.
import type { Feature } from './feature'
import coaching from './coaching'

export const FEATURES: readonly Feature[] = [
  coaching,
]

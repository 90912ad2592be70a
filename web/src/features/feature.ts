// What a feature of the front end declares about itself, in its own folder (features/<name>/index.ts): its pages
// inside the signed-in layout (with the roles that may open each), its side-menu entries and the kinds of 站内消息 its
// area writes, in words. features/index.ts lists the features, one line each; the router, the side menu and the
// notification list take them from there, so a feature is its folder and that line.
import type { Component } from 'vue'
import type { RouteRecordSingleView } from 'vue-router'

export interface FeatureMenuEntry {
  // The page's path, as the menu navigates to it.
  index: string
  testid: string
  icon: Component
  label: string
  // Narrows whom the entry is offered to (by default, whomever its page's route admits).
  roles?: readonly string[]
  // The menu group it joins, by the group's index ('projects', 'market', 'exchange', 'funding'); absent, a line of its
  // own after the built-in ones.
  group?: string
}

export interface Feature {
  name: string
  routes: RouteRecordSingleView[]
  menu?: FeatureMenuEntry[]
  // 站内消息 kinds (notify::push's `kind`) → their names.
  notificationKinds?: Record<string, string>
}

// A page inside the main layout: its address, name, view, title, and the roles that may open it (absent: anyone
// logged in) or the props the view is given.
export function page(
  path: string,
  name: string,
  component: RouteRecordSingleView['component'],
  title: string,
  roles?: string[],
  props?: Record<string, unknown>,
): RouteRecordSingleView {
  return { path, name, component, meta: roles ? { title, roles } : { title }, props }
}

// One ECharts chart owned by a component: created on mount in the given element, redrawn whenever the option
// (a reactive getter) changes, resized with its element, and disposed on unmount. Clicks on data items are
// passed to onClick (the drill-downs).
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import * as echarts from 'echarts/core'
import { BarChart, FunnelChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, FunnelChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

export type ChartOption = echarts.EChartsCoreOption

export interface ChartClick {
  seriesIndex?: number
  seriesName?: string
  dataIndex: number
  name: string
  value: unknown
}

export function useEChart(el: Ref<HTMLElement | undefined>, option: () => ChartOption, onClick?: (p: ChartClick) => void) {
  let chart: echarts.ECharts | null = null
  let observer: ResizeObserver | null = null

  function render() {
    chart?.setOption(option(), true)
  }

  onMounted(() => {
    if (!el.value) return
    chart = echarts.init(el.value)
    if (onClick) chart.on('click', (p) => onClick(p as unknown as ChartClick))
    render()
    observer = new ResizeObserver(() => chart?.resize())
    observer.observe(el.value)
  })

  watch(option, render, { deep: true })

  onBeforeUnmount(() => {
    observer?.disconnect()
    observer = null
    chart?.dispose()
    chart = null
  })
}

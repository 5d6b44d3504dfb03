/** The compared KPIs as people read them, in Chinese and English (every KPI has both; tested). */
import type { Kpi } from '../metrics/kpis.ts';

/** The compared KPIs, as people read them. */
export const KPI_TEXT: Record<Kpi, { zh: string; en: string }> = {
  score: { zh: '总分', en: 'score' },
  score_alarm: { zh: 'A 接警处置得分', en: 'A alarm handling score' },
  score_mobilisation: { zh: 'B 一级力量出动得分', en: 'B tier-1 mobilisation score' },
  score_linkage: { zh: 'C 联动协同得分', en: 'C linkage score' },
  score_command: { zh: 'D 指挥协调得分', en: 'D command score' },
  score_information: { zh: 'E 信息报告得分', en: 'E information score' },
  score_outcome: { zh: 'F 处置成效得分', en: 'F outcome score' },
  incidents: { zh: '事件数', en: 'incidents' },
  calls_abandoned: { zh: '挂断来电数', en: 'calls abandoned' },
  abandon_rate: { zh: '来电挂断率', en: 'abandon rate' },
  answer_wait_s_p90: { zh: '接听等待 P90', en: 'answer wait P90' },
  processing_s_p90: { zh: '接警处理 P90', en: 'alarm processing P90' },
  response_s_p50: { zh: '响应时间 P50', en: 'response time P50' },
  response_s_p90: { zh: '响应时间 P90', en: 'response time P90' },
  call_to_arrival_s_p90: { zh: '来电至到场 P90', en: 'call to arrival P90' },
  full_response_s_p90: { zh: '力量全部到位 P90', en: 'full response P90' },
  turnout_s_p90: { zh: '出车准备 P90', en: 'turnout P90' },
  travel_s_p90: { zh: '行驶时间 P90', en: 'travel P90' },
  unit_utilization_mean: { zh: '单位平均利用率', en: 'mean unit utilisation' },
  incidents_waited_for_unit: { zh: '等待力量的事件数', en: 'incidents that waited for a unit' },
  requests_queued: { zh: '排队请求数', en: 'requests queued' },
  escalations: { zh: '升级次数', en: 'escalations' },
  orders_refused: { zh: '指令无法执行次数', en: 'orders refused' },
  coordination_wait_s_mean: { zh: '协同等待均值', en: 'mean coordination wait' },
  notification_tier1_s_p90: { zh: '一级联动通知时延 P90', en: 'tier-1 notification P90' },
  notification_tier2_s_p90: { zh: '二级联动通知时延 P90', en: 'tier-2 notification P90' },
  notification_tier3_s_p90: { zh: '三级联动通知时延 P90', en: 'tier-3 notification P90' },
  control_s_p90: { zh: '控制时间 P90', en: 'time to control P90' },
};


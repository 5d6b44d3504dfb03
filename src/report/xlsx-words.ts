/**
 * Sheet and column names of the Excel workbook in Chinese (English keeps the CSV column names, so
 * formulas and scripts written against the CSV files read the workbook too).
 */

/** Sheet names by CSV file. */
export const SHEET_NAMES: Record<string, { zh: string; en: string }> = {
  'incidents.csv': { zh: '事件', en: 'incidents' },
  'calls.csv': { zh: '来电', en: 'calls' },
  'dispatches.csv': { zh: '出动', en: 'dispatches' },
  'agencies.csv': { zh: '联动单位', en: 'agencies' },
  'units.csv': { zh: '救援力量', en: 'units' },
  'depots.csv': { zh: '物资储备', en: 'depots' },
  'summary.csv': { zh: '汇总', en: 'summary' },
  'indicators.csv': { zh: '评分指标', en: 'indicators' },
  'events.csv': { zh: '事件日志', en: 'events' },
  'replications.csv': { zh: '各次重复', en: 'replications' },
  'comparison.csv': { zh: '方案比较', en: 'comparison' },
};

/** Chinese column names; a column not listed keeps its CSV name. */
export const COLUMN_ZH: Record<string, string> = {
  rep: '重复序号', incident_id: '事件编号', type: '类型', zone: '区域', lon: '经度', lat: '纬度',
  grade_true: '实际事件分级', grade_initial: '初判事件分级', grade_final: '最终事件分级',
  level_true: '实际出动等级', level_initial: '初判出动等级', level_final: '最终出动等级', zone_class: '区域类别',
  t_occur: '发生时间', t_first_call: '首次来电', t_answered: '接听时间', t_verified: '核实定级', t_plan: '启动预案',
  t_first_order: '首次下令', t_first_dispatch: '首次出动', t_first_arrival: '首车到场', t_full_response: '力量到齐',
  t_closed: '处置结束', callers: '来电人数', units_required: '需要力量', units_arrived: '到场力量',
  agencies_required: '需要单位', agencies_arrived: '到场单位', mutual_aid_units: '增援力量',
  t_reported: '初报时间', t_approved: '批复时间', t_experts: '专家进驻', t_command_post: '现场指挥部', t_controlled: '得到控制',
  escalations: '升级次数', coordination_wait_s: '协同等待（秒）', tiers_involved: '参与层级', size: '规模',
  duplicate_calls: '重复来电', orders_refused: '指令被拒', queued_requests: '排队请求', lost_requests: '外援请求',
  t_supplied: '物资到位', source: '来源', under_graded_s: '低判时长（秒）',
  t_graded: '定为突发事件', t_report_update: '续报时间', t_report_final: '终报时间', t_command_post_ordered: '决定开设指挥部', t_decision: '会商决策',
  line: '线路', t_staged: '集结完毕', waits_for: '等待单位',
  call_id: '来电编号', channel: '渠道', t_arrive: '到达时间', t_answer: '接听时间', t_end: '结束时间', abandoned: '放弃',
  dispatch_id: '出动编号', unit_id: '力量编号', agency: '单位', unit_type: '力量类型', mutual_aid: '跨区增援',
  t_order: '下令时间', t_alert: '通知时间', t_enroute: '出发时间', t_clear: '处置完毕', t_available: '恢复可用',
  travel_s: '行驶时间（秒）', tier: '联动层级', t_enter: '开始作业', t_notified: '接到指令', units: '力量数', t_ordered: '中心下令',
  station: '驻地', dispatches: '出动次数', busy_s: '忙碌时长（秒）', utilization: '利用率',
  reports: '状态报告', reports_lost: '丢失报告', report_latency_mean_s: '报告平均时延（秒）', report_latency_max_s: '报告最大时延（秒）',
  depot: '储备库', item: '物资', initial: '初始', restocked: '补充', drawn: '消耗', final: '剩余',
  metric: '指标', value: '数值', seq: '序号', t: '时间', kind: '类别', detail: '详情',
  indicator: '指标', group: '类别', n: '样本数', target: '目标', zero_at: '零分点', score: '得分', weight: '权重', critical: '关键任务',
  variant: '方案', seed: '随机种子', rating: '评定', sd: '标准差', mean: '均值', ci95_low: '95%置信下限', ci95_high: '95%置信上限',
  diff_mean: '与基准差值', diff_ci95_low: '差值95%下限', diff_ci95_high: '差值95%上限', significant: '显著',
};

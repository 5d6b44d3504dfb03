/** Labels of the after-action report in Chinese (terms of the source documents) and English. */
export type Lang = 'zh' | 'en';

export const REPORT_TEXT = {
  title: { zh: '应急联动演练评估报告', en: 'After-action report: emergency-response linkage' },
  overview: { zh: '一、概况', en: '1. Overview' },
  scorecard: { zh: '二、联动效能评分', en: '2. Linkage score' },
  findings: { zh: '三、评估发现', en: '3. Findings' },
  timelines: { zh: '四、重点事件联动时间线', en: '4. Linkage timelines of the largest incidents' },
  charts: { zh: '五、图表分析', en: '5. Charts' },
  indicators: { zh: '六、指标明细', en: '6. Indicators' },
  scenario: { zh: '场景', en: 'Scenario' },
  start: { zh: '开始时间', en: 'Start' },
  duration: { zh: '时长', en: 'Duration' },
  seeds: { zh: '随机种子', en: 'Seeds' },
  replications: { zh: '重复次数', en: 'Replications' },
  agencies: { zh: '联动单位', en: 'Agencies' },
  incidents: { zh: '事件数', en: 'Incidents' },
  calls: { zh: '来电数', en: 'Calls' },
  dispatches: { zh: '出动次数', en: 'Dispatches' },
  tier: { zh: '级', en: 'tier' },
  tierName: { zh: ['', '一级联动', '二级联动', '三级联动'], en: ['', 'tier 1', 'tier 2', 'tier 3'] },
  hours: { zh: '小时', en: 'h' },
  overall: { zh: '总分', en: 'Overall' },
  rating: { zh: '评定', en: 'Rating' },
  ratingText: {
    zh: { P: 'P：顺利完成，无明显问题', S: 'S：完成，存在一些问题', M: 'M：完成，存在重大问题', U: 'U：未能完成' },
    en: { P: 'P: performed without challenges', S: 'S: performed with some challenges', M: 'M: performed with major challenges', U: 'U: unable to be performed' },
  },
  criticalMissed: { zh: '关键任务未完成，评定为 U：', en: 'A critical task was missed, so the rating is U: ' },
  groups: {
    zh: { alarm: 'A 接警处置', mobilisation: 'B 一级力量出动', linkage: 'C 联动协同', command: 'D 指挥协调', information: 'E 信息报告', outcome: 'F 处置成效' },
    en: { alarm: 'A Alarm handling', mobilisation: 'B Tier-1 mobilisation', linkage: 'C Linkage', command: 'D Command', information: 'E Information and reporting', outcome: 'F Outcome' },
  },
  noData: { zh: '无数据', en: 'no data' },
  noFindings: { zh: '所有指标均达到目标。', en: 'Every indicator met its target.' },
  column: {
    zh: { id: '编号', group: '类别', indicator: '指标', n: '样本', value: '数值', target: '目标', zeroAt: '零分点', score: '得分', weight: '权重', source: '依据' },
    en: { id: 'Id', group: 'Group', indicator: 'Indicator', n: 'n', value: 'Value', target: 'Target', zeroAt: 'Zero at', score: 'Score', weight: 'Weight', source: 'Source' },
  },
  unitSeconds: { zh: '秒', en: 's' },
  unitShare: { zh: '比例', en: 'share' },
  lanes: { zh: { center: '联动中心' }, en: { center: 'Linkage center' } },
  marks: {
    zh: { call: '首次来电', answered: '接听', verified: '核实定级', plan: '启动预案', reported: '上报政府', approved: '批复', experts: '专家进驻', post: '现场指挥部', controlled: '得到控制', closed: '处置结束', notified: '接到指令', arrival: '首车到场' },
    en: { call: 'first call', answered: 'answered', verified: 'verified, graded', plan: 'plan activated', reported: 'reported', approved: 'approved', experts: 'experts', post: 'command post', controlled: 'controlled', closed: 'closed', notified: 'order received', arrival: 'first arrival' },
  },
  channels: {
    zh: { platform: '信息共享平台', phone: '电话转接', radio: '无线电', mutual_aid: '跨区增援' } as Record<string, string>,
    en: { platform: 'shared platform', phone: 'phone relay', radio: 'radio', mutual_aid: 'mutual aid' } as Record<string, string>,
  },
  phases: {
    zh: { turnout: '出车准备', travel: '行驶', wait: '等待协同', scene: '现场处置' },
    en: { turnout: 'turnout', travel: 'travel', wait: 'waiting on others', scene: 'on scene' },
  },
  timelineNote: {
    zh: '红色标记表示联动单位接到指令的时延超出目标。时间为当地时间。',
    en: 'Red marks: an agency received its order later than the target. Times are local.',
  },
  chartAnswer: { zh: '接警应答时间分布（秒），虚线为目标', en: 'Call answer time (s); dashed line: target' },
  chartFire: { zh: '消防接令至首车到场（秒），虚线为目标', en: 'Fire order to first arrival (s); dashed line: target' },
  chartCare: { zh: '伤员获得救治时延（秒），虚线为目标', en: 'Casualties’ delay to care (s); dashed line: target' },
  chartQueue: { zh: '等待接听的来电数（每 10 分钟平均）', en: 'Callers waiting to be answered (mean over each 10 minutes)' },
  chartUtil: { zh: '各单位力量平均利用率', en: 'Mean unit utilisation by agency' },
  chartTier: { zh: '各级联动单位通知时延（秒）', en: 'Notification latency by tier (s)' },
  count: { zh: '数量', en: 'count' },
  mapCaption: { zh: '区域图：道路、图层、驻地与医院，以及第 1 次重复中的事件', en: 'The area: roads, map layers, stations and hospitals, and the incidents of replication 1' },
  generated: { zh: '由 linkdrill 生成。数值与同目录 CSV 文件一致。', en: 'Made by linkdrill. Figures match the CSV files beside this report.' },
} as const;

export const FINDING_TAGS = {
  'must-fix': { zh: '整改项', en: 'Must fix' },
  deficiency: { zh: '不足项', en: 'Deficiency' },
  improvement: { zh: '改进项', en: 'Improvement' },
} as const;

/** Labels of the after-action report in Chinese (terms of the source documents) and English. */
export type Lang = 'zh' | 'en';

export const REPORT_TEXT = {
  title: { zh: '应急联动演练评估报告', en: 'After-action report: emergency-response linkage' },
  overview: { zh: '一、概况', en: '1. Overview' },
  scorecard: { zh: '二、联动效能评分', en: '2. Linkage score' },
  findings: { zh: '三、评估发现', en: '3. Findings' },
  timelines: { zh: '四、重点事件联动时间线', en: '4. Linkage timelines of the largest incidents' },
  charts: { zh: '五、图表分析', en: '5. Charts' },
  sensitivity: { zh: '六、得分敏感性', en: '6. What moved the score' },
  indicators: { zh: '七、指标明细', en: '7. Indicators' },
  scenario: { zh: '场景', en: 'Scenario' },
  start: { zh: '开始时间', en: 'Start' },
  duration: { zh: '时长', en: 'Duration' },
  seeds: { zh: '随机种子', en: 'Seeds' },
  replications: { zh: '重复次数', en: 'Replications' },
  agencies: { zh: '联动单位', en: 'Agencies' },
  incidents: { zh: '事件数', en: 'Incidents' },
  calls: { zh: '来电数', en: 'Calls' },
  dispatches: { zh: '出动次数', en: 'Dispatches' },
  graded: { zh: '构成突发事件的事件数 / 无需出动的来电数', en: 'Incidents that were 突发事件 (graded) / calls that needed no unit' },
  tier: { zh: '级', en: 'tier' },
  tierName: { zh: ['', '一级联动', '二级联动', '三级联动'], en: ['', 'tier 1', 'tier 2', 'tier 3'] },
  hours: { zh: '小时', en: 'h' },
  overall: { zh: '总分', en: 'Overall' },
  rating: { zh: '建议评定', en: 'Suggested rating' },
  ratingText: {
    zh: { P: 'P：顺利完成，无明显问题', S: 'S：完成，存在一些问题', M: 'M：完成，存在重大问题', U: 'U：未能完成' },
    en: { P: 'P: performed without challenges', S: 'S: performed with some challenges', M: 'M: performed with major challenges', U: 'U: unable to be performed' },
  },
  ratingNote: {
    zh: '建议评定：字母沿用 HSEEP 的 P/S/M/U，由总分换算（≥90 P，≥70 S，≥50 M）是本工具的约定；演练评估指南将评定交由评估人员判断。',
    en: 'Suggested rating: the letters are HSEEP’s P/S/M/U; mapping them from the total (≥ 90 P, ≥ 70 S, ≥ 50 M) is this tool’s convention — evaluation guides leave the rating to the evaluators.',
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
  sourceKind: {
    zh: { standard: '标准', regulation: '法规', guideline: '国家指导意见', local: '地方目标（作为本预案目标采用）', plan: '预案自身目标' },
    en: { standard: 'standard', regulation: 'regulation', guideline: 'national guideline', local: 'local figure, adopted as the plan’s own', plan: 'the plan’s own target' },
  },
  changedTarget: { zh: '本场景改写了目标；标准的依据为：', en: 'The scenario changed this target; the standard’s is: ' },
  scenarioTarget: { zh: '本场景（被检验预案）设定的目标', en: 'the target the scenario (the plan under test) sets' },
  sens: {
    zh: {
      intro: '各指标使总分损失的分数：若该指标达到目标，总分将高出此数。多次重复时另列各次重复间的范围，范围宽的指标是使总分波动的指标。',
      lost: '失分（合并）', perRep: '各次重复失分：均值（最小–最大）', ifMet: '若达标，总分', none: '所有指标均达到目标，没有失分。', chart: '各指标失分（条为合并值，线为各次重复的范围）',
    },
    en: {
      intro: 'Points each indicator cost the total: had it met its target, the total would be this much higher. With several replications, the range across them shows which indicators made the total move.',
      lost: 'Points lost (pooled)', perRep: 'Per replication: mean (min–max)', ifMet: 'Total if met', none: 'Every indicator met its target: no points lost.', chart: 'Points lost by indicator (bar: pooled; line: range over replications)',
    },
  },
  unitSeconds: { zh: '秒', en: 's' },
  unitShare: { zh: '比例', en: 'share' },
  unitRatio: { zh: '倍时限', en: '× limit' },
  lanes: { zh: { center: '联动中心' }, en: { center: 'Linkage center' } },
  levelLabel: { zh: '出动等级', en: 'level' },
  gradeLabel: { zh: '事件分级', en: 'grade' },
  marks: {
    zh: { call: '首次来电', answered: '接听', verified: '核实、确定等级', plan: '启动预案', reported: '初报', update: '续报', final: '终报', approved: '批复', experts: '专家进驻', post: '现场指挥部', decision: '会商决策', controlled: '得到控制', closed: '处置结束', notified: '接到指令', arrival: '首车到场' },
    en: { call: 'first call', answered: 'answered', verified: 'verified, level given', plan: 'plan activated', reported: 'first report', update: 'follow-up report', final: 'final report', approved: 'approved', experts: 'experts', post: 'command post', decision: 'decision meeting', controlled: 'controlled', closed: 'closed', notified: 'order received', arrival: 'first arrival' },
  },
  channels: {
    zh: { platform: '信息共享平台', phone: '电话转接', radio: '无线电', mutual_aid: '跨区增援' } as Record<string, string>,
    en: { platform: 'shared platform', phone: 'phone relay', radio: 'radio', mutual_aid: 'mutual aid' } as Record<string, string>,
  },
  phases: {
    zh: { staging: '集结', turnout: '出车准备', travel: '行驶', wait: '等待协同', scene: '现场处置' },
    en: { staging: 'staging', turnout: 'turnout', travel: 'travel', wait: 'waiting on others', scene: 'on scene' },
  },
  timelineNote: {
    zh: '红色标记表示联动单位接到指令的时延超出目标。时间为当地时间。',
    en: 'Red marks: an agency received its order later than the target. Times are local.',
  },
  timelineRep: { zh: '以下为第 1 次重复（种子 {seed}）中规模最大的事件。', en: 'The largest incidents of replication 1 (seed {seed}).' },
  chartAnswer: { zh: '接警应答时间分布（秒），虚线为目标', en: 'Call answer time (s); dashed line: target' },
  chartFire: { zh: '城区及近郊：消防接令至首车到场（秒），虚线为目标', en: 'Urban and suburban zones: fire alert to first arrival (s); dashed line: target' },
  chartCare: { zh: '城区及近郊：呼救至急救到场（秒），虚线为目标', en: 'Urban and suburban zones: call to ambulance on scene (s); dashed line: target' },
  chartQueue: { zh: '等待接听的来电数（每 10 分钟平均）', en: 'Callers waiting to be answered (mean over each 10 minutes)' },
  chartUtil: { zh: '各单位力量平均利用率', en: 'Mean unit utilisation by agency' },
  chartTier: { zh: '各级联动单位通知时延（秒）', en: 'Notification latency by tier (s)' },
  count: { zh: '数量', en: 'count' },
  mapCaption: { zh: '区域图：道路、图层、驻地与医院，以及第 1 次重复中的事件', en: 'The area: roads, map layers, stations and hospitals, and the incidents of replication 1' },
  generated: { zh: '由 linkdrill 生成。数值与同目录 CSV 文件一致。', en: 'Made by linkdrill. Figures match the CSV files beside this report.' },
} as const;

/** Finding tags as drill evaluations name them, most serious first (AQ/T 9009-2015; GB/T 46792-2025). */
export const FINDING_TAGS = {
  deficiency: { zh: '不足项', en: 'Deficiency' },
  rectify: { zh: '整改项', en: 'To rectify' },
  improve: { zh: '改进项', en: 'To improve' },
} as const;

/** What each tag asks for, for the legend beside the findings. */
export const FINDING_TAG_MEANING = {
  deficiency: { zh: '可能导致突发事件中不能保护公众安全，应在规定时间内纠正', en: 'may fail to protect the public in a real event: correct within a set time' },
  rectify: { zh: '单独不致危及公众安全，应在下次演练前纠正', en: 'not by itself a danger to the public: correct before the next drill' },
  improve: { zh: '值得改进，视情况处理', en: 'worth improving, as resources allow' },
} as const;

/** Tag colours, shared by the report and the app: red, orange, blue from most to least serious. */
export const FINDING_TAG_COLOR = { deficiency: '#c62828', rectify: '#b34700', improve: '#1565c0' } as const;

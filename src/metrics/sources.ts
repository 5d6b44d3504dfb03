/**
 * Where the rubric's targets come from, as data: the document, its edition and clause, what it
 * sets, and a short citation for tables and `indicators.csv`. Checked against the editions named
 * here (see the README's table of indicators); where no external standard sets a target, the source
 * says so — the target is the plan's own, or a local figure the plan adopts.
 */

/** What kind of authority a target rests on. */
export type SourceKind =
  /** A published standard (NFPA, 建标, GB). */
  | 'standard'
  /** A national regulation or normative document with a figure in it. */
  | 'regulation'
  /** A national guideline's goal (e.g. 国卫医发〔2020〕19号). */
  | 'guideline'
  /** A city's or province's own figure, adopted here as an example; the plan should set its own. */
  | 'local'
  /** No external target exists: the plan under test sets it. */
  | 'plan';

/** One indicator's source: a document, its edition and clause, and what it sets there. */
export interface Source {
  kind: SourceKind;
  document: { zh: string; en: string };
  /** Edition or year ('' where there is none). */
  edition: string;
  /** Clause, table or section ('' where there is none). */
  clause: string;
  /** The figure as the document sets it, in words. */
  says: { zh: string; en: string };
  /** Short citation for tables and CSV files, e.g. "NFPA 1221:2019 §7.4.1". */
  ref: string;
  /** The citation for Chinese text, where it differs ("表 4.3.2" for "Table 4.3.2"). */
  refZh?: string;
}

/** A source's citation for people reading `lang`. */
export const citation = (s: Source, lang: 'zh' | 'en'): string => (lang === 'zh' && s.refZh ? s.refZh : s.ref);

const src = (kind: SourceKind, document: Source['document'], edition: string, clause: string, says: Source['says'], ref: string): Source => ({ kind, document, edition, clause, says, ref });

const NFPA1221 = { zh: 'NFPA 1221 应急通信系统标准（其要求已并入 NFPA 1225）', en: 'NFPA 1221, Emergency Services Communications Systems (carried into NFPA 1225)' };
const NFPA1710 = { zh: 'NFPA 1710 职业消防队灭火、急救和特种作业的组织与部署标准', en: 'NFPA 1710, Organization and Deployment … by Career Fire Departments' };
const NFPA1720 = { zh: 'NFPA 1720 志愿及混编消防队的组织与部署标准', en: 'NFPA 1720, Organization and Deployment … by Volunteer Fire Departments' };
const PREHOSPITAL = { zh: '《关于进一步完善院前医疗急救服务的指导意见》（国卫医发〔2020〕19号）', en: 'Guideline on improving pre-hospital emergency care (国卫医发〔2020〕19号)' };
const STATION = { zh: '《城市消防站建设标准》（建标152-2017）；《城市消防规划规范》（GB 51080-2015）', en: 'Urban fire station construction standard (建标152-2017); urban fire-protection planning code (GB 51080-2015)' };
const GUIZHOU = { zh: '贵州省紧急医学救援体系建设目标（2018）', en: 'Guizhou province emergency medical rescue goals (2018)' };
const PLAN_DOC = { zh: '被检验的预案（无外部标准）', en: 'the plan under test (no external standard)' };

/** The catalogue of sources the default rubric cites. */
export const SOURCES = {
  alarmAnswer: src('standard', NFPA1221, '2019', '§7.4.1', { zh: '90% 的报警在 15 秒内接听（95% 在 20 秒内）', en: '90% of alarms answered within 15 s (95% within 20 s)' }, 'NFPA 1221:2019 §7.4.1'),
  answer120: src('guideline', PREHOSPITAL, '2020', '一（二）工作目标', { zh: '120 呼救电话 10 秒内接听比例达到 95%', en: '95% of 120 calls answered within 10 s' }, '国卫医发〔2020〕19号 一（二）'),
  alarmProcessing: src('standard', NFPA1221, '2019', '§7.4.2', { zh: '90% 的报警在 60 秒内处理完毕（99% 在 90 秒内；2016 版为 64 秒）', en: '90% of alarms processed within 60 s (99% within 90 s; 64 s was the 2016 figure)' }, 'NFPA 1221:2019 §7.4.2'),
  departure120: src('guideline', PREHOSPITAL, '2020', '一（二）工作目标', { zh: '3 分钟出车率达到 95%', en: '95% of ambulances leave within 3 minutes of the dispatch order' }, '国卫医发〔2020〕19号 一（二）'),
  fireTurnout: src('standard', STATION, '2017', '建标152-2017 第十三条条文说明', { zh: '“接到出动指令后 5 分钟到达辖区边缘”按出动 1 分钟、行车 4 分钟计', en: 'the 5 minutes to the district edge count 1 minute of turnout and 4 of travel' }, '建标152-2017 第十三条（条文说明）'),
  fiveMinute: src('standard', STATION, '2017 / 2015', '建标152-2017 第十三、十四条；GB 51080-2015 §4.1.3', { zh: '城市规划区内消防站布局以接到出动指令后 5 分钟内到达辖区边缘为原则（普通站辖区 ≤ 7 km²，近郊 ≤ 15 km²）', en: 'stations in urban planning zones are sited so that crews reach the district edge within 5 min of the dispatch order (district ≤ 7 km², suburban ≤ 15 km²)' }, 'GB 51080-2015 §4.1.3'),
  firstEngine: src('standard', NFPA1710, '2020', '§4.1.2.1(3), §4.1.2.4', { zh: '首辆消防车行驶时间 240 秒以内，达成率 90%', en: 'first engine company within 240 s of travel, 90% of incidents' }, 'NFPA 1710:2020 §4.1.2.1(3)'),
  fullAlarm: src('standard', NFPA1710, '2020', '§4.1.2.1(4), §4.1.2.4', { zh: '首批出动力量全部到场的行驶时间 480 秒以内，达成率 90%', en: 'initial full alarm assignment within 480 s of travel, 90% of incidents' }, 'NFPA 1710:2020 §4.1.2.1(4)'),
  suburban1720: { ...src('standard', NFPA1720, '2020', 'Table 4.3.2', { zh: '近郊区（每平方英里 500–1000 人）：接警派出后 10 分钟内集结首批力量，达成率 80%', en: 'suburban demand zone (500–1,000 people/sq mi): initial force assembled within 10 min of dispatch, 80% of incidents' }, 'NFPA 1720:2020 Table 4.3.2'), refZh: 'NFPA 1720:2020 表 4.3.2' },
  rural1720: { ...src('standard', NFPA1720, '2020', 'Table 4.3.2', { zh: '农村地区（每平方英里少于 500 人）：接警派出后 14 分钟内集结首批力量，达成率 80%', en: 'rural demand zone (< 500 people/sq mi): initial force assembled within 14 min of dispatch, 80% of incidents' }, 'NFPA 1720:2020 Table 4.3.2'), refZh: 'NFPA 1720:2020 表 4.3.2' },
  emsUrban: src('local', GUIZHOU, '2018', '', { zh: '城市院前医疗急救不超过 15 分钟（北京市亦以平均 15 分钟为目标）；作为本预案的目标采用', en: 'urban pre-hospital care within 15 min (Beijing also aims at a 15-minute mean); adopted as the plan’s own' }, '贵州省（2018）：城市 15 分钟'),
  emsRural: src('local', GUIZHOU, '2018', '', { zh: '农村院前医疗急救不超过 30 分钟；作为本预案的目标采用', en: 'rural pre-hospital care within 30 min; adopted as the plan’s own' }, '贵州省（2018）：农村 30 分钟'),
  plan: src('plan', PLAN_DOC, '', '', { zh: '无外部标准规定此项；目标为被检验预案自身的目标，可在 scoring 中改写', en: 'no external standard sets this; the target is the plan’s own (change it under scoring:)' }, 'plan'),
} as const satisfies Record<string, Source>;

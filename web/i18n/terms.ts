/**
 * Words of the domain in Chinese and English for the app: event kinds, the keys and values of event
 * details, channels, unit types and the compared KPIs. Every entry has both languages (tested).
 */
import type { EventKind } from '../../src/engine/log.ts';

type Pair = { zh: string; en: string };

export const EVENT_KIND_TEXT: Record<EventKind, Pair> = {
  'incident.occur': { zh: '事件发生', en: 'incident occurs' },
  'call.arrive': { zh: '来电', en: 'call arrives' },
  'call.answer': { zh: '接听', en: 'call answered' },
  'call.abandon': { zh: '来电挂断', en: 'caller hung up' },
  'call.end': { zh: '通话结束', en: 'call ends' },
  'call.transfer': { zh: '来电转接', en: 'call transferred' },
  'incident.verify': { zh: '核实、确定出动等级', en: 'verified, level given' },
  'incident.plan': { zh: '启动预案', en: 'plan activated' },
  'order.send': { zh: '下达指令', en: 'order sent' },
  'order.receive': { zh: '接到指令', en: 'order received' },
  'mutualaid.request': { zh: '请求增援', en: 'mutual aid requested' },
  'request.queue': { zh: '排队等待力量', en: 'request queued' },
  'request.lost': { zh: '转外部力量', en: 'request handed off' },
  'unit.alert': { zh: '单位接警', en: 'unit alerted' },
  'unit.enroute': { zh: '出发', en: 'unit en route' },
  'unit.arrive': { zh: '到达现场', en: 'unit arrives' },
  'unit.wait': { zh: '等待协同', en: 'unit waits' },
  'unit.enter': { zh: '进入处置', en: 'unit starts work' },
  'unit.staged': { zh: '集结完毕', en: 'team assembled' },
  'incident.regrade': { zh: '调整出动等级', en: 'level changed' },
  'incident.escalate': { zh: '事态升级', en: 'escalates' },
  'incident.report': { zh: '向政府报告', en: 'reported to government' },
  'incident.approve': { zh: '批复', en: 'approved' },
  'incident.experts': { zh: '专家进驻', en: 'experts convene' },
  'incident.commandpost': { zh: '现场指挥部开设', en: 'command post set up' },
  'incident.decision': { zh: '会商决策', en: 'decision meeting decided' },
  'incident.controlled': { zh: '得到控制', en: 'controlled' },
  'incident.full': { zh: '力量全部到位', en: 'full response on scene' },
  'supply.request': { zh: '请求物资', en: 'supplies requested' },
  'supply.shortage': { zh: '物资短缺', en: 'supplies short' },
  'supply.dispatch': { zh: '物资调出', en: 'supplies sent' },
  'supply.arrive': { zh: '物资到达', en: 'supplies arrive' },
  'depot.restock': { zh: '储备补充', en: 'depot restocked' },
  'incident.close': { zh: '处置结束', en: 'incident closed' },
  'unit.cancel': { zh: '取消出动', en: 'unit recalled' },
  'unit.clear': { zh: '现场任务完成', en: 'unit clears' },
  'unit.transport': { zh: '转运伤员', en: 'transporting' },
  'unit.hospital': { zh: '到达医院', en: 'at hospital' },
  'unit.return': { zh: '返回', en: 'returning' },
  'unit.back': { zh: '归队', en: 'back at station' },
  'unit.offduty': { zh: '下岗', en: 'off duty' },
  'unit.onduty': { zh: '上岗', en: 'on duty' },
  'unit.report': { zh: '状态报告', en: 'status report' },
  'unit.task': { zh: '执行本单位勤务', en: 'own duty' },
  'unit.taskdone': { zh: '勤务结束', en: 'own duty done' },
  'order.refused': { zh: '指令无法执行', en: 'order refused' },
  'unit.moveup': { zh: '前置移防', en: 'moving up' },
  'unit.cover': { zh: '到位驻防', en: 'covering' },
  'unit.release': { zh: '解除驻防', en: 'released' },
  'comms.down': { zh: '通信中断', en: 'channel down' },
  'comms.up': { zh: '通信恢复', en: 'channel up' },
  'calltakers.change': { zh: '接警席位调整', en: 'call-takers change' },
  inject: { zh: '注入', en: 'inject' },
};

/** Keys of `key=value` event details. */
export const DETAIL_KEY_TEXT: Record<string, Pair> = {
  type: { zh: '类型', en: 'type' }, unitType: { zh: '类型', en: 'type' }, delayS: { zh: '时延', en: 'delay' }, waitedS: { zh: '等待时长', en: 'waited' },
  ownEtaS: { zh: '本单位最快到达', en: 'own unit ETA' }, etaT: { zh: '预计到达', en: 'ETA' }, waitFor: { zh: '等待', en: 'waiting for' },
  mutualAid: { zh: '跨区增援', en: 'mutual aid' }, fromRoad: { zh: '途中改派', en: 'sent from the road' }, free: { zh: '状态', en: 'status' },
  action: { zh: '操作', en: 'action' }, count: { zh: '数量', en: 'count' }, channel: { zh: '渠道', en: 'channel' }, delay: { zh: '时延', en: 'delay' },
  status: { zh: '状态', en: 'status' }, position: { zh: '排位', en: 'position' }, call: { zh: '来电', en: 'call' }, duplicate: { zh: '重复来电', en: 'repeat call' },
  staffed: { zh: '在岗席位', en: 'staffed' }, to: { zh: '至', en: 'to' }, by: { zh: '批复方', en: 'by' }, zone: { zh: '区域', en: 'zone' }, grade: { zh: '事件分级', en: 'grade' },
  source: { zh: '来源', en: 'source' }, after: { zh: '等待', en: 'after' }, waited: { zh: '等待时长', en: 'waited' }, size: { zh: '规模', en: 'size' },
  from: { zh: '自', en: 'from' }, item: { zh: '物资', en: 'item' }, amount: { zh: '数量', en: 'amount' }, depot: { zh: '储备库', en: 'depot' }, eta: { zh: '预计到达', en: 'ETA' },
  wait_for: { zh: '等待', en: 'waiting for' }, dispatch: { zh: '出动编号', en: 'dispatch' }, mutual_aid: { zh: '跨区增援', en: 'mutual aid' }, hospital: { zh: '医院', en: 'hospital' },
  cause: { zh: '原因', en: 'cause' }, covers: { zh: '驻防', en: 'covers' }, covered: { zh: '原驻防', en: 'covered' }, reason: { zh: '原因', en: 'reason' }, resent: { zh: '重发', en: 'resent' },
  agency: { zh: '单位', en: 'agency' }, unit: { zh: '单位', en: 'unit' }, level: { zh: '出动等级', en: 'level' }, stage: { zh: '报告阶段', en: 'stage' },
  kind: { zh: '来电类别', en: 'kind' }, line: { zh: '线路', en: 'line' }, duringCall: { zh: '边接边派', en: 'during the call' }, stagingS: { zh: '集结用时', en: 'staging' },
  name: { zh: '名称', en: 'name' },
  // The fields of an inject (exercise and facilitator actions).
  incident: { zh: '事件', en: 'incident' }, sizeFactor: { zh: '规模倍数', en: 'size factor' }, transport: { zh: '需转运', en: 'transport' },
  station: { zh: '站点', en: 'station' }, id: { zh: '编号', en: 'id' }, lon: { zh: '经度', en: 'longitude' }, lat: { zh: '纬度', en: 'latitude' },
  radiusM: { zh: '半径（米）', en: 'radius (m)' }, forS: { zh: '持续', en: 'for' }, callers: { zh: '来电数', en: 'callers' }, overS: { zh: '持续', en: 'over' },
  factor: { zh: '倍数', en: 'factor' }, pin: { zh: '固定位置', en: 'pinned' },
};

/** What an inject did (its `action`): the engine's injection kinds. */
export const INJECTION_KIND_TEXT: Record<string, Pair> = {
  incident: { zh: '新事件', en: 'new incident' }, 'incident.change': { zh: '事件变化', en: 'incident changes' },
  'unit.out': { zh: '单位停用', en: 'unit out of service' }, 'unit.in': { zh: '单位恢复', en: 'unit back in service' },
  'station.out': { zh: '站点停用', en: 'station out of service' }, 'station.in': { zh: '站点恢复', en: 'station back in service' },
  'channel.down': { zh: '通信中断', en: 'channel down' }, 'channel.up': { zh: '通信恢复', en: 'channel back' },
  'road.close': { zh: '道路封闭', en: 'road closed' }, 'road.open': { zh: '道路恢复通行', en: 'road reopened' },
  'call.surge': { zh: '来电激增', en: 'call surge' }, 'demand.factor': { zh: '警情增减', en: 'more or fewer incidents' },
  regrade: { zh: '调整出动等级', en: 'level changed' }, order: { zh: '调派力量', en: 'units ordered' }, send: { zh: '派出单位', en: 'unit sent' },
  commandpost: { zh: '开设现场指挥部', en: 'command post opened' }, approve: { zh: '批复', en: 'approved' },
  arrive: { zh: '单位到场（导调干预）', en: 'unit on scene (override)' }, size: { zh: '设定规模（导调干预）', en: 'size set (override)' },
};

/** Values of event details that are words (channels, statuses, sources, reasons). */
export const DETAIL_VALUE_TEXT: Record<string, Pair> = {
  platform: { zh: '信息共享平台', en: 'shared platform' }, phone: { zh: '电话转接', en: 'phone relay' }, radio: { zh: '无线电', en: 'radio' },
  mutual_aid: { zh: '跨区增援', en: 'mutual aid' }, government: { zh: '政府', en: 'government' }, free: { zh: '空闲', en: 'free' }, busy: { zh: '忙碌', en: 'busy' },
  background: { zh: '日常', en: 'background' }, scripted: { zh: '脚本', en: 'scripted' }, history: { zh: '历史数据', en: 'history' }, injected: { zh: '注入', en: 'injected' },
  road: { zh: '途中', en: 'on the road' }, roster: { zh: '排班', en: 'roster' }, maintenance: { zh: '维护保养', en: 'maintenance' }, outage: { zh: '故障', en: 'outage' },
  random: { zh: '随机故障', en: 'random failure' }, scheduled: { zh: '计划中断', en: 'scheduled' }, incident: { zh: '事件', en: 'incident' }, out_of_service: { zh: '停用', en: 'out of service' },
  available: { zh: '待命', en: 'available' }, alerted: { zh: '接警', en: 'alerted' }, enroute: { zh: '赶赴现场', en: 'en route' }, onscene: { zh: '现场处置', en: 'on scene' },
  returning: { zh: '返回', en: 'returning' }, transporting: { zh: '转运伤员', en: 'transporting' }, hospital: { zh: '医院交接', en: 'at hospital' },
  off: { zh: '不在岗', en: 'off duty' }, tasked: { zh: '执行本单位勤务', en: 'own duties' }, moving: { zh: '前置移防', en: 'moving up' },
  center: { zh: '联动中心', en: 'the center' }, experts: { zh: '专家组', en: 'experts' }, yes: { zh: '是', en: 'yes' }, no: { zh: '否', en: 'no' },
  foam: { zh: '泡沫', en: 'foam' }, absorbent: { zh: '吸附材料', en: 'absorbent' }, sandbags: { zh: '沙袋', en: 'sandbags' }, pumps: { zh: '水泵', en: 'pumps' },
  unitOutOfService: { zh: '单位停用', en: 'unit out of service' }, unitInService: { zh: '单位恢复', en: 'unit back in service' },
  first: { zh: '初报', en: 'first report' }, update: { zh: '续报', en: 'follow-up report' }, final: { zh: '终报', en: 'final report' },
  emergency: { zh: '紧急', en: 'emergency' }, repeat: { zh: '重复来电', en: 'repeat call' }, consult: { zh: '咨询等无需出动', en: 'needs no unit' },
  transfer: { zh: '转12345', en: 'handed on to 12345' }, nonEmergency: { zh: '非紧急线路', en: 'non-emergency line' }, away: { zh: '转出', en: 'away' },
};

/** 突发事件 grades as the event details name them (`none`: a routine call, no 突发事件). */
export const EVENT_GRADE_TEXT: Record<string, Pair> = {
  IV: { zh: '一般（IV）', en: 'IV (一般)' }, III: { zh: '较大（III）', en: 'III (较大)' }, II: { zh: '重大（II）', en: 'II (重大)' }, I: { zh: '特别重大（I）', en: 'I (特别重大)' },
  none: { zh: '非突发事件', en: 'none (routine)' },
};

/** Unit types of the bundled scenarios (others are shown as written in the scenario). */
export const UNIT_TYPE_TEXT: Record<string, Pair> = {
  ambulance: { zh: '救护车', en: 'ambulance' }, patrol: { zh: '巡逻车', en: 'patrol car' }, engine: { zh: '水罐消防车', en: 'engine' },
  ladder: { zh: '登高消防车', en: 'ladder' }, rescue: { zh: '抢险救援车', en: 'rescue' }, hazmat: { zh: '危化品处置车', en: 'hazmat' }, foam: { zh: '泡沫消防车', en: 'foam tender' },
  traffic: { zh: '交警车', en: 'traffic car' }, repair: { zh: '抢修车', en: 'repair crew' }, crew: { zh: '抢修队', en: 'crew' }, monitoring: { zh: '环境监测车', en: 'monitoring' },
  swat: { zh: '特警车', en: 'SWAT' }, 'road-crew': { zh: '道路抢修队', en: 'road crew' }, pump: { zh: '排涝泵车', en: 'pump' }, liaison: { zh: '联络员', en: 'liaison' },
  epidemiology: { zh: '流调队', en: 'epidemiology' }, relief: { zh: '救助队', en: 'relief team' },
  workgroup: { zh: '应急工作组', en: 'working group' }, 'medical-team': { zh: '医疗救治队', en: 'medical team' }, weather: { zh: '移动气象站', en: 'mobile weather station' },
  evacuation: { zh: '属地疏散队', en: 'evacuation team' },
};

/** A word of a table, or the word itself where the table does not know it. */
export function term(table: Record<string, Pair>, key: string, lang: 'zh' | 'en'): string {
  return table[key]?.[lang] ?? key;
}

/**
 * The engine's refusals of an injection in words, Chinese and English: the engine returns a code and
 * the ids involved (`src/engine/refusal.ts`); the trainer reads `单位“E-1”不在待命状态（现场处置）` or
 * `unit "E-1" is not free (onscene)`. A log written before refusals were data keeps the English words
 * as a string; those are shown as they are, after a Chinese lead-in.
 */
import type { Refusal, RefusalCode } from '../engine/refusal.ts';
import type { UnitStatus } from '../engine/world.ts';
import type { Words } from '../scenario/errors.ts';

/** A refusal as an exercise log keeps it: the engine's data, or (an older log) its English words. */
export type LoggedRefusal = Refusal | string;

/** The fields each refusal carries besides its code (for reading logs back). */
export const REFUSAL_FIELDS: { readonly [C in RefusalCode]: readonly Exclude<keyof Extract<Refusal, { code: C }>, 'code'>[] } = {
  'no-incident': ['incident'],
  'unknown-unit': ['unit'],
  'unknown-agency': ['agency'],
  'unknown-incident-type': ['type'],
  'unknown-zone': ['zone'],
  'no-station-units': ['station'],
  'no-road-closure': ['road'],
  'no-background-demand': ['type'],
  'no-unit-type': ['agency', 'unitType'],
  'incident-closed': ['incident'],
  'no-size': ['type'],
  'channel-down-already': ['channel'],
  'channel-up-already': ['channel'],
  'not-graded': ['incident'],
  'unit-not-free': ['unit', 'status'],
  'command-post-ordered': ['incident'],
  'approved-already': ['incident'],
  'unit-not-left': ['unit'],
  'unit-not-en-route': ['unit', 'status'],
  'no-place': [],
  'name-taken': ['name'],
  'pin-without-name': [],
};

/** A unit's status in Chinese (the English keeps the engine's own word, as the event log writes it). */
const STATUS_ZH: Record<UnitStatus, string> = {
  available: '待命', alerted: '接警', enroute: '赶赴现场', onscene: '现场处置', transporting: '转运伤员',
  hospital: '医院交接', returning: '返回', moving: '前置移防', tasked: '执行本单位勤务', off: '不在岗',
};
// A status from a hand-edited log may be anything: shown as written.
const statusZh = (s: string) => (Object.hasOwn(STATUS_ZH, s) ? STATUS_ZH[s as UnitStatus] : s);

/** Why the engine refused, in both languages. The English is the engine's wording of old, kept exactly. */
export function refusalWords(r: LoggedRefusal): Words {
  if (typeof r === 'string') return { zh: `引擎未执行：${r}`, en: r };
  switch (r.code) {
    case 'no-incident': return { zh: `没有进行中的事件“${r.incident}”`, en: `no incident "${r.incident}" is under way` };
    case 'unknown-unit': return { zh: `未知的单位“${r.unit}”`, en: `unknown unit "${r.unit}"` };
    case 'unknown-agency': return { zh: `未知的联动单位“${r.agency}”`, en: `unknown agency "${r.agency}"` };
    case 'unknown-incident-type': return { zh: `未知的事件类型“${r.type}”`, en: `unknown incident type "${r.type}"` };
    case 'unknown-zone': return { zh: `未知的区域“${r.zone}”`, en: `unknown zone "${r.zone}"` };
    case 'no-station-units': return { zh: `站点“${r.station}”没有驻守的单位`, en: `no unit is based at station "${r.station}"` };
    case 'no-road-closure': return { zh: `没有正在实施的道路封闭“${r.road}”`, en: `no road closure "${r.road}" is in force` };
    case 'no-background-demand': return { zh: `没有“${r.type}”类事件的背景需求`, en: `no background demand of type "${r.type}"` };
    case 'no-unit-type': return { zh: `联动单位“${r.agency}”没有“${r.unitType}”类型的单位`, en: `agency "${r.agency}" has no unit of type "${r.unitType}"` };
    case 'incident-closed': return { zh: '该事件已处置结束', en: 'the incident is closed' };
    case 'no-size': return { zh: `事件类型“${r.type}”没有规模（未设 dynamics）`, en: `incident type "${r.type}" has no size (no dynamics)` };
    case 'channel-down-already': return { zh: `渠道“${r.channel}”已因注入而中断`, en: `channel "${r.channel}" is already down by an injection` };
    case 'channel-up-already': return { zh: `渠道“${r.channel}”已处于畅通状态`, en: `channel "${r.channel}" is already up` };
    case 'not-graded': return { zh: '指挥中心尚未对该事件定级', en: 'the center has not graded the incident yet' };
    case 'unit-not-free': return { zh: `单位“${r.unit}”不在待命状态（${statusZh(r.status)}）`, en: `unit "${r.unit}" is not free (${r.status})` };
    case 'command-post-ordered': return { zh: '已下令开设现场指挥部', en: 'a command post is already ordered' };
    case 'approved-already': return { zh: '已经批复', en: 'already approved' };
    case 'unit-not-left': return { zh: `单位“${r.unit}”尚未从驻地出发`, en: `unit "${r.unit}" has not left its station yet` };
    case 'unit-not-en-route': return { zh: `单位“${r.unit}”不在赶赴现场途中（${statusZh(r.status)}）`, en: `unit "${r.unit}" is not on its way to an incident (${r.status})` };
    case 'no-place': return { zh: '请给出区域（zone），或经度和纬度（lon、lat）', en: 'give a zone, or lon and lat' };
    case 'name-taken': return { zh: `名为“${r.name}”的事件已存在`, en: `an incident called "${r.name}" exists already` };
    case 'pin-without-name': return { zh: '固定（pin）的事件需要名称（name）', en: 'a pinned incident needs a name' };
  }
}

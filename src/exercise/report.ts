/**
 * The exercise evaluation report (演练评估报告) as one self-contained HTML file, in Chinese or
 * English, in the report structure of GB/T 46792-2025 (and AQ/T 9009-2015 for production-safety
 * drills): 演练概况, 评估内容与方法, 发现的问题, 改进建议 — with the MSEL's execution, the decision
 * record, the debrief and a timeline as appendices. Pure: data in, text out.
 */
import { esc } from '../report/svg.ts';
import { clock, tPlus } from '../report/format.ts';
import { FINDING_TAG_ORDER } from '../metrics/findings.ts';
import { FINDING_TAG_COLOR } from '../report/i18n.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ScoreResult } from '../metrics/score.ts';
import type { Evaluation } from './evaluation.ts';
import { suggestedFor } from './evaluation.ts';
import type { ExercisePackage } from './package.ts';
import { rationaleText, type Lang, type Text } from './text.ts';
import { refusalWords } from './refusal.ts';

const L = {
  title: { zh: '演练评估报告', en: 'Exercise evaluation report' },
  s1: { zh: '一、演练概况', en: '1. Overview' },
  s2: { zh: '二、评估内容与方法', en: '2. What was evaluated, and how' },
  s3: { zh: '三、发现的问题', en: '3. Findings' },
  s4: { zh: '四、改进建议', en: '4. Improvement plan' },
  appendix: { zh: '附录', en: 'Appendices' },
  aMsel: { zh: '附录一 演练脚本执行情况', en: 'A. The MSEL as delivered' },
  aDecisions: { zh: '附录二 决策记录', en: 'B. Decisions' },
  aTimeline: { zh: '附录三 时间线', en: 'C. Timeline' },
  aDebrief: { zh: '附录四 现场点评与自评', en: 'D. Debrief and self-assessment' },
  kind: { zh: { tabletop: '桌面推演', functional: '功能演练' }, en: { tabletop: 'tabletop exercise', functional: 'functional exercise' } },
  name: { zh: '演练名称', en: 'Exercise' },
  type: { zh: '演练形式', en: 'Kind' },
  guide: { zh: '评估依据', en: 'Evaluation guide' },
  trains: { zh: '演练目的', en: 'What it trains' },
  scenario: { zh: '情景', en: 'Scenario' },
  time: { zh: '演练时间', en: 'Exercise time' },
  seed: { zh: '随机种子', en: 'Seed' },
  roles: { zh: '参演角色', en: 'Roles' },
  phases: { zh: '演练阶段', en: 'Phases' },
  objectives: { zh: '演练目标', en: 'Objectives' },
  method: {
    zh: '评估方法：评估人员依据评估表逐项观察、记录并评定（P 顺利完成 / S 完成但存在问题 / M 完成但存在重大问题 / U 未能完成）；仿真给出的时间与指标作为佐证，并给出建议评定（本项目约定：按时完成全部预期行动为 P，部分超时为 S，部分未完成为 M，均未完成为 U；指标得分 ≥90 为 P、≥70 为 S、≥50 为 M）。评定以评估人员为准。',
    en: 'Method: evaluators observe, record and rate each item of the evaluation table (P performed without challenges / S with some / M with major challenges / U unable to be performed); the simulation’s times and indicators are the evidence beside it, with a suggested rating (this project’s convention: every expected action on time P, some late S, some missed M, none done U; indicator score ≥ 90 P, ≥ 70 S, ≥ 50 M). The evaluators’ rating is the one that counts.',
  },
  col: {
    zh: { objective: '目标', task: '关键任务', item: '评估内容', evidence: '仿真佐证', suggested: '建议评定', rating: '评定', observations: '观察记录' },
    en: { objective: 'Objective', task: 'Critical task', item: 'Evaluation item', evidence: 'Evidence from the simulation', suggested: 'Suggested', rating: 'Rating', observations: 'Observations' },
  },
  notRated: { zh: '未评定', en: 'not rated' },
  tags: { zh: { deficiency: '不足项', rectify: '整改项', improve: '改进项' }, en: { deficiency: 'Deficiency', rectify: 'To rectify', improve: 'To improve' } },
  tagMeaning: {
    zh: '不足项：可能导致无法保护公众、须限期整改的问题；整改项：下次演练前须整改的问题；改进项：值得改进之处。',
    en: 'Deficiency: may leave the public unprotected, to be fixed within a set time; to rectify: to fix before the next drill; to improve: worth improving.',
  },
  noFindings: { zh: '评估人员未记录问题。', en: 'The evaluators recorded no findings.' },
  unmet: { zh: '未按时完成的预期行动', en: 'Expected actions not done on time' },
  allMet: { zh: '全部预期行动均按时完成。', en: 'Every expected action was done on time.' },
  overrides: { zh: '导调干预（改变了仿真状态）', en: 'Facilitator overrides (they changed the simulated state)' },
  noPlan: { zh: '尚无改进计划。', en: 'No improvement plan yet.' },
  plan: { zh: { finding: '问题', tag: '类别', action: '改进措施', owner: '责任单位', due: '完成时限' }, en: { finding: 'Finding', tag: 'Tag', action: 'Action', owner: 'Owner', due: 'Due' } },
  msel: { zh: { id: '编号', phase: '阶段', planned: '计划', delivered: '实际', content: '内容', expected: '预期行动', met: '完成' }, en: { id: 'Id', phase: 'Phase', planned: 'Planned', delivered: 'Delivered', content: 'Content', expected: 'Expected', met: 'Met' } },
  notNeeded: { zh: '无需下达', en: 'not needed' },
  dec: { zh: { id: '编号', t: '时间', role: '角色', choice: '选择', expected: '预案预期', rationale: '理由' }, en: { id: 'Id', t: 'Time', role: 'Role', choice: 'Choice', expected: 'Plan expects', rationale: 'Rationale' } },
  undecided: { zh: '未作出', en: 'not taken' },
  timedOut: { zh: '（超时取默认）', en: ' (timed out: default)' },
  debrief: { zh: '现场点评', en: 'Debrief' },
  self: { zh: '参演人员自评', en: 'Self-assessment' },
  notes: { zh: '记录', en: 'Notes' },
  none: { zh: '无', en: 'none' },
  score: { zh: '联动效能评分（建议参考）', en: 'Linkage score (for reference)' },
  generated: { zh: '由 linkdrill 生成。评定由评估人员作出；仿真数据仅作佐证。', en: 'Made by linkdrill. Ratings are the evaluators’; the simulation’s figures are evidence only.' },
};

const tx = (t: Text, lang: Lang) => esc(t[lang]);
const rel = (t: number | null) => (t === null ? '–' : tPlus(t));

/** A timeline of the exercise: phases as bands, injects and decisions as marks. */
function timelineSvg(pkg: ExercisePackage, ev: Evaluation, lang: Lang): string {
  const W = 900;
  const left = 120;
  const x = (t: number) => left + ((W - left - 20) * t) / pkg.durationS;
  const bands = pkg.phases
    .map((p, i) => {
      const to = pkg.phases[i + 1]?.fromS ?? pkg.durationS;
      return `<rect x="${x(p.fromS).toFixed(1)}" y="20" width="${Math.max(1, x(to) - x(p.fromS)).toFixed(1)}" height="22" fill="${i % 2 ? '#e3edf7' : '#cfe0f1'}"/><text x="${(x(p.fromS) + 4).toFixed(1)}" y="35" font-size="11">${tx(p.title, lang)}</text>`;
    })
    .join('');
  const marks = (rows: { t: number; label: string; color: string }[], y: number) =>
    rows.map((r) => `<g transform="translate(${x(r.t).toFixed(1)},${y})"><path d="M0,-6L5,0L0,6L-5,0Z" fill="${r.color}"/><title>${esc(r.label)}</title></g>`).join('');
  const injects = ev.msel.filter((m) => m.deliveredT !== null).map((m) => ({ t: m.deliveredT!, label: `${m.inject} ${rel(m.deliveredT)} ${m.synopsis[lang]}`, color: m.contingency ? '#c0392b' : '#2c5f8a' }));
  const decisions = ev.decisions.filter((d) => d.t !== null).map((d) => ({ t: d.t!, label: `${d.decision} ${rel(d.t)} → ${d.choice}`, color: d.asExpected === false ? '#c0392b' : '#2e7d32' }));
  const expected = ev.expected.filter((e) => e.tMet !== null).map((e) => ({ t: e.tMet!, label: `${e.id} ${rel(e.tMet)} ${e.action[lang]}`, color: e.met ? '#2e7d32' : '#ef6c00' }));
  const ticks = Array.from({ length: Math.floor(pkg.durationS / 1800) + 1 }, (_, k) => k * 1800)
    .map((t) => `<g transform="translate(${x(t).toFixed(1)},0)"><line y1="14" y2="128" stroke="#ddd"/><text y="10" font-size="10" text-anchor="middle">${rel(t)}</text></g>`)
    .join('');
  const lab = (y: number, s: string) => `<text x="4" y="${y + 4}" font-size="11">${esc(s)}</text>`;
  return `<svg viewBox="0 0 ${W} 140" width="100%" role="img" aria-label="${esc(L.aTimeline[lang])}" font-family="sans-serif">${ticks}${bands}${lab(62, lang === 'zh' ? '情景注入' : 'Injects')}${marks(injects, 62)}${lab(88, lang === 'zh' ? '决策' : 'Decisions')}${marks(decisions, 88)}${lab(114, lang === 'zh' ? '预期行动' : 'Expected actions')}${marks(expected, 114)}</svg>`;
}

/** The report's HTML. `score` is the run's linkage score, shown for reference. */
export function exerciseReportHtml(pkg: ExercisePackage, scenario: Scenario, ev: Evaluation, score: ScoreResult | null, lang: Lang): string {
  const role = (id: string) => pkg.roles.find((r) => r.id === id)?.name[lang] ?? id;
  const phaseTitle = (id: string) => pkg.phases.find((p) => p.id === id)?.title[lang] ?? id;
  const c = L.col[lang];
  const overview = `<table class="kv">
<tr><th>${L.name[lang]}</th><td>${tx(pkg.title, lang)} <code>${esc(pkg.name)}</code></td></tr>
<tr><th>${L.type[lang]}</th><td>${L.kind[lang][pkg.kind]}</td></tr>
<tr><th>${L.guide[lang]}</th><td>${esc(pkg.guide)}</td></tr>
<tr><th>${L.trains[lang]}</th><td>${tx(pkg.trains, lang)}</td></tr>
<tr><th>${L.scenario[lang]}</th><td>${esc(scenario.title)} <code>${esc(scenario.name)}</code></td></tr>
<tr><th>${L.time[lang]}</th><td>${esc(clock(scenario.startSecondOfDay, pkg.startS))} – ${esc(clock(scenario.startSecondOfDay, pkg.startS + pkg.durationS))} (${(pkg.durationS / 3600).toFixed(1)} h)</td></tr>
<tr><th>${L.seed[lang]}</th><td>${pkg.seed}</td></tr>
<tr><th>${L.roles[lang]}</th><td>${pkg.roles.map((r) => esc(r.name[lang])).join('、')}</td></tr>
<tr><th>${L.phases[lang]}</th><td><ol>${pkg.phases.map((p) => `<li>${rel(p.fromS)} ${tx(p.title, lang)}：${tx(p.situation, lang)}</li>`).join('')}</ol></td></tr>
<tr><th>${L.objectives[lang]}</th><td><ol>${pkg.objectives.map((o) => `<li>${tx(o.title, lang)}</li>`).join('')}</ol></td></tr>
</table>`;
  const evalRows = pkg.objectives
    .flatMap((o) =>
      o.capabilities.flatMap((cap) =>
        cap.tasks.flatMap((t) => {
          const rows = ev.rows.filter((r) => r.task === t.id);
          const rating = rows[0]?.rating ?? null;
          const sugg = suggestedFor(ev.rows, 'task', t.id);
          return rows.map(
            (r, k) =>
              `<tr>${k === 0 ? `<td rowspan="${rows.length}">${tx(o.title, lang)}</td><td rowspan="${rows.length}">${tx(t.title, lang)}${t.critical ? ' ★' : ''}</td>` : ''}<td>${tx(r.text, lang)}</td><td>${tx(r.evidence, lang)}</td><td class="r">${r.suggested ?? '–'}</td>${k === 0 ? `<td rowspan="${rows.length}" class="r big">${rating ?? `<span class="muted">${L.notRated[lang]}</span>`}${sugg ? `<div class="muted">(${sugg})</div>` : ''}</td><td rowspan="${rows.length}">${esc(rows[0].observations)}</td>` : ''}</tr>`,
          );
        }),
      ),
    )
    .join('');
  const scoreLine = score && score.score !== null ? `<p class="muted">${L.score[lang]}: ${score.score.toFixed(1)} (${score.rating})</p>` : '';
  const findings = ev.findings.length
    ? FINDING_TAG_ORDER.flatMap((tag) => ev.findings.filter((f) => f.tag === tag).map((f) => `<li><span class="tag t-${tag}">${L.tags[lang][tag]}</span> <code>${esc(f.id)}</code> ${esc(f.text)}${f.refs?.length ? ` <span class="muted">(${f.refs.map(esc).join(', ')})</span>` : ''}</li>`)).join('')
    : '';
  const unmet = ev.expected.filter((e) => !e.met);
  const unmetHtml = unmet.length
    ? `<ul>${unmet.map((e) => `<li><code>${esc(e.id)}</code> ${esc(role(e.role))}：${tx(e.action, lang)} — ${e.late ? `${rel(e.tMet)} (${lang === 'zh' ? '时限' : 'due'} ${rel(e.byT)})` : `${lang === 'zh' ? '未完成，时限' : 'not done, due'} ${rel(e.byT)}`}</li>`).join('')}</ul>`
    : `<p>${L.allMet[lang]}</p>`;
  const overrides = ev.overrides.length ? `<h3>${L.overrides[lang]}</h3><ul>${ev.overrides.map((o) => `<li>${rel(o.t)} ${esc(o.injection.kind)}: ${esc(o.reason)}</li>`).join('')}</ul>` : '';
  const p = L.plan[lang];
  const plan = ev.improvements.length
    ? `<table><tr><th>${p.finding}</th><th>${p.tag}</th><th>${p.action}</th><th>${p.owner}</th><th>${p.due}</th></tr>${ev.improvements.map((i) => `<tr><td><code>${esc(i.finding)}</code> ${esc(i.text)}</td><td>${i.tag ? L.tags[lang][i.tag] : '–'}</td><td>${esc(i.action)}</td><td>${esc(i.owner)}</td><td>${esc(i.due)}</td></tr>`).join('')}</table>`
    : `<p class="muted">${L.noPlan[lang]}</p>`;
  const m = L.msel[lang];
  const mselRows = ev.msel
    .map((r) => `<tr><td><code>${esc(r.inject)}</code></td><td>${esc(phaseTitle(r.phase))}</td><td>${rel(r.plannedT)}</td><td>${r.deliveredT === null ? (r.contingency ? L.notNeeded[lang] : '–') : rel(r.deliveredT)}</td><td>${tx(r.synopsis, lang)}${r.refused ? ` <span class="bad">(${esc(refusalWords(r.refused)[lang])})</span>` : ''}</td><td>${r.expected.map(esc).join(', ')}</td><td class="r">${r.met === null ? '' : r.met ? '✓' : '✗'}</td></tr>`)
    .join('');
  const d = L.dec[lang];
  const decRows = ev.decisions
    .map((r) => `<tr><td><code>${esc(r.decision)}</code></td><td>${rel(r.t)}</td><td>${esc(role(r.role))}</td><td>${r.choiceLabel === null ? L.undecided[lang] : tx(r.choiceLabel, lang)}${r.timedOut ? L.timedOut[lang] : ''}</td><td>${r.expectedLabel === null ? '–' : tx(r.expectedLabel, lang)}${r.asExpected === false ? ' <span class="bad">≠</span>' : ''}</td><td>${esc(rationaleText(r.rationale, r.auto, lang, (id) => pkg.decisions.find((x) => x.id === r.decision)?.options.find((o) => o.id === id)?.label))}${r.text ? `<div>${esc(r.text)}</div>` : ''}</td></tr>`)
    .join('');
  const notes = (type: string) => ev.notes.filter((n) => n.type === type);
  const debrief = [
    notes('debrief').length ? `<h3>${L.debrief[lang]}</h3>${notes('debrief').map((n) => `<p>${esc((n as { text: string }).text)}</p>`).join('')}` : '',
    notes('self-assessment').length ? `<h3>${L.self[lang]}</h3><ul>${notes('self-assessment').map((n) => { const a = n as { role: string; text: string; rating?: string }; return `<li>${esc(role(a.role))}${a.rating ? ` (${a.rating})` : ''}：${esc(a.text)}</li>`; }).join('')}</ul>` : '',
    notes('note').length ? `<h3>${L.notes[lang]}</h3><ul>${notes('note').map((n) => `<li>${rel(n.t)} ${esc((n as { text: string }).text)}</li>`).join('')}</ul>` : '',
  ].join('') || `<p class="muted">${L.none[lang]}</p>`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L.title[lang]} · ${tx(pkg.title, lang)}</title>
<style>body{font:14px/1.55 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}h1{font-size:1.6em}h2{border-bottom:2px solid #2c5f8a;padding-bottom:.2em;margin-top:1.6em}table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}th{background:#f2f5f8}.kv th{width:9em}.r{text-align:center}.big{font-size:1.3em;font-weight:bold}.muted{color:#777;font-size:.9em}.bad{color:#c0392b}.tag{display:inline-block;font-size:.8em;padding:0 .5em;border-radius:3px;color:#fff}.t-deficiency{background:${FINDING_TAG_COLOR.deficiency}}.t-rectify{background:${FINDING_TAG_COLOR.rectify}}.t-improve{background:${FINDING_TAG_COLOR.improve}}code{font-size:.9em;color:#555}@media print{body{margin:0}h2{break-after:avoid}}</style></head>
<body>
<h1>${L.title[lang]}</h1><p><b>${tx(pkg.title, lang)}</b></p>
<h2>${L.s1[lang]}</h2>${overview}
<h2>${L.s2[lang]}</h2><p>${L.method[lang]}</p>
<table><tr><th>${c.objective}</th><th>${c.task}</th><th>${c.item}</th><th>${c.evidence}</th><th>${c.suggested}</th><th>${c.rating}</th><th>${c.observations}</th></tr>${evalRows}</table>${scoreLine}
<h2>${L.s3[lang]}</h2><p class="muted">${L.tagMeaning[lang]}</p>${findings ? `<ol class="findings">${findings}</ol>` : `<p>${L.noFindings[lang]}</p>`}
<h3>${L.unmet[lang]}</h3>${unmetHtml}${overrides}
<h2>${L.s4[lang]}</h2>${plan}
<h2>${L.appendix[lang]}</h2>
<h3>${L.aMsel[lang]}</h3><table><tr><th>${m.id}</th><th>${m.phase}</th><th>${m.planned}</th><th>${m.delivered}</th><th>${m.content}</th><th>${m.expected}</th><th>${m.met}</th></tr>${mselRows}</table>
<h3>${L.aDecisions[lang]}</h3><table><tr><th>${d.id}</th><th>${d.t}</th><th>${d.role}</th><th>${d.choice}</th><th>${d.expected}</th><th>${d.rationale}</th></tr>${decRows}</table>
<h3>${L.aTimeline[lang]}</h3>${timelineSvg(pkg, ev, lang)}
<h3>${L.aDebrief[lang]}</h3>${debrief}
<p class="muted">${L.generated[lang]}</p>
</body></html>
`;
}

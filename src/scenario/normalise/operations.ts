/** Command and reporting rules, communications (channels, outages), and depots of supplies. */
import { GRADES, type ScenarioParsed } from '../schema.ts';
import type { Command, Comms, Depot } from '../scenario.ts';
import { uniqueIds, type NormaliseContext } from './context.ts';
import { secs } from './dist.ts';
import { FROM_BEFORE_TO } from './words.ts';

export function normaliseCommand(cmd: ScenarioParsed['command'], ctx: NormaliseContext): Command {
  const { dist } = ctx;
  return {
    reportGrade: GRADES.indexOf(cmd.reportGrade),
    reportDelay: dist(cmd.reportDelay, 'command.reportDelay'),
    updateDelay: dist(cmd.updateDelay, 'command.updateDelay'),
    finalDelay: dist(cmd.finalDelay, 'command.finalDelay'),
    approvalGrade: GRADES.indexOf(cmd.approvalGrade),
    approvalDelay: dist(cmd.approvalDelay, 'command.approvalDelay'),
    expertsGrade: GRADES.indexOf(cmd.expertsGrade),
    expertsDelay: dist(cmd.expertsDelay, 'command.expertsDelay'),
    commandPostSetup: dist(cmd.commandPostSetup, 'command.commandPostSetup'),
    decisionMeeting: dist(cmd.decisionMeeting, 'command.decisionMeeting'),
    handoffFactor: cmd.handoffFactor,
  };
}

export function normaliseComms(c: ScenarioParsed['comms'], ctx: NormaliseContext): Comms {
  return {
    fallback: [...new Set(c.fallback)],
    outages: c.outages.map((o, k) => {
      const fromS = secs(o.from);
      const toS = secs(o.to);
      if (!(toS > fromS)) ctx.err(`comms.outages[${k}]`, FROM_BEFORE_TO);
      return { channel: o.channel, fromS, toS };
    }),
    random: Object.entries(c.random).map(([channel, r]) => ({ channel: channel as Comms['random'][number]['channel'], ratePerDay: r!.ratePerDay, duration: ctx.dist(r!.duration, `comms.random.${channel}.duration`) })),
  };
}

/** Depots, and a check that every supply an incident type draws is stocked somewhere. */
export function normaliseDepots(s: ScenarioParsed, ctx: NormaliseContext): Depot[] {
  uniqueIds(s.depots, 'depots', ctx);
  // Item names are the user's words: kept in null-prototype records, so `toString` is an item like any other.
  const items = (r: Record<string, number>) => Object.assign(Object.create(null) as Record<string, number>, r);
  const depots = s.depots.map((d, i) => ({
    id: d.id,
    name: d.name ?? d.id,
    lon: d.lon,
    lat: d.lat,
    stock: items(d.stock),
    restock: d.restock ? { delay: ctx.dist(d.restock.delay, `depots[${i}].restock.delay`), amount: items(d.restock.amount) } : undefined,
  }));
  s.incidentTypes.forEach((t, i) =>
    t.supplies.forEach((x, k) => {
      if (!depots.some((d) => Object.hasOwn(d.stock, x.item))) ctx.err(`incidentTypes[${i}].supplies[${k}].item`, { zh: `没有储备库储存“${x.item}”`, en: `no depot stocks "${x.item}"` });
    }),
  );
  return depots;
}

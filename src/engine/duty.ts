/**
 * Duty (24小时值班备勤): call-taker staffing and unit rosters change at local hour boundaries;
 * maintenance windows take units out of service and back.
 */
import { hourAt } from '../geo/travel.ts';
import type { World } from './world.ts';
import { setStaffed } from './center.ts';
import { refreshDuty } from './unit.ts';

/** Applies the current hour's staffing and rosters, and schedules every later change. */
export function startDuty(w: World): void {
  const { scenario, kernel } = w;
  const rostered = w.units.filter((u) => u.def.roster !== null);
  const applyHour = () => {
    const h = hourAt(scenario.startSecondOfDay, kernel.now());
    setStaffed(w, scenario.center.callTakers[h], scenario.center.nonEmergencyTakers?.[h] ?? null);
    for (const u of rostered) {
      const on = u.def.roster![h] === 1;
      if (on !== u.onDuty) {
        u.onDuty = on;
        refreshDuty(w, u);
      }
    }
  };
  const scheduleHours = () => {
    const secOfDay = (scenario.startSecondOfDay + kernel.now()) % 86400;
    const next = kernel.now() + (3600 - (secOfDay % 3600));
    if (next < scenario.durationS) {
      kernel.after(next - kernel.now(), () => {
        applyHour();
        scheduleHours();
      });
    }
  };
  applyHour();
  scheduleHours();
  for (const u of w.units) {
    for (const m of u.def.maintenance) {
      if (m.fromS >= scenario.durationS) continue;
      kernel.after(m.fromS, () => {
        u.inMaintenance = true;
        refreshDuty(w, u);
        kernel.after(m.toS - m.fromS, () => {
          u.inMaintenance = false;
          refreshDuty(w, u);
        });
      });
    }
  }
}

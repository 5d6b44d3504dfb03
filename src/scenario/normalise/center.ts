/** The linkage center: call-takers by hour (and a non-emergency line), call handling, dispatch during the call, verification and grading, status reports. */
import type { ScenarioParsed } from '../schema.ts';
import type { Center } from '../scenario.ts';
import type { NormaliseContext } from './context.ts';

export function normaliseCenter(c: ScenarioParsed['center'], ctx: NormaliseContext): Center {
  const { dist } = ctx;
  const center: Center = {
    callTakers: typeof c.callTakers === 'number' ? Array(24).fill(c.callTakers) : c.callTakers.slice(),
    answerTime: dist(c.answerTime, 'center.answerTime'),
    handlingTime: dist(c.handlingTime, 'center.handlingTime'),
    duplicateHandlingTime: dist(c.duplicateHandlingTime ?? c.handlingTime, 'center.duplicateHandlingTime'),
    verificationTime: dist(c.verificationTime, 'center.verificationTime'),
    planTime: dist(c.planTime, 'center.planTime'),
    patience: c.patience === undefined ? null : dist(c.patience, 'center.patience'),
    statusReports: c.statusReports
      ? {
          delay: dist(c.statusReports.delay, 'center.statusReports.delay'),
          lossProbability: c.statusReports.lossProbability,
          resendAfter: dist(c.statusReports.resendAfter, 'center.statusReports.resendAfter'),
          refusalDelay: dist(c.statusReports.refusalDelay, 'center.statusReports.refusalDelay'),
        }
      : null,
    dispatchDuringCall: c.dispatchDuringCall ? { after: dist(c.dispatchDuringCall.after, 'center.dispatchDuringCall.after') } : null,
    nonEmergencyTakers: c.nonEmergencyTakers === undefined ? null : typeof c.nonEmergencyTakers === 'number' ? Array(24).fill(c.nonEmergencyTakers) : c.nonEmergencyTakers.slice(),
    gradingErrorProbability: c.grading.errorProbability,
    gradingMaxError: c.grading.maxError,
    dayStartH: c.dayStart,
    nightStartH: c.nightStart,
  };
  if (center.callTakers.every((n) => n === 0)) ctx.err('center.callTakers', { zh: '至少要有一个小时安排接警员', en: 'at least one hour needs a call-taker' });
  return center;
}

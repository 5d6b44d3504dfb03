/** Colours shared by the views: grades, unit statuses and the phases of a chain. */

/** Grade colours (IV → I) chosen to stay apart for common colour-vision deficiencies (Okabe–Ito). */
export const GRADE_COLOR = ['#56B4E9', '#F0E442', '#E69F00', '#D55E00'];
export const GRADE_TEXT = ['IV', 'III', 'II', 'I'];

/** Phases of a unit's part in a chain (turnout, travel, waiting for another agency, on scene). */
export const PHASE_COLOR = { staging: '#edc948', turnout: '#bab0ac', travel: '#4e79a7', wait: '#e15759', scene: '#59a14f' } as const;

export const STATUS_COLOR: Record<string, string> = {
  available: '#e8f5e9', alerted: '#ffd54f', enroute: '#4e79a7', onscene: '#59a14f', transporting: '#b07aa1', hospital: '#ff9da7',
  returning: '#9ecae1', moving: '#76b7b2', tasked: '#bab0ac', off: '#cccccc',
};

import { describe, expect, it } from 'vitest';
import { TabRegistry, stepTab, type TabView } from '../../../web/app/tabs.ts';

const tab = (id: string): TabView => ({ id, label: () => id, render: () => {} });

describe('tab registry', () => {
  it('keeps registration order, inserts before a named tab, and refuses a duplicate id', () => {
    const r = new TabRegistry();
    r.register(tab('chain'));
    r.register(tab('score'));
    r.register(tab('exercise'), 'score');
    expect(r.all().map((v) => v.id)).toEqual(['chain', 'exercise', 'score']);
    expect(() => r.register(tab('chain'))).toThrow(/twice/);
    expect(r.get('exercise')?.id).toBe('exercise');
    expect(r.get('nope')).toBeUndefined();
  });
});

describe('moving along the tab list by key', () => {
  const shown = ['situation', 'events', 'debrief'];
  it('steps over tabs that are not shown: → from the situation reaches the events, ← from it wraps to the debrief', () => {
    expect(stepTab(shown, 'situation', 'ArrowRight')).toBe('events');
    expect(stepTab(shown, 'events', 'ArrowLeft')).toBe('situation');
    expect(stepTab(shown, 'situation', 'ArrowLeft')).toBe('debrief');
    expect(stepTab(shown, 'debrief', 'ArrowRight')).toBe('situation');
  });
  it('goes to the first and the last tab shown with Home and End', () => {
    expect(stepTab(shown, 'events', 'Home')).toBe('situation');
    expect(stepTab(shown, 'events', 'End')).toBe('debrief');
  });
  it('ignores other keys and an empty list, and leaves a hidden current tab for a shown one', () => {
    expect(stepTab(shown, 'events', 'ArrowDown')).toBeNull();
    expect(stepTab(shown, 'events', 'Enter')).toBeNull();
    expect(stepTab([], 'events', 'ArrowRight')).toBeNull();
    expect(stepTab(shown, 'script', 'ArrowRight')).toBe('situation');
    expect(stepTab(shown, 'script', 'ArrowLeft')).toBe('debrief');
  });
});

import { describe, expect, it } from 'vitest';
import { TabRegistry, type TabView } from '../../../web/app/tabs.ts';

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

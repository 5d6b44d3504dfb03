import { describe, expect, it } from 'vitest';
import { exerciseView } from '../../src/exercise/views.ts';
import { SMALL, open } from './helpers.ts';

describe('notes taken in the room', () => {
  it('the facilitator sees every note, newest last, and the players only their own: a facilitator’s note never reaches their screen', async () => {
    const s = await open(SMALL);
    await s.moveTo(300, 'by');
    s.annotate({ type: 'note', text: 'watch team B', role: 'facilitator' });
    await s.moveTo(600, 'by');
    s.annotate({ type: 'note', text: '疏散组已到位', role: 'player' });
    s.annotate({ type: 'note', text: 'no role given' });
    expect(exerciseView(s, 'facilitator').notes).toEqual([
      { t: 300, text: 'watch team B', role: 'facilitator' },
      { t: 600, text: '疏散组已到位', role: 'player' },
      { t: 600, text: 'no role given', role: null },
    ]);
    expect(exerciseView(s, 'player').notes).toEqual([{ t: 600, text: '疏散组已到位', role: 'player' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { compare } from '../../src/batch/plan.ts';
import { comparisonHtml } from '../../src/batch/report.ts';
import { KPI_COLUMNS, type Kpi } from '../../src/metrics/kpis.ts';
import type { ReplicationResult } from '../../src/worker/api.ts';

describe('comparison.html', () => {
  it('a p-value too small for 3 decimals reads "< 0.001", never "= 0"', () => {
    const rows = (variant: string, shift: number): ReplicationResult[] =>
      Array.from({ length: 10 }, (_, k) => ({
        variant, rep: k + 1, seed: k + 1, rating: 'S',
        kpis: Object.fromEntries(KPI_COLUMNS.map((c) => [c, 100 + ((k * 7) % 5) + (c === 'response_s_p90' ? shift * (1 + (k % 3) * 0.01) : 0)])) as Record<Kpi, number>,
      }));
    const data = [...rows('baseline', 0), ...rows('slower', 120)];
    const cmp = compare(data, ['baseline', 'slower']);
    expect(cmp.find((r) => r.variant === 'slower' && r.metric === 'response_s_p90')!.pHolm).toBeLessThan(0.0005);
    const meta = { scenario: { name: 's', title: 'S' }, variants: [{ name: 'baseline', title: 'B', description: '' }, { name: 'slower', title: 'Slower', description: '' }], reps: 10, seed: 1, shard: { index: 1, count: 1 } };
    for (const lang of ['zh', 'en'] as const) {
      const html = comparisonHtml(meta, data, cmp, lang);
      expect(html).toContain('p<sub>Holm</sub> &lt; 0.001');
      expect(html).not.toContain('p<sub>Holm</sub> = 0)');
    }
  });
});

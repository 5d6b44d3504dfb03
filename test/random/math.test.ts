import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as dmath from '../../src/random/math.ts';
import { ROOT } from '../helpers.ts';

describe('deterministic transcendental functions', () => {
  it('give the same bits as when they were pinned (a change of implementation would change every run)', () => {
    expect(dmath.log(2)).toBe(0.6931471805599453);
    expect(dmath.log(10)).toBe(2.302585092994046);
    // One unit in the last place above the correctly rounded e: fdlibm's exp is within 1 ulp, not exact.
    expect(dmath.exp(1)).toBe(2.7182818284590455);
    expect(dmath.exp(-0.5)).toBe(0.6065306597126334);
    expect(dmath.sin(Math.PI / 6)).toBe(0.49999999999999994);
    expect(dmath.cos(0)).toBe(1);
    expect(dmath.asin(1)).toBe(Math.PI / 2);
    expect(dmath.pow(2, 0.5)).toBe(Math.SQRT2);
  });

  it('agree with the platform’s Math within one unit in the last place over many arguments', () => {
    const ulp = (x: number) => {
      const b = new Float64Array([x]);
      const i = new BigInt64Array(b.buffer);
      i[0] += 1n;
      return Math.abs(b[0] - x);
    };
    for (let k = 1; k < 2000; k++) {
      const x = k * 0.0137;
      for (const [f, g] of [[dmath.log, Math.log], [dmath.exp, Math.exp], [dmath.sin, Math.sin], [dmath.cos, Math.cos]] as const) {
        const a = f(x);
        expect(Math.abs(a - g(x))).toBeLessThanOrEqual(ulp(a));
      }
    }
  });

  it('the layers that make results never call the platform’s implementation-defined Math functions', () => {
    const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : n.endsWith('.ts') ? [join(d, n)] : []));
    const offenders: string[] = [];
    for (const layer of ['random', 'geo', 'scenario', 'engine', 'metrics', 'exercise']) {
      for (const f of files(join(ROOT, 'src', layer))) {
        if (f.endsWith('random/math.ts')) continue;
        const text = readFileSync(f, 'utf8');
        for (const m of text.matchAll(/Math\.(log|log1p|log2|log10|exp|expm1|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|pow|hypot|cbrt)\b/g)) offenders.push(`${relative(ROOT, f)}: Math.${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

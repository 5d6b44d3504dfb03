/**
 * Transcendental functions that give the same bits in every JavaScript engine. `Math.log`,
 * `Math.sin` and friends are implementation-defined, and Node's V8 and a newer browser's V8 differ in
 * the last bit for some arguments (seen: a road's haversine length), which is enough to break "the
 * same scenario and seed give the same event log in Node and in the browser". These are stdlib's
 * pure-JavaScript ports of FreeBSD's msun (fdlibm): arithmetic and `Math.sqrt` only, both exactly
 * specified by IEEE 754. Everything in the engine's layers that affects a result uses these.
 */
import ln from '@stdlib/math-base-special-ln';
import stdExp from '@stdlib/math-base-special-exp';
import stdSin from '@stdlib/math-base-special-sin';
import stdCos from '@stdlib/math-base-special-cos';
import stdAsin from '@stdlib/math-base-special-asin';
import stdPow from '@stdlib/math-base-special-pow';

/** Natural logarithm. */
export const log: (x: number) => number = ln;
/** e^x. */
export const exp: (x: number) => number = stdExp;
/** Sine (radians). */
export const sin: (x: number) => number = stdSin;
/** Cosine (radians). */
export const cos: (x: number) => number = stdCos;
/** Arcsine (radians). */
export const asin: (x: number) => number = stdAsin;
/** x^y. */
export const pow: (x: number, y: number) => number = stdPow;

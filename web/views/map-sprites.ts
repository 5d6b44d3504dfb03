/**
 * The live map's marks as sprites: each distinct look (an incident's grade, radius, whether a unit
 * is on scene, whether it is selected; a unit's colour, status and radius) is drawn once into a small
 * canvas and stamped with `drawImage` wherever it appears. A busy day has hundreds of marks a frame;
 * stamping costs a fraction of filling, stroking and lettering each one, and it is that work — done
 * by the browser when the frame is committed, not in our script — that set the frame rate.
 */
import { GRADE_COLOR, GRADE_TEXT } from './colors.ts';

/** A drawn mark: its canvas and the offset of its centre (CSS px). */
export interface Sprite {
  image: HTMLCanvasElement;
  half: number;
}

/** Sprites by look, for one device pixel ratio; cleared when the ratio changes or the cache grows past use. */
export class SpriteCache {
  private readonly sprites = new Map<string, Sprite>();
  private dpr = 1;

  /** Forget every sprite when the device pixel ratio changes (a window moved to another screen). */
  setDpr(dpr: number): void {
    if (dpr === this.dpr) return;
    this.dpr = dpr;
    this.sprites.clear();
  }

  /** An incident: grade colour (grey while ungraded), grade text, a dashed red ring until a unit is on scene, a blue ring when selected. */
  incident(grade: number, r: number, attended: boolean, selected: boolean): Sprite {
    const rr = Math.round(r * 4) / 4;
    return this.get(`i${grade}|${rr}|${attended ? 1 : 0}|${selected ? 1 : 0}`, rr + 8, (ctx) => {
      ctx.beginPath();
      ctx.arc(0, 0, rr, 0, 2 * Math.PI);
      ctx.fillStyle = grade < 0 ? '#bbbbbb' : GRADE_COLOR[grade];
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#222';
      ctx.stroke();
      if (!attended) {
        // No unit on scene yet: a dashed red ring (a legend entry says so).
        ctx.beginPath();
        ctx.arc(0, 0, rr + 3, 0, 2 * Math.PI);
        ctx.setLineDash([3, 2]);
        ctx.strokeStyle = '#c62828';
        ctx.lineWidth = 1.5;
        ctx.stroke();
        ctx.setLineDash([]);
      }
      if (selected) {
        ctx.beginPath();
        ctx.arc(0, 0, rr + 6, 0, 2 * Math.PI);
        ctx.strokeStyle = '#0057ff';
        ctx.lineWidth = 3;
        ctx.stroke();
      }
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.font = 'bold 8px sans-serif';
      ctx.fillStyle = '#111';
      ctx.fillText(grade < 0 ? '?' : GRADE_TEXT[grade], 0, 0);
    });
  }

  /** A unit: its agency's colour (faint while off duty or tasked), dashed while moving or returning, a heavy ring on scene. */
  unit(color: string, status: string, r: number): Sprite {
    const rr = Math.round(r * 4) / 4;
    return this.get(`u${color}|${status}|${rr}`, rr + 2, (ctx) => {
      ctx.beginPath();
      ctx.arc(0, 0, rr, 0, 2 * Math.PI);
      ctx.globalAlpha = status === 'off' || status === 'tasked' ? 0.3 : 1;
      ctx.fillStyle = color;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.setLineDash(status === 'returning' || status === 'moving' ? [2, 1.5] : []);
      ctx.lineWidth = status === 'onscene' ? 1.8 : 0.6;
      ctx.strokeStyle = '#000';
      ctx.stroke();
    });
  }

  private get(key: string, half: number, draw: (ctx: CanvasRenderingContext2D) => void): Sprite {
    let s = this.sprites.get(key);
    if (s) return s;
    // Zooming makes new unit radii; a cache that outgrew any one view starts over.
    if (this.sprites.size > 2000) this.sprites.clear();
    const side = Math.ceil(2 * half * this.dpr);
    const image = document.createElement('canvas');
    image.width = side;
    image.height = side;
    const ctx = image.getContext('2d')!;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, side / 2, side / 2);
    draw(ctx);
    s = { image, half: side / 2 / this.dpr };
    this.sprites.set(key, s);
    return s;
  }
}

/** Stamps a sprite centred on (x, y) CSS px, on whole device pixels so it stays sharp. */
export function stamp(ctx: CanvasRenderingContext2D, s: Sprite, x: number, y: number, dpr: number): void {
  const px = Math.round((x - s.half) * dpr) / dpr;
  const py = Math.round((y - s.half) * dpr) / dpr;
  ctx.drawImage(s.image, px, py, 2 * s.half, 2 * s.half);
}

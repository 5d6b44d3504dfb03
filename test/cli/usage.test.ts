import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as usage from '../../src/cli/usage.ts';
import { ROOT } from '../helpers.ts';

/** The options named in a text, sorted and once each. */
const options = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort();

describe('the README’s table of commands', () => {
  it('names every option each command takes, as its usage line does, and no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## The CLI'), readme.indexOf('Exit codes:'));
    const rows = table.split('\n').filter((l) => l.startsWith('| `linkdrill '));
    const usages = Object.values(usage).flatMap((u) => u.split('\n').map((l) => l.trim()));
    const words = (line: string) => line.replace(/^\| `/, '').split(/[ `]/).slice(0, 3).join(' ');
    const checked = usages.map((u) => {
      // A command is its name and, for geo and exercise check, its sub-command.
      const key = /^linkdrill (geo \S+|exercise check|\S+)/.exec(u)![0];
      const row = rows.find((r) => words(r).startsWith(key) && (key !== 'linkdrill exercise' || !words(r).startsWith('linkdrill exercise check')));
      return [key, row === undefined ? 'no row' : options(row.split('` |')[0])];
    });
    expect(checked).toEqual(usages.map((u) => [/^linkdrill (geo \S+|exercise check|\S+)/.exec(u)![0], options(u)]));
  });
});

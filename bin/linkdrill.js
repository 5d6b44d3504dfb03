#!/usr/bin/env node
// Entry point of the `linkdrill` command: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
const { main, endQuietlyWhenOutputCloses } = await import('../src/cli/main.ts');
endQuietlyWhenOutputCloses();
process.exitCode = await main(process.argv.slice(2));

/** The compiled CLI's entry point (the container image runs `node dist/src/cli/entry.js …`). */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));

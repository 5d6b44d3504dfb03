/** The `linkdrill` command: dispatches to one file per subcommand; exit 0 ok, 1 bad input, 2 usage. */
import { asksForHelp, langOf, UsageError, type Io } from './args.ts';
import { defaultIo, exitCodeOf } from './outcome.ts';

export { endQuietlyWhenOutputCloses } from './outcome.ts';

/** Runs the CLI with `argv` (without node and script); returns the exit code. Each command's module loads only when it runs. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  const lang = langOf(argv);
  return exitCodeOf(async () => {
    // `linkdrill COMMAND --help` and `linkdrill help [COMMAND]`, before the command reads anything.
    const helpFor = cmd === 'help' ? rest.find((a, k) => !a.startsWith('-') && rest[k - 1] !== '--lang') : asksForHelp(rest) ? cmd : undefined;
    if (helpFor !== undefined) {
      const help = await import('./help.ts');
      if (!help.isCommand(helpFor)) throw new UsageError({ zh: `未知命令“${helpFor}”\n\n${help.overview('zh')}`, en: `unknown command "${helpFor}"\n\n${help.overview('en')}` });
      io.out(help.commandHelp(helpFor, lang));
      return 0;
    }
    switch (cmd) {
      case 'run':
        return await (await import('./run.ts')).runCommand(rest, io);
      case 'validate':
        return await (await import('./validate.ts')).validateCommand(rest, io);
      case 'schema':
        return (await import('./schema.ts')).schemaCommand(rest, io);
      case 'report':
        return (await import('./report.ts')).reportCommand(rest, io);
      case 'batch':
        return await (await import('./batch.ts')).batchCommand(rest, io);
      case 'merge':
        return await (await import('./batch.ts')).mergeCommand(rest, io);
      case 'geo':
        return (await import('./geo.ts')).geoCommand(rest, io);
      case 'calibrate':
        return await (await import('./calibrate.ts')).calibrateCommand(rest, io);
      case 'validate-history':
        return await (await import('./validate-history.ts')).validateHistoryCommand(rest, io);
      case 'exercise':
        return await (await import('./exercise.ts')).exerciseCommand(rest, io);
      case 'bench':
        return await (await import('./bench.ts')).benchCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out((await import('./help.ts')).overview(lang));
        return cmd === undefined ? 2 : 0;
      default: {
        const { overview } = await import('./help.ts');
        throw new UsageError({ zh: `未知命令“${cmd}”\n\n${overview('zh')}`, en: `unknown command "${cmd}"\n\n${overview('en')}` });
      }
    }
  }, io, lang);
}

import { calc } from './cli/calc-commands.ts';
import { type CommandContext, readStdin } from './cli/cli-io.ts';
import { USAGE, UsageError } from './cli/cli-usage.ts';
import { importOrExport } from './cli/import-commands.ts';
import { operate } from './cli/ops-commands.ts';
import { demo, seed } from './cli/seed-commands.ts';
import { migrate, serve } from './cli/server-commands.ts';
import { loadConfig } from './config.ts';
import { DataDirLockedError } from './platform/db/index.ts';
import { DomainError } from './platform/errors/index.ts';

/**
 * `bridgework <command>`: runs one command; returns the exit code. 0 success, 1 failure, 2 bad
 * usage or input. `input` reads standard input (commands that take a document there); tests pass
 * their own. Each group of commands is a file in cli/; this file routes and maps errors to exits.
 */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (s: string) => void,
  err: (s: string) => void,
  input: () => Promise<string> = readStdin,
): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    // Calculations need no configuration: they work with none, or with a deployment's.
    if (command === 'calc') return await calc(sub, rest, out, input);
    const ctx: CommandContext = { config: loadConfig(env), out, err };
    switch (command) {
      case 'serve':
        return await serve(ctx, argv.slice(1));
      case 'migrate':
        return await migrate(ctx, argv.slice(1));
      case 'seed':
        return await seed(ctx, argv.slice(1));
      case 'demo':
        return await demo(ctx, sub);
      case 'import':
      case 'export':
        return await importOrExport(ctx, command, sub, rest);
      case 'clients':
      case 'audit':
      case 'oidc-keys':
      case 'jobs':
        return await operate(ctx, command, sub, rest);
      default:
        throw new UsageError(USAGE);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return 2;
    }
    if (error instanceof DomainError) {
      err(JSON.stringify({ error: error.code, message: error.message, issues: error.issues }));
      return 2;
    }
    if (error instanceof DataDirLockedError || (error instanceof Error && error.message.startsWith('Configuration is not valid'))) {
      err(error.message);
      return 1;
    }
    if (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    // Anything else: say what went wrong, without a stack trace, and fail.
    err(`bridgework ${command ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.main) {
  const code = await runCli(
    process.argv.slice(2),
    process.env,
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
  process.exitCode = code;
}

// The CLI's dispatcher: wavesync <command> [flags]. Returns the exit code.
import { COMMANDS } from './commands.js';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';

export function usage(commands: Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: wavesync <command> [flags]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run wavesync <command> --help for its flags.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo, commands: Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`wavesync: unknown command "${name}"; accepted: ${commands.map((c) => c.name).join(', ')}\n\n${usage(commands)}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

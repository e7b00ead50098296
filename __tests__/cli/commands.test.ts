// The command list loads cluster commands only when run; what it says of them must be what they are.
import { expect, test } from '@jest/globals';
import { COMMANDS } from '../../src/cli/commands.js';
import * as cluster from '../../src/cli/cluster-commands.js';
import { planCommand } from '../../src/cli/plan-command.js';

test('each lazily loaded command has the name and summary of the command it runs', () => {
  const real = [planCommand, cluster.syncCommand, cluster.diffCommand, cluster.deleteCommand, cluster.historyCommand, cluster.rollbackCommand];
  expect(COMMANDS.map((c) => [c.name, c.summary])).toEqual(real.map((c) => [c.name, c.summary]));
});

test('a lazily loaded command runs the real one (its usage error, exit 2)', async () => {
  const out: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), cwd: process.cwd(), env: {} };
  const sync = COMMANDS.find((c) => c.name === 'sync')!;
  expect(await sync.run(['--no-such-flag'], io)).toBe(await cluster.syncCommand.run(['--no-such-flag'], io));
  expect(out[0]).toBe(out[1]);
  expect(out[0]).toMatch(/no-such-flag/);
});

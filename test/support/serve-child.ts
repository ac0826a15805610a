/**
 * Test entry point: the real `serve` command on a program of its own, so a test can spawn the
 * server (`node --import tsx test/support/serve-child.ts --port 0 …`) without loading every other
 * command. It lives under test/ because it imports the CLI, which the API must not.
 */
import { Command } from 'commander';
import { registerServe } from '../../src/cli/commands/serve.ts';

const program = new Command().name('creditlens');
registerServe(program);
await program.parseAsync(['node', 'creditlens', 'serve', ...process.argv.slice(2)]);

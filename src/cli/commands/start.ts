import type { Command } from 'commander';

// Placeholder replaced by the start command's implementation.
export function registerStart(program: Command): void {
  program.command('start').description('(not yet implemented)');
}

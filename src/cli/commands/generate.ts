import type { Command } from 'commander';

// Placeholder replaced by the generate command's implementation.
export function registerGenerate(program: Command): void {
  program.command('generate').description('(not yet implemented)');
}

import type { Command } from 'commander';

// Placeholder replaced by the features command's implementation.
export function registerFeatures(program: Command): void {
  program.command('features').description('(not yet implemented)');
}

import type { Command } from 'commander';

// Placeholder replaced by the ingest command's implementation.
export function registerIngest(program: Command): void {
  program.command('ingest').description('(not yet implemented)');
}

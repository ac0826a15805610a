/** The inputs fingerprint of an audit record: SHA-256 of the canonical JSON of the inputs. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so equal inputs give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  const items = keys
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${items.join(',')}}`;
}

export function fingerprint(inputs: unknown): string {
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}

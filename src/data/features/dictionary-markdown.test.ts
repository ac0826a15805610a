import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_PATH, regeneratedDoc } from './dictionary-markdown.ts';

describe('docs/features.md', () => {
  it('lists the current dictionary (regenerate: node --import tsx src/data/features/dictionary-markdown.ts --write)', () => {
    const current = readFileSync(DOC_PATH, 'utf8');
    expect(current).toBe(regeneratedDoc(current));
  });
});

import { describe, expect, it } from 'vitest';
import { APPLICATION_VALUE_SETS } from '../value-sets.ts';
import {
  categoryToken,
  EDUCATION_ORDER,
  ONE_HOT_COLUMNS,
  ORGANIZATION_ORDER,
} from './encodings.ts';

describe('category encodings', () => {
  it('turns values into column-safe tokens', () => {
    expect(categoryToken('Spouse, partner')).toBe('SPOUSE_PARTNER');
    expect(categoryToken('Secondary / secondary special')).toBe('SECONDARY_SECONDARY_SPECIAL');
    expect(categoryToken('Trade: type 7')).toBe('TRADE_TYPE_7');
  });

  it('gives each value of each small closed set one uniquely named column', () => {
    const names = ONE_HOT_COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [column, values] of Object.entries(APPLICATION_VALUE_SETS)) {
      if (column === 'ORGANIZATION_TYPE') continue;
      const encoded = ONE_HOT_COLUMNS.filter((c) => c.column === column).map((c) => c.value);
      expect(encoded).toEqual(values.map(([v]) => v));
    }
  });

  it('orders education by level and organisations by frequency, every value known', () => {
    const education = (APPLICATION_VALUE_SETS.NAME_EDUCATION_TYPE ?? []).map(([v]) => v);
    expect([...EDUCATION_ORDER].sort()).toEqual([...education].sort());
    expect(ORGANIZATION_ORDER).toHaveLength(APPLICATION_VALUE_SETS.ORGANIZATION_TYPE?.length ?? -1);
    expect(ORGANIZATION_ORDER[0]).toBe('Business Entity Type 3');
  });
});

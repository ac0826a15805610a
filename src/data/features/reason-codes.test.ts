import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db.ts';
import { generateDataset } from '../generate/index.ts';
import { ingestDirectory } from '../ingest/index.ts';
import { buildFeatures } from './build.ts';
import { FEATURE_DICTIONARY } from './dictionary.ts';
import { ONE_HOT_COLUMNS } from './encodings.ts';
import { featureNamesOf, featureTableColumns } from './feature-table.ts';
import {
  OTHER_REASON_CODE,
  REASON_CODES,
  REASON_FAMILIES,
  reasonCode,
  reasonCodeOf,
  reasonCodesMatching,
} from './reason-codes.ts';
import { currentReasonCodesDoc, reasonCodesDoc } from './reason-codes-doc.ts';

/** The feature columns of a table built from generated data (a small demo set). */
let builtColumns: string[] = [];
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'creditlens-reason-codes-'));
  const dbPath = join(dir, 'creditlens.duckdb');
  await generateDataset({ outDir: join(dir, 'demo'), clients: 120, testClients: 20, seed: 7 });
  await ingestDirectory({ dir: join(dir, 'demo'), dbPath });
  await buildFeatures({ dbPath });
  const db = await openDb(dbPath, { readOnly: true });
  try {
    builtColumns = featureNamesOf(await featureTableColumns(db));
  } finally {
    db.close();
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the reason-code catalogue', () => {
  it('gives every column of a built feature table exactly one code', () => {
    expect(builtColumns.length).toBeGreaterThanOrEqual(300);
    const wrong = builtColumns
      .map((name) => [name, reasonCodesMatching(name).map((c) => c.code)] as const)
      .filter(([, codes]) => codes.length !== 1);
    expect(wrong).toEqual([]);
  });

  it('gives every feature of the dictionary exactly one code', () => {
    const wrong = FEATURE_DICTIONARY.map((e) => [
      e.name,
      reasonCodesMatching(e.name).length,
    ]).filter(([, n]) => n !== 1);
    expect(wrong).toEqual([]);
  });

  it('uses every code, and each pattern of each code', () => {
    const names = FEATURE_DICTIONARY.map((e) => e.name);
    for (const code of REASON_CODES) {
      for (const pattern of code.features) {
        const used = names.some((n) =>
          typeof pattern === 'string' ? n === pattern : pattern.test(n),
        );
        expect(used, `${code.code}: ${String(pattern)} matches no feature`).toBe(true);
      }
    }
  });

  it('has unique, well-formed codes, a known family and statements in both languages', () => {
    const codes = REASON_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of REASON_CODES) {
      expect(c.code).toMatch(/^R-[A-Z]+(-[A-Z0-9]+)+$/);
      expect(REASON_FAMILIES).toContain(c.family);
      for (const text of [c.title, c.adverse, c.favourable, c.absent, c.note]) {
        if (text === null) continue;
        expect(text.fr.length, c.code).toBeGreaterThan(2);
        expect(text.en.length, c.code).toBeGreaterThan(2);
        expect(text.fr, c.code).not.toBe(text.en);
      }
      expect(c.adverse.fr, c.code).not.toBe(c.favourable.fr);
      expect(reasonCode(c.code)).toBe(c);
    }
    for (const family of REASON_FAMILIES) {
      expect(
        REASON_CODES.some((c) => c.family === family),
        family,
      ).toBe(true);
    }
  });

  it('puts the one-hot columns of a categorical in one code', () => {
    const byColumn = new Map<string, Set<string>>();
    for (const c of ONE_HOT_COLUMNS) {
      const set = byColumn.get(c.column) ?? new Set<string>();
      set.add(reasonCodeOf(c.name).code);
      byColumn.set(c.column, set);
    }
    for (const [column, codes] of byColumn) expect([...codes], column).toHaveLength(1);
  });

  it('agrees with the dictionary: recourse fields are actionable, the immutable never are', () => {
    for (const e of FEATURE_DICTIONARY) {
      const code = reasonCodeOf(e.name);
      if (e.actionable) expect(code.actionable, `${e.name} → ${code.code}`).toBe(true);
      if (e.immutable) expect(code.actionable, `${e.name} → ${code.code}`).toBe(false);
    }
  });

  it('never lets a client be told a protected attribute', () => {
    for (const name of [
      'DAYS_BIRTH',
      'AGE_YEARS',
      'CODE_GENDER__F',
      'NAME_FAMILY_STATUS__MARRIED',
    ]) {
      expect(reasonCodeOf(name).clientExplainable, name).toBe(false);
    }
  });

  it('classifies the examples of issue 13 as a credit officer would', () => {
    expect(reasonCodeOf('ANNUITY_TO_INCOME').code).toBe('R-AFFORD-ANNUITY');
    expect(reasonCodeOf('ANNUITY_TO_INCOME').adverse.fr).toBe(
      'Vos revenus sont faibles au regard de la mensualité demandée',
    );
    for (const name of ['AMT_INCOME_TOTAL', 'AMT_ANNUITY', 'INST_LATE_DAYS_MAX', 'EXT_SOURCE_2']) {
      expect(reasonCodeOf(name).clientExplainable, name).toBe(true);
    }
    for (const name of [
      'COMMONAREA_MEDI',
      'PHONE_CHANGE_YEARS',
      'WEEKDAY_APPR_PROCESS_START__FRIDAY',
    ]) {
      expect(reasonCodeOf(name).clientExplainable, name).toBe(false);
    }
    for (const name of ['AMT_CREDIT', 'CREDIT_TERM_MONTHS', 'AMT_INCOME_TOTAL']) {
      expect(reasonCodeOf(name).actionable, name).toBe(true);
    }
    expect(reasonCodeOf('DAYS_BIRTH').actionable).toBe(false);
    // A plural subject takes a plural verb.
    expect(reasonCodeOf('POS_LOANS_COUNT').favourable.fr).toBe(
      'Vos crédits passés chez nous jouent en votre faveur',
    );
    expect(reasonCodeOf('POS_LOANS_COUNT').adverse.en).toBe(
      'Your past loans with us weigh against the application',
    );
    // One signal, one code, and what the external scores are said wherever they appear.
    const external = ['EXT_SOURCE_1', 'EXT_SOURCE_3', 'EXT_SOURCE_MEAN', 'EXT_SOURCE_MIN'];
    expect(new Set(external.map((n) => reasonCodeOf(n).code))).toEqual(new Set(['R-EXT-SCORE']));
    expect(reasonCodeOf('EXT_SOURCE_1').note?.fr).toMatch(/^Scores calculés par des organismes/);
    expect(reasonCodeOf('EXT_SOURCE_MISSING_COUNT').note).not.toBeNull();
  });

  it('gives a feature outside the dictionary the code of the other elements', () => {
    expect(reasonCodeOf('MY_OWN_COLUMN')).toBe(OTHER_REASON_CODE);
    expect(OTHER_REASON_CODE.clientExplainable).toBe(false);
    expect(REASON_CODES).not.toContain(OTHER_REASON_CODE);
  });
});

describe('docs/reason-codes.md', () => {
  it('is the catalogue as it stands (regenerate: node --import tsx src/data/features/reason-codes-doc.ts --write)', () => {
    expect(currentReasonCodesDoc()).toBe(reasonCodesDoc());
  });
});

/**
 * One value, one text (the dashboard's web/src/format against the API's src/explain/format.ts): a value of every unit of the dictionary, and the values the issue found
 * written several ways (the phone change, the goods/credit ratio, the weekday), rendered through
 * every path that writes it — the API's reason sentence (src/explain/reasons.ts `wording`, on
 * src/explain/format.ts), the dashboard's formatter, and each panel's helper (the profile's row,
 * the waterfall's theme detail, the comparisons' axes, tables and similar clients) — must read the
 * same, in French and in English.
 */
import { describe, expect, it } from 'vitest';
import { dictionaryEntry } from '../../src/data/features/dictionary.ts';
import { UNITS } from '../../src/data/features/dictionary-types.ts';
import { categoryLabel } from '../../src/explain/category-labels.ts';
import type { Contribution as ApiContribution } from '../../src/explain/contributions.ts';
import {
  formatFeatureValue as apiFeatureValue,
  labelForValue as apiLabel,
} from '../../src/explain/format.ts';
import { wording } from '../../src/explain/reasons.ts';
import type { Contribution, FileValue } from '../../web/src/api/types.ts';
import {
  comparisonValueText,
  contributionValueText,
  fileValueText,
  rowLabel,
} from '../../web/src/client/value-text.ts';
import type { Language } from '../../web/src/format/numbers.ts';
import {
  formatFeatureValue,
  formatValue,
  labelForValue,
  type ValueUnit,
} from '../../web/src/format/values.ts';

const LANGUAGES: readonly Language[] = ['fr', 'en'];

/** A unit of explanation as the API builds it (src/explain/contributions.ts) and serves it. */
function contribution(
  name: string,
  value: number | null,
  unit: ValueUnit | 'category',
  category: string | null = null,
): ApiContribution & Contribution {
  const entry = dictionaryEntry(name);
  return {
    key: name,
    features: [name],
    labelFr: entry?.label_fr ?? name,
    labelEn: entry?.label_en ?? name,
    code: 'R-OTHER',
    theme: entry?.theme ?? 'other',
    unit,
    actionable: false,
    immutable: false,
    sensitive: false,
    value,
    category,
    logOdds: 0.1,
    points: -2,
    probabilityPoints: 1,
  };
}

/** Every text the value is written as, by path. */
function texts(name: string, value: number | null, unit: ValueUnit, language: Language) {
  const c = contribution(name, value, unit);
  const file: FileValue = { name, label_fr: name, label_en: name, unit, value };
  const shown = {
    'API reason (wording)': wording(c, new Map(), language).value,
    'API formatter': apiFeatureValue(name, value, unit, language),
    'web formatter': formatFeatureValue(name, value, unit, language),
    profile: fileValueText(file, language),
    'theme detail': contributionValueText(c, language),
  };
  // A comparison writes no missing value (a dash in its tables): only values it has.
  return value === null
    ? shown
    : {
        ...shown,
        'comparison axis, table and similar clients': comparisonValueText(
          name,
          value,
          unit,
          language,
        ),
      };
}

function expectOneText(name: string, value: number | null, unit: ValueUnit, language: Language) {
  const all = texts(name, value, unit, language);
  const distinct = new Set(Object.values(all));
  expect(distinct.size, `${name} = ${value} (${unit}, ${language}): ${JSON.stringify(all)}`).toBe(
    1,
  );
  return [...distinct][0] as string;
}

describe('one text per value', () => {
  it('writes the values the issue found in several forms one way everywhere', () => {
    // The phone change: "1 mois" (reasons), "20 jours" (theme detail), "0,1" (comparison axis).
    expect(expectOneText('PHONE_CHANGE_YEARS', 20 / 365.25, 'years', 'fr')).toBe('20 jours');
    expect(expectOneText('DAYS_LAST_PHONE_CHANGE', -20, 'date', 'fr')).toBe('il y a 20 jours');
    // The goods/credit ratio: "100 %" (profile) and "1,00" (neighbours).
    expect(expectOneText('GOODS_TO_CREDIT', 1, 'ratio', 'fr').replace(/\s/g, ' ')).toBe('100 %');
    expect(expectOneText('AMT_ANNUITY', 12_294, 'currency', 'en')).toBe('€12,294');
    expect(expectOneText('DAYS_BIRTH', -16_400, 'elapsed', 'fr')).toBe('44 ans');
    expect(expectOneText('AGE_YEARS', 16_400 / 365.25, 'years', 'fr')).toBe('44 ans');
  });

  it("writes a category in the API's words: the reasons, the profile and the theme detail agree", () => {
    for (const language of LANGUAGES) {
      const words = categoryLabel('WEEKDAY_APPR_PROCESS_START', 'FRIDAY');
      const c = contribution('WEEKDAY_APPR_PROCESS_START', null, 'category', 'FRIDAY');
      const file: FileValue = {
        name: 'WEEKDAY_APPR_PROCESS_START',
        label_fr: '',
        label_en: '',
        unit: null,
        value: null,
        category: 'FRIDAY',
        category_fr: words.fr,
        category_en: words.en,
      };
      // GET /api/categories words the values with the same categoryLabel.
      const lookup = (column: string, value: string | null, lang: Language) =>
        value === null ? '—' : categoryLabel(column, value)[lang];
      const shown = new Set([
        wording(c, new Map(), language).value,
        fileValueText(file, language),
        contributionValueText(c, language, lookup),
      ]);
      expect([...shown]).toEqual([language === 'fr' ? 'Vendredi' : 'Friday']);
    }
  });

  it('writes a value of every unit of the dictionary one way, whatever its size or sign', () => {
    const values = [
      null,
      -40_000,
      -16_400,
      -800,
      -75,
      -20,
      -1,
      -0.4,
      0,
      0.055,
      0.3,
      0.9999,
      1,
      1.5,
      2,
      12.4,
      61,
      100,
      731,
      12_500.6,
      1_000_000,
    ];
    // A feature of each unit, so that the history's "no history" wording is covered too.
    const features: Record<string, string> = {};
    for (const unit of UNITS) features[unit] = `X_${unit.toUpperCase()}`;
    features.days = 'INST_LATE_DAYS_MEAN';
    for (const unit of UNITS) {
      for (const language of LANGUAGES) {
        for (const value of values) expectOneText(features[unit] as string, value, unit, language);
      }
    }
    // The web's unit type is the API's: a unit the dashboard does not know fails to compile.
    const known: readonly ValueUnit[] = UNITS;
    expect(known.map((u) => formatValue(1, u, 'fr')).length).toBe(UNITS.length);
  });

  it("writes a label without the unit its value says, as the API's reasons do", () => {
    for (const name of [
      'DAYS_BIRTH',
      'DAYS_EMPLOYED',
      'DAYS_LAST_PHONE_CHANGE',
      'PREV_DAYS_DECISION_MAX',
      'INST_LATE_DAYS_MEAN',
      'EMPLOYED_YEARS',
      'AMT_ANNUITY',
      'ANNUITY_TO_INCOME',
    ]) {
      const entry = dictionaryEntry(name);
      if (!entry) throw new Error(`${name} is not in the dictionary`);
      for (const label of [entry.label_fr, entry.label_en]) {
        const api = apiLabel(label, entry.unit);
        expect(labelForValue(label, entry.unit)).toBe(api);
        expect(rowLabel(label, entry.unit)).toBe(api);
      }
    }
  });
});

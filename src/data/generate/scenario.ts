/**
 * Drift scenarios: an application file shifted in a documented way, with the ground truth of what
 * moved, so the monitoring report can be tested against it (`creditlens generate --scenario`).
 *
 * Each scenario changes raw application columns of every row (seeded, so a seed gives the same
 * file); the ground truth lists those columns and, computed through the one feature definition
 * (the row evaluator of the application SQL), the application features whose values changed on
 * at least one row ("moved") and those identical on every row ("unchanged"). History features
 * never move: the scenarios leave the history tables alone. `expectRed` names the features the
 * scenario is designed to turn red on the monitoring report (PSI ≥ 0.25 against the development
 * population); the other moved features may be amber or red depending on their spread.
 */
import { DataError } from '../errors.ts';
import { applicationFeatureProgram } from '../features/row-eval/application.ts';
import { featuresInMemory } from '../features/what-if.ts';
import type { CsvColumns } from './csv-read.ts';
import { Random } from './random.ts';

/** A change of one raw column, as the ground truth states it. */
export interface ColumnShift {
  readonly column: string;
  readonly change: string;
}

export interface ScenarioDefinition {
  readonly name: string;
  readonly description: string;
  readonly shifts: readonly ColumnShift[];
  /** Features the shift is designed to turn red. */
  readonly expectRed: readonly string[];
  /** Shifts one row (cells by column name; "" = missing) in place. */
  readonly apply: (row: Map<string, string>, random: Random) => void;
}

function scaled(cell: string, factor: number): string {
  if (cell === '') return cell;
  const v = Number(cell) * factor;
  return String(Math.round(v * 10) / 10);
}

const DAYS_PER_YEAR = 365.25;
const YOUNGEST_YEARS = 21;

export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    name: 'none',
    description: 'No change: the application rows as generated (every feature should stay green).',
    shifts: [],
    expectRed: [],
    apply: () => {},
  },
  {
    name: 'incomes-up',
    description:
      'Incomes and amounts +20 % with unchanged risk: income, credit, annuity and goods price all ' +
      'multiplied by 1.2, so every ratio between them (credit to income, annuity to income, term) ' +
      'is unchanged. Income and goods price turn red; credit and annuity, spread wider, move less ' +
      '(amber on the demo data: a 20 % shift of a wide distribution is a PSI of ≈ 0.15–0.2).',
    shifts: ['AMT_INCOME_TOTAL', 'AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE'].map((column) => ({
      column,
      change: '× 1.2 (rounded to 0.1)',
    })),
    expectRed: ['AMT_INCOME_TOTAL', 'AMT_GOODS_PRICE'],
    apply: (row) => {
      for (const column of ['AMT_INCOME_TOTAL', 'AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE']) {
        row.set(column, scaled(row.get(column) ?? '', 1.2));
      }
    },
  },
  {
    name: 'ext-source-missing',
    description:
      'The second external score (EXT_SOURCE_2, almost never missing in development) is missing ' +
      'for 80 % of the applications, as when a bureau feed fails.',
    shifts: [{ column: 'EXT_SOURCE_2', change: 'set missing with probability 0.8' }],
    expectRed: ['EXT_SOURCE_2', 'EXT_SOURCE_MISSING_COUNT'],
    apply: (row, random) => {
      if (random.chance(0.8)) row.set('EXT_SOURCE_2', '');
    },
  },
  {
    name: 'younger-revolving',
    description:
      'A younger population taking more revolving loans: each age pulled towards 21 years ' +
      '(age → 21 + 0.6 × (age − 21)), and half of the cash loans turned into revolving loans.',
    shifts: [
      { column: 'DAYS_BIRTH', change: 'age in years → 21 + 0.6 × (age − 21)' },
      {
        column: 'NAME_CONTRACT_TYPE',
        change: '"Cash loans" → "Revolving loans" with probability 0.5',
      },
    ],
    expectRed: [
      'DAYS_BIRTH',
      'AGE_YEARS',
      'NAME_CONTRACT_TYPE__CASH_LOANS',
      'NAME_CONTRACT_TYPE__REVOLVING_LOANS',
    ],
    apply: (row, random) => {
      const birth = row.get('DAYS_BIRTH') ?? '';
      if (birth !== '') {
        const age = -Number(birth) / DAYS_PER_YEAR;
        const younger = YOUNGEST_YEARS + 0.6 * (age - YOUNGEST_YEARS);
        row.set('DAYS_BIRTH', String(-Math.round(younger * DAYS_PER_YEAR)));
      }
      if (row.get('NAME_CONTRACT_TYPE') === 'Cash loans' && random.chance(0.5)) {
        row.set('NAME_CONTRACT_TYPE', 'Revolving loans');
      }
    },
  },
];

/** The scenario of a name, or a DataError listing the known ones. */
export function scenarioNamed(name: string): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) {
    throw new DataError('BAD_OPTION', {
      name: '--scenario',
      value: name,
      expected: `one of ${SCENARIOS.map((s) => s.name).join(', ')}`,
    });
  }
  return found;
}

/** What a scenario moved: written beside the shifted file. */
export interface ScenarioTruth {
  readonly format: 'creditlens-scenario';
  readonly version: 1;
  readonly scenario: string;
  readonly description: string;
  readonly seed: number;
  readonly rows: number;
  readonly shifts: readonly ColumnShift[];
  readonly expectRed: readonly string[];
  /** Application features whose value changed on at least one row. */
  readonly moved: string[];
  /** Application features identical on every row. */
  readonly unchanged: string[];
}

/** Seed stream of the scenario draws (apart from the generator's). */
const SCENARIO_STREAM = 0x5ce7a210;

/** Shifts the application rows `input` by the scenario; returns the new columns and the truth. */
export function applyScenario(
  scenario: ScenarioDefinition,
  input: CsvColumns,
  seed: number,
): { columns: CsvColumns; truth: ScenarioTruth } {
  const random = new Random(seed, SCENARIO_STREAM);
  const out = input.columns.map((c) => [...c]);
  const program = applicationFeatureProgram();
  const names = program.names.filter((n) => n !== 'SK_ID_CURR');
  const changed = new Set<string>();
  const noHistory = () => null;
  const toApplication = (row: Map<string, string>) => {
    const application: Record<string, string | null> = {};
    for (const [k, v] of row) if (k !== 'TARGET') application[k] = v === '' ? null : v;
    return application;
  };
  for (let r = 0; r < input.rows; r++) {
    const row = new Map<string, string>();
    input.header.forEach((name, c) => {
      row.set(name, input.columns[c]?.[r] as string);
    });
    const before = featuresInMemory(toApplication(row), names, noHistory);
    scenario.apply(row, random);
    const after = featuresInMemory(toApplication(row), names, noHistory);
    input.header.forEach((name, c) => {
      (out[c] as string[])[r] = row.get(name) as string;
    });
    for (let f = 0; f < names.length; f++) {
      const a = before[f] ?? null;
      const b = after[f] ?? null;
      if (a !== b && !(a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.abs(a))) {
        changed.add(names[f] as string);
      }
    }
  }
  return {
    columns: { header: input.header, columns: out, rows: input.rows },
    truth: {
      format: 'creditlens-scenario',
      version: 1,
      scenario: scenario.name,
      description: scenario.description,
      seed,
      rows: input.rows,
      shifts: scenario.shifts,
      expectRed: scenario.expectRed,
      moved: names.filter((n) => changed.has(n)),
      unchanged: names.filter((n) => !changed.has(n)),
    },
  };
}

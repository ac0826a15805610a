import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModel, serializeModel, train } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import { readTabularEncoding } from './encoding.ts';
import { loadModelFile, readCsvTable, readScoringCsv, readTrainingCsv } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-tabular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function csv(text: string): string {
  const file = join(dir, `t${fileCount++}.csv`);
  writeFileSync(file, text);
  return file;
}

/** Column c of a column-major matrix as a plain array (NaN kept). */
function column(values: Float64Array, numRows: number, c: number): number[] {
  return Array.from(values.subarray(c * numRows, (c + 1) * numRows));
}

async function modelError(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('readCsvTable', () => {
  it('undoes RFC 4180 quoting, including commas, doubled quotes and line breaks', async () => {
    const file = csv('a,"b, c"\n"x,1","say ""hi"""\n"two\nlines",z\nlast,"q"\n');
    const table = await readCsvTable(file);
    expect(table.header).toEqual(['a', 'b, c']);
    expect(table.columns[0]).toEqual(['x,1', 'two\nlines', 'last']);
    expect(table.columns[1]).toEqual(['say "hi"', 'z', 'q']);
    // The third record starts on line 5 because the second spans lines 3–4.
    expect(Array.from(table.lines)).toEqual([2, 3, 5]);
  });

  it('names the file and line of a record with the wrong number of fields', async () => {
    const file = csv('a,b\n1,2\n"multi\nline",2\n1,2,3\n');
    const error = await modelError(readCsvTable(file));
    expect(error.message).toBe(`${file} line 5: 3 fields, the header has 2`);
  });

  it('rejects an empty file, a missing file and a duplicate column', async () => {
    expect((await modelError(readCsvTable(csv('')))).code).toBe('EMPTY_FILE');
    expect((await modelError(readCsvTable(csv('\n\n')))).message).toMatch(/is empty/);
    expect((await modelError(readCsvTable(join(dir, 'nope.csv')))).code).toBe('MISSING_FILE');
    expect((await modelError(readCsvTable(csv('a,b,a\n1,2,3\n')))).message).toMatch(
      /column "a" appears twice/,
    );
  });
});

describe('readTrainingCsv', () => {
  it('reads numeric and categorical columns, missing tokens and the id', async () => {
    const file = csv(
      [
        'id,num,cat,mixed,y',
        'a1,1.5,red,3,0',
        'a2,,blue,x,1',
        'a3,NA,NULL,4,0',
        'a4, nan ,red,NaN,1',
        'a5,-2e3,green,null,1',
      ].join('\n'),
    );
    const t = await readTrainingCsv(file, { target: 'y', id: 'id' });
    expect(t.featureNames).toEqual(['num', 'cat', 'mixed']);
    expect(Array.from(t.labels)).toEqual([0, 1, 0, 1, 1]);
    const { values, numRows } = t.features;
    expect(column(values, numRows, 0)).toEqual([1.5, Number.NaN, Number.NaN, Number.NaN, -2000]);
    // Sorted categories: blue 0, green 1, red 2.
    expect(column(values, numRows, 1)).toEqual([2, 0, Number.NaN, 2, 1]);
    // "x" makes the column categorical, numbers included: "3" 0, "4" 1, "x" 2.
    expect(column(values, numRows, 2)).toEqual([0, 2, 1, Number.NaN, Number.NaN]);
    expect(t.encoding.columns).toEqual([
      { name: 'num', kind: 'numeric' },
      { name: 'cat', kind: 'categorical', categories: ['blue', 'green', 'red'] },
      { name: 'mixed', kind: 'categorical', categories: ['3', '4', 'x'] },
    ]);
    expect(t.encoding.idColumn).toBe('id');
  });

  it('treats hexadecimal and infinite values as text, not numbers', async () => {
    const t = await readTrainingCsv(csv('h,i,y\n0x10,1,0\n5,Infinity,1\n'), { target: 'y' });
    expect(t.encoding.columns.map((c) => c.kind)).toEqual(['categorical', 'categorical']);
  });

  it('picks the positive label: 1 for 0/1, the larger label, or --positive', async () => {
    const numeric = await readTrainingCsv(csv('x,y\n1,1.0\n2,0\n3,1\n'), { target: 'y' });
    expect(Array.from(numeric.labels)).toEqual([1, 0, 1]);
    expect(numeric.encoding.target).toEqual({ column: 'y', positive: '1', negative: '0' });
    const file = csv('x,y\n1,yes\n2,no\n3,no\n');
    const text = await readTrainingCsv(file, { target: 'y' });
    expect(Array.from(text.labels)).toEqual([1, 0, 0]);
    const chosen = await readTrainingCsv(file, { target: 'y', positive: 'no' });
    expect(Array.from(chosen.labels)).toEqual([0, 1, 1]);
    expect(chosen.encoding.target).toEqual({ column: 'y', positive: 'no', negative: 'yes' });
    const error = await modelError(readTrainingCsv(file, { target: 'y', positive: 'maybe' }));
    expect(error.message).toMatch(/"maybe" is not a label of "y" \(found "no" and "yes"\)/);
  });

  it('rejects a target that is not binary, naming the values found', async () => {
    const three = await modelError(
      readTrainingCsv(csv('x,y\n1,low\n2,high\n3,mid\n'), { target: 'y' }),
    );
    expect(three.message).toMatch(/exactly two classes, found 3: "high", "low", "mid"/);
    const one = await modelError(readTrainingCsv(csv('x,y\n1,0\n2,0\n'), { target: 'y' }));
    expect(one.message).toMatch(/found 1: "0"/);
    const missing = await modelError(readTrainingCsv(csv('x,y\n1,0\n2,\n3,1\n'), { target: 'y' }));
    expect(missing.message).toMatch(/line 3: the target "y" is missing/);
  });

  it('reads a numeric target for regression', async () => {
    const t = await readTrainingCsv(csv('x,y\n1,2.5\n2,-1\n'), {
      target: 'y',
      targetKind: 'numeric',
    });
    expect(Array.from(t.labels)).toEqual([2.5, -1]);
    await modelError(readTrainingCsv(csv('x,y\n1,a\n'), { target: 'y', targetKind: 'numeric' }));
  });

  it('rejects a header without rows and unknown target or id columns', async () => {
    expect((await modelError(readTrainingCsv(csv('x,y\n'), { target: 'y' }))).message).toMatch(
      /header but no data rows/,
    );
    expect(
      (await modelError(readTrainingCsv(csv('x,y\n1,0\n'), { target: 'TARGET' }))).message,
    ).toMatch(/no target column "TARGET" \(columns: x, y\)/);
    await modelError(readTrainingCsv(csv('x,y\n1,0\n'), { target: 'y', id: 'ID' }));
    await modelError(readTrainingCsv(csv('id,y\n1,0\n2,1\n'), { target: 'y', id: 'id' }));
  });
});

describe('readScoringCsv', () => {
  it('encodes as at training time: columns by name, unknown categories missing', async () => {
    const t = await readTrainingCsv(csv('id,num,cat,y\n1,1,b,0\n2,2,a,1\n'), {
      target: 'y',
      id: 'id',
    });
    const s = await readScoringCsv(
      csv('note,cat,num,id\nhello,a,7,10\nworld,c,,11\n'),
      t.featureNames,
      t.encoding,
    );
    expect(s.ids).toEqual(['10', '11']);
    expect(s.idColumn).toBe('id');
    expect(s.extraColumns).toEqual(['note']);
    expect(Array.from(s.features.values)).toEqual([7, Number.NaN, 0, Number.NaN]);
  });

  it('names every model feature missing from the input', async () => {
    const file = csv('b,zz\n1,2\n');
    const error = await modelError(readScoringCsv(file, ['a', 'b', 'c'], undefined));
    expect(error.message).toBe(`${file} lacks 2 of the model's 3 feature column(s): a, c`);
  });

  it('names file, line, column and value of text in a numeric column', async () => {
    const file = csv('a,b\n1,"x\ny"\n2,z\noops,w\n');
    const error = await modelError(readScoringCsv(file, ['a'], undefined));
    expect(error.message).toBe(
      `${file} line 5, column "a": "oops" is not a number (the model reads this column as numeric)`,
    );
  });
});

describe('the encoding in a model file', () => {
  it('survives serialize → parse and is covered by the checksum', async () => {
    const t = await readTrainingCsv(csv('c,y\nb,0\na,1\nb,0\na,1\n'), { target: 'y' });
    const model = train(
      { features: t.features, labels: t.labels },
      {
        params: { numRounds: 2, minDataInLeaf: 1, minChildWeight: 0 },
        featureNames: t.featureNames,
      },
    );
    const text = serializeModel({ ...model, encoding: { ...t.encoding } });
    const parsed = parseModel(text);
    expect(readTabularEncoding(parsed.encoding, parsed.featureNames)).toEqual(t.encoding);
    expect(() =>
      parseModel(text.replace('"categories":["a","b"]', '"categories":["b","a"]')),
    ).toThrow(/checksum mismatch/);
    expect(readTabularEncoding(parseModel(serializeModel(model)).encoding, ['c'])).toBeUndefined();
    expect(() => readTabularEncoding({ format: 'creditlens-tabular', version: 1 }, ['c'])).toThrow(
      /expected 1 columns/,
    );
  });
});

describe('loadModelFile', () => {
  it('names the file that is not a model', async () => {
    const file = join(dir, 'not-a-model.json');
    writeFileSync(file, '{"format": "something-else"}');
    const error = await modelError(loadModelFile(file));
    expect(error.message).toBe(
      `${file}: not a creditlens model: format is "something-else", expected "creditlens-gbdt"`,
    );
    expect((await modelError(loadModelFile(join(dir, 'absent.json')))).code).toBe('MISSING_FILE');
  });
});

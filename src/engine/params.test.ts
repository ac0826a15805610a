import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from './errors.ts';
import { PARAM_TABLE, renderParamsDoc, resolveParams } from './params.ts';

describe('resolveParams', () => {
  it('fills every parameter with its table default and freezes the result', () => {
    const params = resolveParams({});
    for (const [name, spec] of Object.entries(PARAM_TABLE)) {
      expect(params[name as keyof typeof params]).toEqual(spec.default);
    }
    expect(Object.isFrozen(params)).toBe(true);
  });

  it('maps XGBoost and LightGBM aliases to canonical names', () => {
    const params = resolveParams({
      eta: 0.3,
      lambda: 2,
      alpha: 0.5,
      num_leaves: 15,
      max_depth: 4,
      min_child_weight: 3,
      subsample: 0.8,
      colsample_bytree: 0.7,
      scale_pos_weight: 11,
      max_bin: 63,
    });
    expect(params).toMatchObject({
      learningRate: 0.3,
      l2: 2,
      l1: 0.5,
      maxLeaves: 15,
      maxDepth: 4,
      minChildWeight: 3,
      subsample: 0.8,
      colsampleByTree: 0.7,
      scalePosWeight: 11,
      maxBin: 63,
    });
  });

  it('rejects an out-of-range value naming the parameter and the rule', () => {
    expect(() => resolveParams({ maxDepth: -2 })).toThrow(
      'invalid param maxDepth: -2 (must be ≥ 0)',
    );
    expect(() => resolveParams({ eta: 0 })).toThrow(
      'invalid param learningRate: 0 (must be > 0 and ≤ 1)',
    );
    expect(() => resolveParams({ maxBin: 256 })).toThrow('invalid param maxBin: 256');
  });

  it('rejects wrong types, unknown names and a parameter given twice', () => {
    expect(() => resolveParams({ maxLeaves: 3.5 })).toThrow(
      'invalid param maxLeaves: 3.5 (must be an integer)',
    );
    expect(() => resolveParams({ l2: '1' })).toThrow(
      'invalid param l2: "1" (must be a finite number)',
    );
    expect(() => resolveParams({ objective: 'poisson' })).toThrow(
      'invalid param objective: "poisson"',
    );
    expect(() => resolveParams({ monotoneConstraints: [1, 2] })).toThrow('monotoneConstraints');
    expect(() => resolveParams({ max_leafs: 8 })).toThrow('unknown param max_leafs');
    expect(() => resolveParams({ eta: 0.1, learningRate: 0.2 })).toThrow('given twice');
    try {
      resolveParams({ maxDepth: -2 });
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).userFacing).toBe(true);
      expect((error as EngineError).code).toBe('BAD_PARAM');
    }
  });
});

describe('docs/params.md', () => {
  it('is in step with the parameter table (regenerate with renderParamsDoc)', () => {
    const path = resolve(import.meta.dirname, '../../docs/params.md');
    expect(readFileSync(path, 'utf8')).toBe(renderParamsDoc());
  });

  it('mentions every parameter and alias', () => {
    const doc = renderParamsDoc();
    for (const [name, spec] of Object.entries(PARAM_TABLE)) {
      expect(doc).toContain(`\`${name}\``);
      for (const alias of spec.aliases) expect(doc).toContain(`\`${alias}\``);
    }
  });
});

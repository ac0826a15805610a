import { describe, expect, it } from 'vitest';
import { auditSummaryText } from './audit-summary.ts';

describe('auditSummaryText', () => {
  it('says a score in words: percentage, rounded points, decision', () => {
    const json =
      '{"probability":0.18700051316529254,"points":529.5271204549268,"decision":"refuse"}';
    expect(auditSummaryText(json, 'fr')).toBe(
      'probabilité de défaut\u00a0: 18,7\u00a0% · points\u00a0: 530 · décision\u00a0: refusé',
    );
    expect(auditSummaryText(json, 'en')).toBe(
      'probability of default: 18.7% · points: 530 · decision: refused',
    );
  });

  it('shortens long lists and words yes / no', () => {
    const json = JSON.stringify({
      adverse: ['EXT_SOURCE_MEAN', 'INST_LATE_DAYS_MEAN', 'ANNUITY_TO_INCOME', 'INST_LATE_30'],
      followsModel: false,
    });
    expect(auditSummaryText(json, 'fr')).toBe(
      'raisons défavorables\u00a0: EXT_SOURCE_MEAN, INST_LATE_DAYS_MEAN, ANNUITY_TO_INCOME (+1) · suit le modèle\u00a0: non',
    );
  });

  it('keeps unknown keys as they are, and text that is not a JSON object unchanged', () => {
    expect(auditSummaryText('{"novel":3}', 'en')).toBe('novel: 3');
    expect(auditSummaryText('not json', 'fr')).toBe('not json');
    expect(auditSummaryText('[1,2]', 'fr')).toBe('[1,2]');
  });
});

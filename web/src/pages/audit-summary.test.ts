import { describe, expect, it } from 'vitest';
import { answersReview, auditSummaryText } from './audit-summary.ts';

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

  it('words the newer actions: a decision with its category answering a review, a review, a letter', () => {
    const decision = JSON.stringify({
      decision: 'grant',
      modelDecision: 'refuse',
      followsModel: false,
      justification: 'Bulletins reçus',
      reasonCategory: 'review-request',
      reviewId: 9,
    });
    expect(auditSummaryText(decision, 'fr')).toBe(
      'décision\u00a0: accordé · avis du modèle\u00a0: refusé · suit le modèle\u00a0: non · justification\u00a0: Bulletins reçus · motif\u00a0: demande de réexamen du client · demande de réexamen\u00a0: n° 9',
    );
    expect(auditSummaryText(decision, 'en')).toContain(
      'reason: the client’s review request · review request: no. 9',
    );
    expect(answersReview('client.decision', decision)).toBe(true);
    expect(answersReview('client.decision', '{"reviewId":null}')).toBe(false);
    expect(answersReview('client.review.request', decision)).toBe(false);
    expect(auditSummaryText('{"reviewId":3,"corrected":["AMT_INCOME_TOTAL"]}', 'fr')).toBe(
      'demande de réexamen\u00a0: n° 3 · informations corrigées\u00a0: AMT_INCOME_TOTAL',
    );
    expect(auditSummaryText('{"reviewId":3,"status":"in-review"}', 'en')).toBe(
      'review request: no. 3 · status: in review',
    );
    // An access refused keeps its HTTP status as a number.
    expect(auditSummaryText('{"status":403}', 'en')).toBe('status: 403');
    expect(
      auditSummaryText(
        JSON.stringify({ format: 'pdf', lang: 'fr', sha256: 'ab'.repeat(32) }),
        'fr',
      ),
    ).toBe('format\u00a0: pdf · langue\u00a0: fr · empreinte\u00a0: abababababab…');
  });
});

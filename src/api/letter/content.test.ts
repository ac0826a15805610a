/** The letter's content, without a server: reasons kept to four, every changed field named. */
import { describe, expect, it } from 'vitest';
import { dictionaryEntry } from '../../data/features/dictionary.ts';
import { type LetterInput, letterContent } from './content.ts';
import { letterHtml } from './html.ts';
import { printable } from './pdf.ts';

const reason = (i: number) => ({ code: `R-${i}`, textFr: `Raison ${i}`, textEn: `Reason ${i}` });

const input: LetterInput = {
  lang: 'fr',
  clientId: 100002,
  now: Date.UTC(2026, 11, 4, 12),
  modelVersion: 'm-1',
  modelDecision: 'refuse',
  probability: 0.2,
  threshold: 0.1,
  reasons: [1, 2, 3, 4, 5].map(reason),
  proposals: [
    {
      textFr: 'Avec un montant de 250 000 €, la demande serait acceptée.',
      textEn: 'With an amount of €250,000, the application would be granted.',
      changed: [
        { field: 'AMT_CREDIT', before: 300_000, after: 250_000 },
        { field: 'AMT_ANNUITY', before: 15_000, after: 12_500 },
        { field: 'AMT_GOODS_PRICE', before: 270_000, after: 225_000 },
      ],
    },
  ],
  finalDecision: null,
};

describe('letterContent', () => {
  it('tells at most four reasons, in the order given', () => {
    const letter = letterContent(input);
    expect(letter.reasonCodes).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
    const reasons = letter.sections[2];
    expect(reasons?.items).toEqual(['Raison 1', 'Raison 2', 'Raison 3', 'Raison 4']);
  });

  it('names every field a proposal changes, with both values', () => {
    for (const lang of ['fr', 'en'] as const) {
      const change = letterContent({ ...input, lang }).sections[3]?.items[0] ?? '';
      for (const field of ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE']) {
        const entry = dictionaryEntry(field);
        expect(change).toContain(lang === 'fr' ? entry?.label_fr : entry?.label_en);
      }
      expect(change).toContain(lang === 'fr' ? '300\u202f000 €' : '€300,000');
      expect(change).toContain('→');
    }
  });

  it('says the probability in words, against the threshold', () => {
    const [words] = letterContent(input).sections[1]?.paragraphs ?? [];
    expect(words).toContain('1 dossier sur 5');
    expect(words).toContain('risque élevé');
  });

  it("tells the adviser's final decision, its category and justification", () => {
    const letter = letterContent({
      ...input,
      lang: 'en',
      finalDecision: {
        decision: 'grant',
        at: input.now,
        justification: 'A guarantor signed for the whole amount.',
        reasonCategory: 'guarantee',
      },
    });
    const decision = letter.sections[0]?.paragraphs.join('\n') ?? '';
    expect(decision).toContain('Final decision by an adviser, on 4 December 2026: credit granted.');
    expect(decision).toContain('Reason category: guarantee');
    expect(decision).toContain('A guarantor signed for the whole amount.');
  });

  it('escapes what it puts in HTML, and keeps the PDF text printable in Helvetica', () => {
    const html = letterHtml(
      letterContent({ ...input, reasons: [{ code: 'R', textFr: '<b>&', textEn: '' }] }),
    );
    expect(html).toContain('<li>&lt;b&gt;&amp;</li>');
    expect(printable('\u22125\u202f% → 漢')).toBe('-5\u00a0% -> ?');
  });
});

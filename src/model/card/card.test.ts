import { describe, expect, it } from 'vitest';
import { fabricateRecord } from '../registry/test-support.ts';
import { renderModelCardHtml, renderModelCardMarkdown } from './index.ts';

const record = fabricateRecord();

const SECTIONS = [
  'Intended use and users',
  'Data',
  'Features and themes',
  'Candidates and metrics',
  'Expected directions',
  'What the settings cost',
  'Threshold and costs',
  'Decision bands',
  'Calibration',
  'Score scale and bands',
  'Top features and themes',
  'Fairness summary',
  'Hyper-parameter search',
  'Limitations',
  'Monitoring',
  'Reproducibility',
];

/** The SVG documents of an HTML page. */
function svgsOf(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

/**
 * Checks an XML fragment is well formed enough for a browser: every tag closes in order,
 * attributes are quoted, no stray '<' or '&'. Returns the tag names opened.
 */
function checkWellFormed(xml: string): string[] {
  const stack: string[] = [];
  const opened: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const text = xml.slice(last, m.index);
    expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|#\d+);)/);
    last = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m as unknown as string[];
    if (closing === '/') expect(stack.pop()).toBe(name);
    else if (selfClosing !== '/') {
      stack.push(name as string);
      opened.push(name as string);
    } else opened.push(name as string);
  }
  expect(xml.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
  return opened;
}

describe('model card', () => {
  it('lists the monotone constraints with the direction learned, and what each setting costs', () => {
    const markdown = renderModelCardMarkdown(record);
    expect(markdown).toContain('Monotone constraints imposed (5)');
    expect(markdown).toMatch(
      /\| AMT_CREDIT \| Requested credit amount \| more → riskier \| higher → riskier \(ρ = 0\.61\) \|/,
    );
    // The term is left free: the card states the direction learned.
    expect(markdown).toMatch(
      /\| CREDIT_TERM_MONTHS \| .* \| none declared \| no single direction \(ρ = -0\.12\) \|/,
    );
    expect(markdown).toMatch(
      /\| Monotone constraints \| with constraints \(served\) \| 10 \| 0\.750 ± 0\.011 \| 0\.747 ± 0\.020 \| 0\.754 \| 0\.737 \|/,
    );
    expect(markdown).toMatch(
      /\| Monotone constraints \| without constraints \| 12 \| 0\.754 ± 0\.011 \|/,
    );
    expect(markdown).toMatch(
      /\| Client-explainable features only \| client-explainable features only \| 7 \|/,
    );
    expect(markdown).toContain(
      'Monotone constraints: served (with constraints) minus alternative (without constraints): ROC-AUC −0.004 out-of-fold, −0.004 on the holdout; normalised cost +0.006 out-of-fold, +0.006 on the holdout.',
    );
    expect(markdown).toContain('no search of its own');
  });

  it('says when no comparison and no constraint were asked for', () => {
    const plain = {
      ...record,
      monotone: { enabled: false, constraints: [], learned: [] },
      comparisons: [],
    };
    const markdown = renderModelCardMarkdown(plain);
    expect(markdown).toContain('Trained without monotone constraints (--no-monotone)');
    expect(markdown).toContain('No comparison was trained');
  });

  it('has every section in both formats', () => {
    const markdown = renderModelCardMarkdown(record);
    const html = renderModelCardHtml(record);
    for (const section of SECTIONS) {
      expect(markdown).toMatch(new RegExp(`^#{2,3} ${section}$`, 'm'));
      expect(html).toContain(`>${section}</h`);
    }
    expect(markdown.startsWith(`# Model card: ${record.id}\n`)).toBe(true);
  });

  it('renders the numbers of the record', () => {
    const markdown = renderModelCardMarkdown(record);
    const gbdt = record.candidates.find((c) => c.name === 'gbdt');
    const cvAuc = `${gbdt?.cv.mean.rocAuc.toFixed(3)} ± ${gbdt?.cv.std.rocAuc.toFixed(3)}`;
    expect(markdown).toContain(cvAuc);
    expect(markdown).toContain(
      `| Gradient-boosted trees (served) | ${gbdt?.holdout.rocAuc.toFixed(3)} |`,
    );
    expect(markdown).toContain(record.threshold.toFixed(3));
    expect(markdown).toContain(record.calibration.brierBefore.toFixed(4));
    expect(markdown).toContain(record.calibration.brierAfter.toFixed(4));
    expect(markdown).toContain(record.dataFingerprint);
    expect(markdown).toContain('CODE_GENDER__F');
    expect(markdown).toMatch(
      /\| < 30 \| 600 \| 48\.0% \| 12\.0% \| 0\.68 \| 52\.0% \| ⚠ below 0\.8 \|/,
    );
    expect(markdown).toMatch(/\| external scores \| 3 \|/); // EXT_SOURCE_1..3 by the dictionary
    // Bands cut at the threshold (9.12 %): the granted fair band ends at its points, exactly.
    expect(markdown).toContain('| excellent | granted | 599 | 2.03% |');
    expect(markdown).toContain('| fair | granted | 553.5 | 9.12% |');
    expect(markdown).toContain('| high | refused | 545 | 11.86% |');
    expect(markdown).toMatch(/synthetic/);
  });

  it('says when protected attributes were allowed and when the source is a CSV', () => {
    const csv = fabricateRecord({ source: 'csv' });
    const markdown = renderModelCardMarkdown({ ...csv, excludedFeatures: [] });
    expect(markdown).toContain('/tmp/bank.csv');
    expect(markdown).toContain('Protected attributes were allowed into the model');
    expect(markdown).not.toMatch(/synthetic/);
    expect(markdown).not.toMatch(/derived from a protected attribute/);
    const withAge = renderModelCardMarkdown({ ...csv, featureNames: ['AGE_YEARS', 'AMT_CREDIT'] });
    expect(withAge).toMatch(/uses 1 feature derived from a protected attribute \(AGE_YEARS\)/);
  });

  it('draws four kinds of well-formed SVG charts, each followed by its table', () => {
    const html = renderModelCardHtml(record);
    const svgs = svgsOf(html);
    expect(svgs.length).toBe(5); // ROC, cost, reliability, feature and theme importance
    for (const svg of svgs) {
      const tags = checkWellFormed(svg);
      expect(tags[0]).toBe('svg');
      expect(tags).toContain('title');
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    }
    // The cost curve marks the threshold; the reliability diagram has its diagonal.
    expect(html).toContain(`threshold ${record.threshold.toFixed(3)}`);
    expect(html).toContain('perfect calibration');
    expect(svgs[4]?.match(/<rect /g)?.length).toBe(record.importance.themes.length);
    const figures = html.match(/<figure>[\s\S]*?<\/figure>/g) ?? [];
    expect(figures.length).toBe(5);
    for (const figure of figures) expect(figure).toMatch(/<\/svg>[\s\S]*<table>/);
  });

  it('is one well-formed, self-contained page', () => {
    const html = renderModelCardHtml(record).replace('<!doctype html>', '');
    const withoutVoid = html.replace(/<meta [^>]*>/g, '');
    checkWellFormed(withoutVoid.replace(/<style>[\s\S]*?<\/style>/, ''));
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
  });

  it('is deterministic and escapes what it prints', () => {
    expect(renderModelCardHtml(record)).toBe(renderModelCardHtml(fabricateRecord()));
    expect(renderModelCardMarkdown(record)).toBe(renderModelCardMarkdown(fabricateRecord()));
    const hostile = fabricateRecord({ source: 'csv' });
    const html = renderModelCardHtml({
      ...hostile,
      source: { kind: 'csv', file: '/tmp/<b>&"x".csv', target: 'T|Y' },
    });
    expect(html).toContain('/tmp/&lt;b&gt;&amp;&quot;x&quot;.csv');
    expect(html).not.toContain('<b>');
  });

  it('says first, set apart, when the served model does no better than the baseline', () => {
    expect(renderModelCardMarkdown(record)).not.toContain('Warning.');
    const worse = {
      ...record,
      candidates: record.candidates.map((c) =>
        c.name === record.chosen
          ? { ...c, holdout: { ...c.holdout, cost: 1.2, normalisedCost: 1.05 } }
          : c,
      ),
    };
    const markdown = renderModelCardMarkdown(worse);
    const warning = markdown.split('\n').find((line) => line.startsWith('> **Warning.**')) ?? '';
    expect(warning).toContain('does no better than the baseline');
    expect(warning).toContain('1.200 per application (normalised 1.050)');
    // Right under the title, before anything else.
    expect(markdown.indexOf(warning)).toBeLessThan(
      markdown.indexOf('Probability-of-default model'),
    );
    expect(renderModelCardHtml(worse)).toMatch(
      /<p class="warning" role="note"><strong>Warning\.<\/strong> On the holdout the served model does no better/,
    );
  });

  it('survives missing numbers without printing NaN', () => {
    const gbdt = record.candidates.find((c) => c.name === 'gbdt');
    if (gbdt === undefined) throw new Error('fabricated record has a gbdt candidate');
    const broken = {
      ...record,
      candidates: [{ ...gbdt, holdout: { ...gbdt.holdout, precision: Number.NaN } }],
    };
    const markdown = renderModelCardMarkdown(broken);
    expect(markdown).not.toMatch(/NaN/);
    expect(markdown).toContain('—');
    for (const svg of svgsOf(renderModelCardHtml(broken))) expect(svg).not.toMatch(/NaN/);
  });

  it('links to the last monitoring report, two folders up from the run', () => {
    expect(renderModelCardHtml(record)).toContain(
      '<a href="../../monitoring/latest.html">monitoring/latest.html</a>',
    );
    expect(renderModelCardMarkdown(record)).toContain(
      '[monitoring/latest.html](../../monitoring/latest.html)',
    );
  });
});

/**
 * The explanation letter through inject(): roles, HTML and PDF, the reasons equal to the API's
 * `clientReasons` (the PDF read back with Debian's pdftotext), every changed field of the recourse
 * proposals named, the final decision told, and each letter audited with the SHA-256 of its bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaryEntry } from '../../data/features/dictionary.ts';
import { type LoggedInServer, loggedInServer, login, testServer } from '../test-support.ts';
import { escapeHtml } from './html.ts';
import { printable } from './pdf.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
// CI installs poppler-utils (.ci/run): there a missing pdftotext fails instead of skipping.
const canReadPdf = existsSync(PDFTOTEXT) || process.env.CI === 'true';

let s: LoggedInServer;
/** A refused client (recourse proposals) and a granted one. */
let refused: number;

beforeAll(async () => {
  s = await loggedInServer('creditlens-letter-');
  const list = await s.get('adviser', '/api/clients?decision=refuse&pageSize=5');
  refused = (list.json().clients as { id: number }[])[0]?.id as number;
});

afterAll(async () => {
  await s?.close();
});

interface Reason {
  code: string;
  textFr: string;
  textEn: string;
}

/** The reasons the API gives the client, in the decision's direction. */
async function apiReasons(id: number): Promise<Reason[]> {
  const explanation = (await s.get('adviser', `/api/clients/${id}/explanation`)).json();
  const score = (await s.get('adviser', `/api/clients/${id}/score`)).json();
  const set = explanation.clientReasons as { adverse: Reason[]; favourable: Reason[] };
  return score.decision === 'refuse' ? set.adverse : set.favourable;
}

/** One line of words: what pdftotext's line breaks and the PDF's spaces become comparable as. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

function pdfText(pdf: Buffer): string {
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

describe('GET /api/clients/:id/letter', () => {
  it('is for staff and for the customer on their own file', async () => {
    const url = `/api/clients/${s.own}/letter`;
    expect((await s.get(null, url)).statusCode).toBe(401);
    expect((await s.get('customer2', url)).statusCode).toBe(403);
    expect((await s.get('customer1', url)).statusCode).toBe(200);
    expect((await s.get('adviser', url)).statusCode).toBe(200);
    expect((await s.get('adviser', '/api/clients/999999999/letter')).statusCode).toBe(404);
    const bad = await s.get('adviser', `${url}?lang=de`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('query.lang');
    expect((await s.get('adviser', `${url}?format=docx`)).json().error.field).toBe('query.format');
  });

  it('gives an HTML page with a print stylesheet and the API client reasons, in order', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const reply = await s.get('customer1', `/api/clients/${s.own}/letter?lang=${lang}`);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = reply.body;
      expect(html).toContain('@media print');
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain('2023/2225');
      const reasons = (await apiReasons(s.own)).slice(0, 4);
      const told = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
      const texts = reasons.map((r) => escapeHtml(lang === 'fr' ? r.textFr : r.textEn));
      // The reasons' section comes first among the lists: its items are the API's reasons.
      expect(told.slice(0, texts.length)).toEqual(texts);
    }
  });

  it.runIf(canReadPdf)(
    'gives a PDF whose text, read back with pdftotext, has the API reasons in order',
    async () => {
      for (const id of [s.own, refused]) {
        const reply = await s.get('adviser', `/api/clients/${id}/letter?format=pdf&lang=fr`);
        expect(reply.statusCode).toBe(200);
        expect(reply.headers['content-type']).toBe('application/pdf');
        const pdf = reply.rawPayload;
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const text = words(pdfText(pdf));
        const reasons = (await apiReasons(id)).slice(0, 4);
        let from = 0;
        for (const r of reasons) {
          const at = text.indexOf(words(printable(r.textFr)), from);
          expect(at, r.textFr).toBeGreaterThanOrEqual(from);
          from = at;
        }
        const model = (await s.get('adviser', '/api/model')).json();
        expect(text).toContain(model.version ?? model.id);
        expect(text).toContain('2023/2225');
        expect(text).toContain('Demander une intervention humaine');
      }
    },
  );

  it('names every field a recourse proposal changes', async () => {
    const recourse = (await s.get('adviser', `/api/clients/${refused}/recourse`)).json();
    const html = (await s.get('adviser', `/api/clients/${refused}/letter?lang=en`)).body;
    const proposals = recourse.proposals as { changed: { field: string }[] }[];
    for (const p of proposals) {
      for (const c of p.changed) {
        expect(html).toContain(dictionaryEntry(c.field)?.label_en ?? c.field);
      }
    }
    if (proposals.length === 0) expect(html).toContain('no change of the loan amount or term');
  });

  it("tells the adviser's final decision and its justification", async () => {
    const score = (await s.get('adviser', `/api/clients/${refused}/score`)).json();
    const justification = 'Revenus complémentaires justifiés par trois bulletins de salaire.';
    const decided = await s.app.inject({
      method: 'POST',
      url: `/api/clients/${refused}/decisions`,
      headers: { cookie: s.cookies.adviser },
      payload: {
        decision: score.decision === 'grant' ? 'refuse' : 'grant',
        followsModel: false,
        reasonCategory: 'additional-income',
        justification,
      },
    });
    expect(decided.statusCode).toBe(201);
    const html = (await s.get('adviser', `/api/clients/${refused}/letter`)).body;
    expect(html).toContain('Décision finale d&#39;un conseiller');
    expect(html).toContain(justification);
    expect(html).toContain('revenus complémentaires justifiés');
  });

  it('audits each letter: who, which client, which model, the SHA-256 of the bytes', async () => {
    const reply = await s.get('customer1', `/api/clients/${s.own}/letter?format=pdf&lang=en`);
    const sha = createHash('sha256').update(reply.rawPayload).digest('hex');
    expect(reply.headers['x-content-sha256']).toBe(sha);
    const audit = (
      await s.get('admin', `/api/audit?action=client.letter&client=${s.own}&pageSize=100`)
    ).json();
    const record = (
      audit.records as { username: string; modelVersion: string; outputSummary: string }[]
    ).find((r) => JSON.parse(r.outputSummary).sha256 === sha);
    expect(record?.username).toBe('customer1');
    expect(record?.modelVersion).toBeTruthy();
    expect(JSON.parse(record?.outputSummary ?? '{}')).toMatchObject({ format: 'pdf', lang: 'en' });
  });

  it("counts against the user's limits on expensive requests", async () => {
    const limited = await testServer(s.dataDir, {
      expensiveLimits: { perMinute: 1, burst: 1, refusalDelayMs: 0 },
    });
    try {
      const cookie = await login(limited, 'customer1');
      const ask = () =>
        limited.inject({ url: `/api/clients/${s.own}/letter`, headers: { cookie } });
      expect((await ask()).statusCode).toBe(200);
      const refused = await ask();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

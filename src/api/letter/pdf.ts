/**
 * The letter as a PDF, laid out by PDFKit (text flowed, wrapped and paginated by the library; the
 * standard Helvetica fonts, so no font file is embedded and the file stays a few kilobytes).
 * Helvetica's encoding (WinAnsi) covers French and English, but not a few typographic characters
 * the formatters use: those are replaced by their nearest equivalent (./pdf.ts `printable`).
 */
import PDFDocument from 'pdfkit';
import type { LetterContent } from './content.ts';

/** The characters outside WinAnsi that the formatters write, and what the PDF prints instead. */
const REPLACED: Record<string, string> = {
  '\u2212': '-', // minus sign
  '\u202f': '\u00a0', // narrow no-break space (before %, in numbers)
  '\u2009': ' ', // thin space
  '\u2192': '->', // arrow
  '\u2264': '<=',
  '\u2265': '>=',
};

/** Text Helvetica can print: known replacements, anything else outside Latin-1 as "?". */
export function printable(text: string): string {
  return text
    .replace(/[\u2212\u202f\u2009\u2192\u2264\u2265]/g, (c) => REPLACED[c] as string)
    .replace(
      /[^\n\u0020-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac\u0152\u0153]/g,
      '?',
    );
}

/** The PDF bytes of the letter. Its creation date is `at` (a fixed date gives the same bytes). */
export function letterPdf(letter: LetterContent, at: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    info: {
      Title: printable(letter.title),
      Subject: printable(letter.reference),
      Creator: 'creditlens',
      Producer: 'creditlens',
      CreationDate: at,
    },
    lang: letter.lang === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(17).text(printable(letter.title));
  doc.moveDown(0.2).font('Helvetica').fontSize(10).fillColor('#444');
  doc.text(printable(letter.reference)).fillColor('#000');
  for (const section of letter.sections) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(12.5).text(printable(section.title));
    const y = doc.y + 2;
    doc
      .moveTo(doc.page.margins.left, y)
      .lineTo(doc.page.width - doc.page.margins.right, y)
      .lineWidth(0.5)
      .strokeColor('#999')
      .stroke();
    doc.moveDown(0.6).font('Helvetica').fontSize(10.5);
    for (const paragraph of section.paragraphs) {
      doc.text(printable(paragraph), { align: 'left', paragraphGap: 4, lineGap: 1.5 });
    }
    if (section.items.length > 0) {
      doc.list(section.items.map(printable), {
        bulletRadius: 2,
        textIndent: 12,
        paragraphGap: 4,
        lineGap: 1.5,
      });
    }
  }
  doc.end();
  return done;
}

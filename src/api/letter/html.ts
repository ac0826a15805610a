/**
 * The letter as an HTML page: a single self-contained document (inline stylesheet, no script, no
 * image), readable on a phone and printed on A4 without anything but the letter (a print
 * stylesheet: page margins, black on white, sections kept whole where possible).
 */
import type { LetterContent } from './content.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 44rem; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; }
.reference { color: #555; margin: 0 0 1.5rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
p, li { overflow-wrap: anywhere; }
ul { padding-left: 1.25rem; }
li { margin: .35rem 0; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; color: #000; }
  h2 { break-after: avoid; }
  section { break-inside: avoid; }
  .reference { color: #000; }
}
`;

/** The whole HTML document of the letter. */
export function letterHtml(letter: LetterContent): string {
  const sections = letter.sections
    .map((s) => {
      const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
      const items =
        s.items.length === 0
          ? ''
          : `<ul>\n${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
      return `<section>\n<h2>${escapeHtml(s.title)}</h2>\n${paragraphs}\n${items}\n</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${letter.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(letter.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(letter.title)}</h1>
<p class="reference">${escapeHtml(letter.reference)}</p>
${sections}
</main>
</body>
</html>
`;
}

/** The model card of a training run, in Markdown (card.md) and self-contained HTML (card.html). */
export { renderModelCardHtml } from './html.ts';
export { renderModelCardMarkdown } from './markdown.ts';

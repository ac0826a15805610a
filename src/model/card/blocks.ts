/**
 * The model card as a list of blocks, rendered twice: to Markdown and to self-contained HTML.
 * Building the content once keeps the two versions saying the same thing.
 */

export interface TableBlock {
  readonly kind: 'table';
  readonly caption?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Per column: numbers are right-aligned. */
  readonly numeric?: readonly boolean[];
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** What a reader must not miss (e.g. a model no better than the baseline), set apart. */
  | { readonly kind: 'warning'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  /** A link on a line of its own: `text` before it, the link's words, its target. */
  | { readonly kind: 'link'; readonly text: string; readonly label: string; readonly href: string }
  | TableBlock
  /** A chart (SVG, HTML only) always followed by its numbers as a table (both versions). */
  | {
      readonly kind: 'chart';
      readonly title: string;
      readonly svg: string;
      readonly table: TableBlock;
    };

/** Indices of at most `max` rows spread evenly over `length`, first and last included. */
export function thinIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const picked = new Set<number>();
  for (let k = 0; k < max; k++) picked.add(Math.round((k * (length - 1)) / (max - 1)));
  return [...picked].sort((a, b) => a - b);
}

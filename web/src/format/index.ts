/**
 * The dashboard's one way to write each value: feature values by the dictionary's unit
 * (values.ts, the same text as the API's sentences), probabilities, points, counts and dates
 * (numbers.ts), and words that agree with a number (plural.ts).
 */
export * from './numbers.ts';
export * from './plural.ts';
export * from './values.ts';

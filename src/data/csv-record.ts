/** Splitting one CSV record (RFC 4180 quoting, ',' delimiter) into its fields, leniently: an
 * unterminated quote runs to the end. Ingestion's error messages and tests use it; the realism
 * report has a strict twin (generate/csv-read.ts) that rejects malformed lines. */

/** Fields of `record` (no trailing line break); quotes removed, doubled quotes undone. */
export function splitCsvRecord(record: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i] as string;
    if (quoted) {
      if (ch === '"' && record[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

/** SHA-256 over the rows a run learnt from: ids, labels and feature values, as float64 bytes. */
import { createHash } from 'node:crypto';
import type { TrainingData } from './training-data.ts';

const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function dataFingerprint(data: TrainingData): string {
  const hash = createHash('sha256');
  hash.update(data.featureNames.join('\n'));
  hash.update(bytes(data.ids));
  hash.update(bytes(data.labels));
  hash.update(bytes(data.features.values));
  return hash.digest('hex');
}

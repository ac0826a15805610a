/**
 * Worker thread of the generator: receives block specs, answers with the block's CSV text. Started
 * by block-pool.ts with tsx loaded so it runs the TypeScript sources directly.
 */
import { parentPort } from 'node:worker_threads';
import { type BlockSpec, generateBlock } from './block.ts';

if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;
port.on('message', (message: { id: number; spec: BlockSpec }) => {
  const result = generateBlock(message.spec);
  // Hand the bytes over without copying.
  port.postMessage(
    { id: message.id, result },
    result.chunks.map((c) => c.buffer as ArrayBuffer),
  );
});

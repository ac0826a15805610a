/**
 * A histogram worker thread: waits for a task, claims and runs chunks of its features (see
 * protocol.ts), and waits again. New histogram buffers arrive on a message port, drained
 * synchronously at each wake-up.
 */
import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { threadKernel } from '../wasm/histogram-kernel.ts';
import { Command, type HistogramMessage, runChunks, Slot, type WorkerInit } from './protocol.ts';

const given = workerData as WorkerInit & { port: MessagePort };
// The histogram kernel of this thread, on the training's memory, when training uses one.
const init: WorkerInit = given.wasm
  ? {
      ...given,
      source: {
        ...given.source,
        kernel: threadKernel(given.wasm, given.kernelThread),
      },
    }
  : given;
const { control, port } = given;
const histograms: Float64Array[] = [];
const histogramOf = (id: number) => histograms[id] as Float64Array;

function serve(): void {
  let seen = Atomics.load(control, Slot.Seq);
  Atomics.add(control, Slot.Ready, 1);
  Atomics.notify(control, Slot.Ready);
  for (;;) {
    Atomics.wait(control, Slot.Seq, seen);
    const seq = Atomics.load(control, Slot.Seq);
    if (seq === seen) continue;
    seen = seq;
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      const { id, hist } = m.message as HistogramMessage;
      histograms[id] = hist;
    }
    if (Atomics.load(control, Slot.Command) === Command.Exit) break;
    runChunks(seq, init, histogramOf, true);
  }
  port.close();
}

serve();

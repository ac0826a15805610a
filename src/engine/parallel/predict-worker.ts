/**
 * A prediction worker thread: waits for a task, claims and scores chunks of the slab's rows (see
 * predict-protocol.ts), and waits again. The forest and slab buffers arrive on a message port,
 * drained synchronously at each wake-up.
 */
import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import {
  applyMessage,
  PredictCommand,
  type PredictMessage,
  PredictSlot,
  type PredictState,
  runPredictChunks,
} from './predict-protocol.ts';

const { control, port } = workerData as { control: Int32Array; port: MessagePort };
const state: PredictState = {
  forest: null,
  input: new Float64Array(0),
  out: new Float64Array(0),
  block: new Float32Array(0),
};

function serve(): void {
  let seen = Atomics.load(control, PredictSlot.Seq);
  Atomics.add(control, PredictSlot.Ready, 1);
  Atomics.notify(control, PredictSlot.Ready);
  for (;;) {
    Atomics.wait(control, PredictSlot.Seq, seen);
    const seq = Atomics.load(control, PredictSlot.Seq);
    if (seq === seen) continue;
    seen = seq;
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      applyMessage(state, m.message as PredictMessage);
    }
    if (Atomics.load(control, PredictSlot.Command) === PredictCommand.Exit) break;
    runPredictChunks(seq, control, state, true);
  }
  port.close();
}

serve();

// The worker_threads pool behind `heard analyze --jobs N`: N-1 workers (the main thread is the Nth analyser, see
// pipeline.ts), each with the analyzer and the language models loaded once, fed batches of conversations (one
// message per batch, not per conversation). Results come back per batch; the pipeline puts them back in input
// order, so the output never depends on N.
import { Worker } from 'node:worker_threads';
import type { Conversation } from '../model/conversation.js';
import type { Rendered, WorkerInit, WorkerReply } from './render.js';

interface Slot {
  worker: Worker;
  /** Batches sent and not answered. */
  outstanding: Set<number>;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (r: Rendered[]) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor(size: number, init: WorkerInit) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: init });
      const slot: Slot = { worker, outstanding: new Set() };
      worker.on('message', (reply: WorkerReply | { ready: true }) => {
        if ('ready' in reply) return;
        slot.outstanding.delete(reply.seq);
        const waiter = this.waiting.get(reply.seq);
        this.waiting.delete(reply.seq);
        if (reply.error !== undefined) waiter?.reject(new Error(`analysis worker failed:\n${reply.error}`));
        else waiter?.resolve(reply.rendered);
      });
      const fail = (error: Error): void => {
        this.failure ??= error;
        for (const seq of slot.outstanding) {
          this.waiting.get(seq)?.reject(error);
          this.waiting.delete(seq);
        }
        slot.outstanding.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`analysis worker stopped with exit code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  /** True when every worker has at least `depth` batches sent and not answered: more would only queue. */
  saturated(depth: number): boolean {
    return this.slots.every((s) => s.outstanding.size >= depth);
  }

  /** Analyse one batch on the least busy worker; resolves to its rendered results, in the batch's order. */
  run(seq: number, conversations: Conversation[]): Promise<Rendered[]> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((best, s) => (s.outstanding.size < best.outstanding.size ? s : best));
    slot.outstanding.add(seq);
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, conversations });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

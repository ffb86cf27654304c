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
  /** Stopped (out of memory): sent nothing more. */
  dead?: boolean;
}

/**
 * A worker's heap, in MB. Live data is about 50 MB (the models and a batch); left alone, V8 lets the heap grow to
 * about twice that before collecting, which on a long run is what the process's memory is made of. A worker
 * that needs more than this for one batch (a pathological conversation) stops, and its batches are analysed in
 * the main thread. HEARD_WORKER_HEAP_MB changes it. On a large input heard runs with every heap capped at
 * 1,024 MB instead (src/cli/heap.ts), which overrides this cap.
 */
const WORKER_HEAP_MB = Number(process.env.HEARD_WORKER_HEAP_MB) || 96;

/** The error of a batch whose worker ran out of memory (ERR_WORKER_OUT_OF_MEMORY) or had already stopped. */
export class WorkerOutOfMemory extends Error {}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (r: Rendered[]) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor(size: number, init: WorkerInit) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: init,
        // A small young generation too: objects that would survive there are promoted and collected sooner.
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 8 },
      });
      const slot: Slot = { worker, outstanding: new Set() };
      worker.on('message', (reply: WorkerReply | { ready: true }) => {
        if ('ready' in reply) return;
        slot.outstanding.delete(reply.seq);
        const waiter = this.waiting.get(reply.seq);
        this.waiting.delete(reply.seq);
        if (reply.error !== undefined) waiter?.reject(new Error(`analysis worker failed:\n${reply.error}`));
        else waiter?.resolve(reply.rendered);
      });
      const fail = (cause: Error): void => {
        const outOfMemory = (cause as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' || slot.dead;
        slot.dead ||= outOfMemory;
        const error = outOfMemory ? new WorkerOutOfMemory(cause.message) : cause;
        if (!outOfMemory) this.failure ??= error;
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
    return this.slots.every((s) => s.dead || s.outstanding.size >= depth);
  }

  /** Analyse one batch on the least busy worker; resolves to its rendered results, in the batch's order. */
  run(seq: number, conversations: Conversation[]): Promise<Rendered[]> {
    if (this.failure) return Promise.reject(this.failure);
    const live = this.slots.filter((s) => !s.dead);
    if (live.length === 0) return Promise.reject(new WorkerOutOfMemory('every analysis worker ran out of memory'));
    const slot = live.reduce((best, s) => (s.outstanding.size < best.outstanding.size ? s : best));
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

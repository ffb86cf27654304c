// One analysis worker of the pool (src/cli/workers.ts): loads the analyzer — and with it the language models —
// once, then analyses the batches of conversations it is sent, in order, and posts back for each conversation
// what the main thread writes (the JSONL line, the pretty JSON) and the digest the aggregates are built from.
import { parentPort, workerData } from 'node:worker_threads';
import type { Conversation } from '../model/conversation.js';
import { createAnalyzer } from '../analyze.js';
import { renderResult } from './render.js';
import type { RenderNeeds, WorkerInit, WorkerReply, WorkerRequest } from './render.js';

const init = workerData as WorkerInit;
const analyzer = await createAnalyzer({ lang: init.lang, settings: init.settings, configFile: init.configFile });
const needs: RenderNeeds = init.needs;

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    const rendered = request.conversations.map((conversation: Conversation) => renderResult(analyzer.analyzeConversation(conversation), needs));
    parentPort!.postMessage({ seq: request.seq, rendered } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ seq: request.seq, error: (error as Error)?.stack ?? String(error) } satisfies WorkerReply);
  }
});
parentPort!.postMessage({ ready: true });

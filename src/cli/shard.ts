// --shard i/n: a deterministic share of the conversations, by a stable hash of the conversation id, so that n
// machines given the same input listing each analyse their part and `heard report` merges the parts into the
// report of one run (docs/scale.md).
import { fnv1a } from '../hash.js';

export interface Shard {
  /** 1-based: 1..count. */
  index: number;
  count: number;
}

export function inShard(id: string, shard: Shard): boolean {
  return fnv1a(id) % shard.count === shard.index - 1;
}

/** "i/n" with 1 <= i <= n; undefined when it is not that. */
export function parseShard(value: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

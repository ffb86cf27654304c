// A stable hash of ids, shared by --shard (src/cli/shard.ts) and the CSV reader's table of conversations.

/** 32-bit FNV-1a over the text's UTF-8 bytes: stable across machines, Node versions and runs. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

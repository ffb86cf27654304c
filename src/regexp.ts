// V8 runs a regular expression in its interpreter first, compiling it to bytecode, and compiles it to machine
// code on the second run. For heard's long phrase alternations the bytecode pass is the costly one (measured on
// the English lexicons: 171 ms against 34 ms for machine code), and it was most of a small file's run time.
// V8 skips the interpreter when the subject is 1,000 characters or longer, so a pattern that will run on every
// sentence is run once on such a subject as soon as it is built. Latin and CJK text are compiled separately
// (V8 keeps one code for one-byte strings and one for two-byte strings), so the caller says which it will see.
// V8 also drops the code of a pattern left unused through a few garbage collections, so build patterns when
// they are first needed, not at import.
const LONG_SUBJECT = {
  latin: ' '.repeat(1000),
  cjk: '\u3000'.repeat(1000),
} as const;

export type Script = keyof typeof LONG_SUBJECT;

/** `text` as a pattern that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The pattern, compiled to machine code for text of the given scripts. */
export function compiledNow(re: RegExp, scripts: readonly Script[]): RegExp {
  for (const script of scripts) {
    re.exec(LONG_SUBJECT[script]);
    re.lastIndex = 0;
  }
  return re;
}

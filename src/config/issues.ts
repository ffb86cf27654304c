// zod issues → one line each: the key path, what is wrong with the value, and what is allowed (knip's
// getKnownErrors, with ESLint's "did you mean" for unknown keys).
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Edit distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known name closest to `name`, when it is close enough to be a typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** The keys an object schema knows at `path` (through optional, nullable, arrays and unions). */
export function knownKeys(schema: z.ZodType, path: Path): string[] {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let x = s as { def?: { type?: string; innerType?: unknown } };
    while (x?.def && (x.def.type === 'optional' || x.def.type === 'nullable' || x.def.type === 'default')) x = x.def.innerType as typeof x;
    return x;
  };
  for (const part of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown>; options?: unknown[] } }).def;
    if (def?.type === 'array' && typeof part === 'number') current = def.element;
    else if (def?.type === 'object' && typeof part === 'string') current = def.shape?.[part];
    else return [];
  }
  const def = (unwrap(current) as { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[] } }).def;
  if (def?.type === 'object') return Object.keys(def.shape ?? {});
  if (def?.type === 'union') return [...new Set((def.options ?? []).flatMap((o) => knownKeys(o as z.ZodType, [])))];
  return [];
}

function describeExpected(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'an object (a map of keys)';
  return `a ${expected}`;
}

/**
 * The union branch that says the most: of the branches whose type matched the value, one that has every key it
 * needs (so `{regex: "("}` is judged as a regex); undefined when none does.
 */
function bestBranch(errors: Issue[][]): Issue[] | undefined {
  const typed = errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  const complete = typed.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined));
  return complete.sort((a, b) => a.length - b.length)[0];
}

function lines(issue: Issue, base: Path, schema: z.ZodType): string[] {
  const path = [...base, ...issue.path];
  const where = formatPath(path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeys(schema, path);
        const near = closest(key, known);
        const hint = near ? `did you mean "${near}"?` : `known keys: ${known.join(', ')}`;
        return `${formatPath([...path, key])}: unknown key; ${hint}`;
      });
    case 'invalid_type':
      return [`${where}: expected ${describeExpected(issue.expected)}, got ${show(input)}`];
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const near = typeof input === 'string' ? closest(input, allowed) : undefined;
      return [`${where}: ${show(input)} is not allowed${near ? ` (did you mean "${near}"?)` : ''}; allowed: ${allowed.join(', ')}`];
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return [Number(issue.minimum) <= 1 ? `${where}: must not be empty (got ${show(input)})` : `${where}: must be at least ${String(issue.minimum)} characters, got ${show(input)}`];
      }
      return [`${where}: must be ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}, got ${show(input)}`];
    case 'too_big':
      return [`${where}: must be ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}, got ${show(input)}`];
    case 'invalid_union': {
      const branch = bestBranch(issue.errors);
      if (branch?.length) return branch.flatMap((i) => lines(i, path, schema));
      const keys = knownKeys(schema, path);
      const objects = keys.length ? ` or an object with ${keys.map((k) => `"${k}"`).join(' / ')}` : '';
      const unknown = input && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input).filter((k) => !keys.includes(k)) : [];
      const hints = unknown.map((k) => {
        const near = closest(k, keys);
        return near ? `; unknown key "${k}", did you mean "${near}"?` : `; unknown key "${k}"`;
      });
      return [`${where}: expected a string${objects}, got ${show(input)}${hints.join('')}`];
    }
    case 'custom':
      return [`${where}: ${issue.message}${input === undefined ? '' : `, got ${show(input)}`}`];
    default:
      return [`${where}: ${issue.message}${input === undefined ? '' : `, got ${show(input)}`}`];
  }
}

/** One readable line per problem, in the order zod found them. */
export function formatIssues(issues: readonly Issue[], schema: z.ZodType): string[] {
  return issues.flatMap((issue) => lines(issue, [], schema));
}

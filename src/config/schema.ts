// The config file's shape (zod): every key optional, unknown keys rejected. The JSON Schema published for editors
// (schema/heard.config.schema.json) is generated from this one (npm run schema; a test checks they agree).
import { z } from 'zod';
import { AUTO_FAIL_RULES, PHRASE_KEYS } from './defaults.js';

/** A valid JavaScript regular expression with the u flag, as heard compiles it. */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /u, '');
  }
}

const regexSource = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    const problem = regexProblem(source);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${problem})`, input: source });
    else if (new RegExp(source, 'u').test('')) {
      ctx.addIssue({ code: 'custom', message: 'the regular expression matches the empty string, so it would match every sentence', input: source });
    }
  });

const id = z.string().min(1).describe('An id for the entry, shown as the rule that fired (default: the phrase or pattern).');
const note = z.string().min(1).describe('Why the phrase counts, printed with the judgement (--why).');

const phraseSpec = z
  .union([
    z.string().min(1).describe('A literal phrase, matched case-insensitively (whole words in English).'),
    z.strictObject({ phrase: z.string().min(1).describe('A literal phrase.'), id: id.optional(), note: note.optional() }),
    z.strictObject({
      regex: regexSource.describe('A regular expression (JavaScript, u flag) over the normalised sentence: lower case, simplified Chinese.'),
      id: id.optional(),
      note: note.optional(),
    }),
  ])
  .describe('A phrase that counts: a literal string, {phrase, id?, note?} or {regex, id?, note?}.');

const phraseOverrides = z
  .strictObject({
    add: z.array(phraseSpec).optional().describe('Phrases that count, in addition to the built-in list.'),
    ignore: z
      .array(z.string().min(1))
      .optional()
      .describe('Built-in entry ids to drop (see heard rules), or phrases that never count where they occur.'),
  })
  .describe('Extra and ignored phrases for one move, flag or customer-side list.');

const phraseLanguage = z.strictObject(Object.fromEntries(PHRASE_KEYS.map((key) => [key, phraseOverrides.optional()])) as Record<(typeof PHRASE_KEYS)[number], z.ZodOptional<typeof phraseOverrides>>);

const enabled = z.boolean().describe('false: the move is never expected nor detected.');
const weight = z.number().min(0).max(100).describe('Weight within the move share (relative to the other expected moves).');
const coreMove = z.strictObject({ enabled: enabled.optional(), weight: weight.optional() });
const otherMove = z.strictObject({ enabled: enabled.optional() });

const rolePattern = z.union([
  z.string().min(1).describe('A role word, matched in speaker labels like those of src/ingest/roles.yml ("Concierge", "专家").'),
  z.strictObject({ regex: regexSource.describe('A regular expression (case-insensitive) over the whole speaker label.') }),
]);

const share = z.number().min(0).max(1);

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editor completion.'),
    moves: z
      .strictObject({
        acknowledgement: coreMove.optional(),
        paraphrase: coreMove.optional(),
        solution: coreMove.optional(),
        open_question: otherMove.optional(),
        apology: otherMove.optional(),
        negative_language: otherMove.optional(),
        canned: otherMove.optional(),
      })
      .optional()
      .describe('Enable or disable each move and flag; the weights of the core moves.'),
    acknowledgement: z
      .strictObject({
        window: z
          .strictObject({
            turns: z.number().int().min(1).optional().describe('On time within this many agent turns after the need.'),
            seconds: z
              .number()
              .positive()
              .nullable()
              .optional()
              .describe('Timed transcripts: on time when the agent turn starts within this many seconds of the customer turn (null: count turns only).'),
          })
          .optional(),
      })
      .optional(),
    late: z
      .strictObject({ credit: share.optional().describe('Share of its weight a late move earns (0: late earns nothing).') })
      .optional(),
    score: z
      .strictObject({
        blend: z
          .strictObject({
            moves: share.optional().describe('Weight of the move share in the score.'),
            outcome: share.optional().describe("Weight of the customer's final emotion in the score."),
          })
          .optional()
          .describe('moves + outcome must add up to 1.'),
        penalties: z
          .strictObject({
            negativeLanguage: z.number().min(0).max(100).optional().describe('Points off per negative-language flag.'),
            interruption: z.number().min(0).max(100).optional().describe('Points off per interruption (timed calls).'),
          })
          .optional(),
      })
      .optional(),
    phrases: z
      .strictObject({ en: phraseLanguage.optional(), zh: phraseLanguage.optional() })
      .optional()
      .describe('Extra and ignored phrases per language and move, merged with the built-in lists.'),
    autoFail: z
      .array(z.enum(AUTO_FAIL_RULES as [string, ...string[]]))
      .optional()
      .describe(`Rules that make a conversation score 0: ${AUTO_FAIL_RULES.join(', ')}.`),
    thresholds: z
      .strictObject({
        failUnder: z.number().min(0).max(100).nullable().optional().describe('Exit 1 when the overall score is below this (--fail-under wins).'),
        failOnDrop: z.number().min(0).nullable().optional().describe('With --baseline: exit 1 when a score dropped by more than this (--fail-on-drop wins).'),
        minConversations: z.number().int().min(0).optional().describe('Agents with fewer scored conversations are not checked for drops (--min-conversations wins).'),
      })
      .optional(),
    roles: z
      .strictObject({
        agent: z.array(rolePattern).optional().describe('Speaker-label words or {regex} patterns that mean the agent.'),
        customer: z.array(rolePattern).optional().describe('Speaker-label words or {regex} patterns that mean the customer.'),
        bot: z.array(rolePattern).optional().describe('Speaker-label words or {regex} patterns that mean a bot.'),
        agentColumn: z.string().min(1).nullable().optional().describe('CSV header of the agent id column (--columns agent=... wins).'),
        agentId: z
          .strictObject({
            regex: regexSource
              .refine((source) => /\((?!\?)/u.test(source), { message: 'needs a capture group: the agent id is what its first group matches' })
              .describe('A regular expression (case-insensitive) over the agent name; its first capture group is the agent id, e.g. "#(\\d+)$" for "Maria #4411".'),
          })
          .nullable()
          .optional()
          .describe('Derive the agent id from the agent name, when exports put the id inside it. Names it does not match stay as they are.'),
      })
      .optional(),
    language: z
      .strictObject({
        default: z.enum(['auto', 'en', 'zh']).optional().describe('auto: detect per conversation; en or zh: for conversations that do not state one (--lang wins).'),
        dictionary: z
          .strictObject({ zh: z.array(z.string().min(2)).optional().describe('Chinese words to keep whole when segmenting (product names).') })
          .optional(),
      })
      .optional(),
  })
  .describe('heard configuration (README, "Your rubric"). Every key is optional; heard init writes the defaults.');

export type ConfigInput = z.infer<typeof ConfigSchema>;

/** The JSON Schema published as schema/heard.config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(ConfigSchema, { target: 'draft-07', io: 'input' }), title: 'heard configuration' };
}

/** Everything `heard rules --move` accepts, in the order listed (light: the CLI registers the command with it). */
export const RULE_IDS = ['acknowledgement', 'paraphrase', 'solution', 'open_question', 'apology', 'negative_language', 'canned', 'emotion', 'relief', 'request'] as const;
export type RuleId = (typeof RULE_IDS)[number];

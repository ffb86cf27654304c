// What a conversation's times say (README, "Calls: timing"): per conversation, and summed up per agent.

/** Agent speaking rate: words per minute for English, characters per minute for Chinese. */
export interface SpeakingRate {
  value: number;
  unit: 'words_per_minute' | 'chars_per_minute';
}

/** A call: turns have start and end times, so overlaps and silences can be measured. */
export interface CallTiming {
  kind: 'call';
  /** Seconds from the first turn's start to the last turn's end. */
  duration: number;
  /** Seconds each side spent speaking (the sum of its turns' lengths). */
  talk: { agent: number; customer: number };
  /** The agent's share of agent + customer talk time, 0..1; null when neither spoke. */
  talkRatio: number | null;
  agentRate: SpeakingRate | null;
  /** Times the agent started speaking while the customer was still talking (each is an `interruption` finding). */
  interruptions: number;
  /** Silences after a customer turn before the agent spoke, longer than the threshold (each a `dead_air` finding). */
  deadAir: number;
  /** The longest such silence in seconds, whatever its length; null when the agent never followed the customer. */
  longestSilence: number | null;
}

/** Seconds from a customer message to the agent's reply. */
export interface Latency {
  /** Replies measured. */
  replies: number;
  mean: number;
  max: number;
}

/** A chat (or any transcript with start times only): how long the customer waited for the agent's replies. */
export interface ChatTiming {
  kind: 'chat';
  /** Seconds from the first to the last message. */
  duration: number;
  responseLatency: Latency | null;
}

export type ConversationTiming = CallTiming | ChatTiming;

/** An agent's timing over their conversations: calls and chats summed up separately. */
export interface AgentTiming {
  calls: number;
  chats: number;
  interruptions: number;
  /** Interruptions per call, or null without calls. */
  interruptionsPerCall: number | null;
  deadAir: number;
  /** Mean talk ratio over the calls that have one. */
  talkRatio: number | null;
  /** Mean speaking rate over the calls, per unit (English and Chinese calls are not mixed). */
  wordsPerMinute: number | null;
  charsPerMinute: number | null;
  /** Over every reply measured in the agent's chats. */
  responseLatency: Latency | null;
}

import type { ApiError } from '../api/error';
import type { CopyFormat } from './copy-formats';

/** The intent was carried out. */
export type Done = { ok: true };
/** It was not, and why, in one sentence a person can act on. */
export type Refused = { ok: false; error: Pick<ApiError, 'kind' | 'message'> };

/**
 * The one protocol between the screens and the background worker: every intent a screen may send, what it
 * carries, and what the worker answers when it succeeds (any intent may also be refused). The worker checks
 * each message against its zod twin (worker/intent-schema.ts) and routes it through a handler map keyed by
 * these names (worker/intent-handlers.ts), so an intent without its handler does not compile.
 */
export type IntentMap = {
  /** `createdAt`: the start of the day the token was made, which a quick expiry window counts from. */
  signInWithToken: { carries: { token: string; name?: string; expiresAt?: number | null; createdAt?: number }; answer: Done };
  signInWithPassword: { carries: { email: string; password: string }; answer: Done };
  /** `user`: the Refresh button. `stale`: a screen found old data. */
  refresh: { carries: { reason: 'user' | 'stale' }; answer: Done };
  signOut: { carries: object; answer: Done };
  /** Omitted fields stay as they are; an empty name removes it. */
  setTokenDetails: { carries: { name?: string; expiresAt?: number | null }; answer: Done };
  setReminderSettings: { carries: { enabled: boolean; leadTimesMs: number[]; revocationRepeatMs: number }; answer: Done };
  addTrackedToken: { carries: { name: string; expiresAt: number }; answer: Done };
  updateTrackedToken: { carries: { id: string; name: string; expiresAt: number }; answer: Done };
  deleteTrackedToken: { carries: { id: string }; answer: Done };
  confirmRevoked: { carries: { id: string }; answer: Done };
  setApiServer: { carries: { origin: string }; answer: Done };
  setKeepSignedIn: { carries: { keepSignedIn: boolean }; answer: Done };
  setRevalidateEvery: { carries: { everyMs: number }; answer: Done };
  forgetEverything: { carries: object; answer: Done };
  dismissNotice: { carries: object; answer: Done };
  /** `user` skips the 15-minute limit; `stale` asks only when the stored numbers are due. */
  refreshApps: { carries: { reason: 'user' | 'stale' }; answer: Done };
  /** null: the apps with the most events; a list: exactly these. Omitted: unchanged. */
  setAppsPreferences: { carries: { selectedAppIds?: string[] | null; excludeTestMode?: boolean }; answer: Done };
  /**
   * The token as one of the formats, for the page to put on the clipboard, and the sentence to say once it is
   * there ("Copied. The clipboard clears in 30 s"): the worker schedules the clear, so it knows when it comes.
   */
  copyToken: { carries: { format: CopyFormat }; answer: { ok: true; text: string; announcement: string } };
  /** The whole token, to show on the user's request. */
  revealToken: { carries: object; answer: { ok: true; token: string } };
  /** null: never clear the clipboard. */
  setClipboardClearAfter: { carries: { afterMs: number | null }; answer: Done };
  /** Forgets the failures the options page's Diagnostics lists. */
  clearDiagnostics: { carries: object; answer: Done };
};

/** The shape a protocol has: each intent's name, what it carries and what it answers. */
export type Protocol = Record<string, { carries: object; answer: { ok: true } }>;

export type IntentType = keyof IntentMap;
/** One intent of a protocol, as it travels: its name under `type`, and what it carries. */
export type IntentIn<P extends Protocol, T extends keyof P> = { type: T } & P[T]['carries'];
export type IntentOf<T extends IntentType> = IntentIn<IntentMap, T>;
/** Any intent. */
export type Intent = { [T in IntentType]: IntentOf<T> }[IntentType];
/** What the worker answers to an intent: its answer, or a refusal. */
export type AnswerTo<T extends IntentType> = IntentMap[T]['answer'] | Refused;
/** Any answer. */
export type IntentResult = AnswerTo<IntentType>;

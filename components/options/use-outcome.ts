import { useEffect, useState } from 'preact/hooks';
import type { IntentOf, IntentType } from '../../lib/protocol/intents';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import { t } from '../../lib/text/i18n';

/** What the last change in a section came to, and which control caused it, so the message sits beside that control. */
export interface Outcome<S extends string> {
  source: S;
  kind: 'saved' | 'error';
  text: string;
}

/** "Saved." fades after a while; an error stays until the next attempt. */
const SAVED_VISIBLE_MS = 6_000;

export function useOutcome<S extends string>() {
  const [outcome, setOutcome] = useState<Outcome<S> | null>(null);
  const [busy, setBusy] = useState<S | null>(null);

  useEffect(() => {
    if (outcome?.kind !== 'saved') return;
    const timer = setTimeout(() => setOutcome(null), SAVED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const saved = (source: S, text = t('saved')) => setOutcome({ source, kind: 'saved', text });
  const failed = (source: S, text: string) => setOutcome({ source, kind: 'error', text });

  /** Sends one intent on behalf of a control; reports "Saved." or the background's error beside it. */
  async function send<T extends IntentType>(source: S, intent: IntentOf<T>, savedText?: string): Promise<boolean> {
    setBusy(source);
    setOutcome(null);
    const result = await sendIntent(intent);
    setBusy(null);
    if (result.ok) saved(source, savedText);
    else failed(source, result.error.message);
    return result.ok;
  }

  return {
    /** The outcome to show beside `source`, if the last one came from there. */
    at: (source: S) => (outcome?.source === source ? outcome : null),
    busy,
    saved,
    failed,
    clear: () => setOutcome(null),
    send,
  };
}

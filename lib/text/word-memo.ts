/**
 * Where a page keeps the words `Intl` has written (dates, numbers and relative times), so that a page in a new
 * process can paint them without the set-up that writing them costs there (./screen/formatted-words.ts). None
 * until a page brings one: the worker, which has no page storage, writes every time.
 */
export interface WordMemo {
  /** The kept words for `key`, or those `write` writes now, kept. */
  words(key: string, write: () => string): string;
  has(key: string): boolean;
}

/** The kept words for `key`, or those `write` writes now: kept only once a page brought a memo. */
export let keptWords: WordMemo['words'] = (_key, write) => write();
export let isKept: WordMemo['has'] = () => true;

/** Called by a page before anything it shows is written. */
export function keepWordsIn(pageMemo: WordMemo): void {
  keptWords = pageMemo.words;
  isKept = pageMemo.has;
}

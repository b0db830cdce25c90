/** How long a failure's line may be, and its kind, once stored. */
const MAX_LINE = 300;
const MAX_KIND = 60;

/**
 * One line of text that holds none of `secrets`, nor anything shaped like a credential: a personal access
 * token, or what follows `Bearer` or `Basic`. Secrets go before anything is shortened, so that a cut never
 * leaves the start of one behind.
 */
function redactedLine(text: string, secrets: readonly string[], max = MAX_LINE): string {
  let line = text;
  for (const secret of secrets) if (secret) line = line.split(secret).join('…');
  line = line
    .replace(/tdpat_[A-Za-z0-9]+/g, 'tdpat_…')
    .replace(/\b(Bearer|Basic)\s+\S+/gi, '$1 …')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** A failure as a kind and a message: an error value of ours, or whatever was thrown. */
export function describeFailure(error: unknown, secrets: readonly string[]): { kind: string; message: string } {
  const { kind, name, message } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const text = typeof message === 'string' ? message : String(error);
  const label = typeof kind === 'string' ? kind : typeof name === 'string' ? name : 'Error';
  return { kind: redactedLine(label, secrets, MAX_KIND), message: redactedLine(text, secrets) };
}

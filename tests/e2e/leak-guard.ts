// The end-to-end suite's leak guard: secrets (tokens, passwords) may travel only in the `Authorization`
// header. Pure functions here; tests/e2e/fixtures.ts gathers the evidence and runs them after every test.

/** What the fake server records of a request (only the fields the guard reads). */
export interface SeenRequest {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Where a stored copy was found: `chrome.storage[area]` as read at the end of a test. */
export interface StorageSnapshot {
  area: 'local' | 'session' | 'sync';
  data: unknown;
}

export interface LeakEvidence {
  consoleMessages: readonly string[];
  /** Arguments of console calls as JSON (what `ConsoleMessage.text()` abbreviates). */
  consoleArguments?: readonly string[];
  requests: readonly SeenRequest[];
  storage?: readonly StorageSnapshot[];
  /** The extension's open pages at the end of a test: markup, plus every field but the sign-in ones. */
  pages?: readonly PageSnapshot[];
}

/** What a page of the extension shows: its markup and the values of its fields. */
export interface PageSnapshot {
  url: string;
  text: string;
}

/** Values shorter than this match too much by chance to be guarded. */
const MIN_SECRET_LENGTH = 4;

/**
 * The secrets one test has seen. `add(value)` guesses the kind from the value; pass one to say it
 * (`'password'` matters: passwords must never be stored anywhere, tokens may be in local/session storage).
 */
export class SecretRegistry implements Iterable<string> {
  private readonly kinds = new Map<string, string>();

  add(value: string, kind?: string): this {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) {
      throw new Error(`secrets.add: a secret must be a string of at least ${MIN_SECRET_LENGTH} characters`);
    }
    if (!this.kinds.has(value) || kind) this.kinds.set(value, kind ?? guessKind(value));
    return this;
  }

  has(value: string): boolean {
    return this.kinds.has(value);
  }

  kindOf(value: string): string | undefined {
    return this.kinds.get(value);
  }

  get size(): number {
    return this.kinds.size;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.kinds.keys();
  }

  entries(): [value: string, kind: string][] {
    return [...this.kinds.entries()];
  }

  /**
   * Registers what the extension itself sent as credentials: Bearer tokens and Basic-auth passwords seen in
   * `Authorization` headers. Values the test never handled (session tokens) are guarded this way too.
   */
  addFromAuthorizationHeaders(requests: readonly SeenRequest[]): void {
    for (const request of requests) {
      const header = request.headers.authorization ?? headerCaseInsensitive(request.headers, 'authorization');
      if (!header) continue;
      const bearer = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (bearer?.[1] && bearer[1].length >= 6 && !this.has(bearer[1])) {
        this.add(bearer[1], bearer[1].startsWith('tdpat_') ? 'personal access token' : 'bearer token');
      }
      const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
      if (basic?.[1]) {
        const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
        const password = decoded.slice(decoded.indexOf(':') + 1);
        if (decoded.includes(':') && password.length >= 6 && !this.has(password)) this.add(password, 'password');
      }
    }
  }
}

function guessKind(value: string): string {
  if (value.startsWith('tdpat_')) return 'personal access token';
  return 'secret';
}

function headerCaseInsensitive(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** How a secret is named in a failure: its kind and a masked form, never the value. */
export function describeSecret(value: string, kind: string): string {
  if (kind === 'password' || value.length < 16) return `${kind} (${[...value].length} characters)`;
  return `${kind} ${value.slice(0, 6)}…${value.slice(-2)}`;
}

/**
 * The forms a secret takes when code encodes it on the way out: as is, percent-encoded, form-encoded,
 * JSON-escaped, and inside base64 (any alignment), so `btoa(token)` in the wrong header is caught too.
 */
export function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  forms.add(json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const bytes = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift += 1) {
    // Prefixing `shift` bytes moves the secret to every base64 alignment; the quads that mix prefix or
    // padding bits are cut, and what is left appears in any base64 text that contains the secret.
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const start = shift === 0 ? 0 : 4;
    const fullQuads = Math.floor((shift + bytes.length) / 3) * 4;
    const stable = encoded.slice(start, fullQuads);
    if (stable.length >= 12) {
      forms.add(stable);
      forms.add(stable.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

function containsSecret(text: string, secret: string): boolean {
  return encodedForms(secret).some((form) => text.includes(form));
}

/** `value` as text: strings as they are, everything else as JSON (Errors with their message and stack). */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return (
      JSON.stringify(value, (_key, inner: unknown) =>
        inner instanceof Error ? { name: inner.name, message: inner.message, stack: inner.stack } : inner,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

/** `text` with every registered secret, in any of its forms, replaced by `‹kind›`. */
export function redact(secrets: SecretRegistry, text: string): string {
  let redacted = text;
  for (const [secret, kind] of secrets.entries()) {
    for (const form of encodedForms(secret).sort((a, b) => b.length - a.length)) redacted = redacted.split(form).join(`‹${kind}›`);
  }
  return redacted;
}

/** A short excerpt of `text` around the first redacted secret, for a failure message. */
function excerpt(secrets: SecretRegistry, text: string): string {
  const redacted = redact(secrets, text).replace(/\s+/g, ' ');
  const at = redacted.indexOf('‹');
  const start = Math.max(0, at - 60);
  return `${start > 0 ? '…' : ''}${redacted.slice(start, start + 160)}${redacted.length > start + 160 ? '…' : ''}`;
}

/** Which registered secrets `value` holds, as masked descriptions (empty when none). */
export function secretsIn(secrets: SecretRegistry, value: unknown, where: string): string[] {
  const text = asText(value);
  return secrets
    .entries()
    .filter(([secret]) => containsSecret(text, secret))
    .map(([secret, kind]) => `${describeSecret(secret, kind)} in ${where}`);
}

/**
 * Every place a registered secret showed up where it must not: a console message; a request's URL, path,
 * body or any header but `Authorization`; `chrome.storage.sync` (synced to the browser vendor); any storage
 * area for a password. Each finding is a masked description.
 */
export function findLeaks(secrets: SecretRegistry, evidence: LeakEvidence): string[] {
  const leaks: string[] = [];
  evidence.consoleMessages.forEach((message, index) => {
    leaks.push(...secretsIn(secrets, message, `console message #${index + 1} (“${excerpt(secrets, message)}”)`));
  });
  for (const args of evidence.consoleArguments ?? []) {
    leaks.push(...secretsIn(secrets, args, `the arguments of a console call (${excerpt(secrets, args)})`));
  }
  for (const request of evidence.requests) {
    const label = `${request.method} ${request.path}`;
    let decodedUrl = request.url;
    try {
      decodedUrl = decodeURIComponent(request.url);
    } catch {
      // Not valid percent-encoding: the raw URL is checked all the same.
    }
    leaks.push(...secretsIn(secrets, `${request.url}\n${decodedUrl}\n${request.path}`, `the URL of ${label}`));
    leaks.push(...secretsIn(secrets, request.body, `the body of ${label}`));
    for (const [name, value] of Object.entries(request.headers)) {
      if (name.toLowerCase() === 'authorization') continue;
      leaks.push(...secretsIn(secrets, value, `the ${name} header of ${label}`));
    }
  }
  for (const snapshot of evidence.storage ?? []) {
    const text = asText(snapshot.data);
    for (const [secret, kind] of secrets.entries()) {
      if ((snapshot.area === 'sync' || kind === 'password') && containsSecret(text, secret)) {
        leaks.push(`${describeSecret(secret, kind)} in chrome.storage.${snapshot.area}`);
      }
    }
  }
  for (const page of evidence.pages ?? []) {
    leaks.push(...secretsIn(secrets, page.text, `the page ${page.url}`));
  }
  return [...new Set(leaks)];
}

import type { CopyFormat } from '../protocol/copy-formats';

// Each of the protocol's copy formats becomes one text, ready to paste where a script needs it.

/** The environment variable community scripts and CLIs for TelemetryDeck read. */
export const TOKEN_VARIABLE = 'TELEMETRYDECK_TOKEN';

/** Characters a POSIX shell takes literally outside quotes: a word made only of them needs no quoting. */
const SHELL_SAFE = /^[A-Za-z0-9_./:@%+=,-]+$/;

/**
 * A POSIX shell word that reads back as exactly `text`: inside single quotes nothing is special, and a single
 * quote is written as `'\''` (close, escaped quote, reopen). A session token is opaque and may hold any character.
 */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** A PowerShell single-quoted string: nothing is special inside but the quote itself, which is doubled. */
function powerShellQuote(text: string): string {
  // PowerShell also closes a single-quoted string at the typographic quotes ‘ ’ ‚ ‛, so those double too.
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

/** The text a format copies, for `token` on the API server at `apiOrigin`. */
export function snippetFor(format: CopyFormat, token: string, apiOrigin: string): string {
  switch (format) {
    case 'token':
      return token;
    case 'header':
      return `Authorization: Bearer ${token}`;
    case 'curl': {
      const url = `${apiOrigin}/api/v3/users/info`;
      return `curl -H ${shellQuote(`Authorization: Bearer ${token}`)} ${SHELL_SAFE.test(url) ? url : shellQuote(url)}`;
    }
    case 'shell':
      return `export ${TOKEN_VARIABLE}=${shellQuote(token)}`;
    case 'powershell':
      return `$env:${TOKEN_VARIABLE} = ${powerShellQuote(token)}`;
  }
}

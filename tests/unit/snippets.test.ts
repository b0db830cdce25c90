import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snippetFor, TOKEN_VARIABLE } from '../../lib/clipboard/snippets';

const ORIGIN = 'https://api.telemetrydeckapi.com';

/** What a POSIX shell makes of `script`'s output. */
function sh(script: string): string {
  return execFileSync('sh', ['-c', script], { encoding: 'utf8' });
}

/** The shell line, run: what the variable holds afterwards, byte for byte. */
function variableAfter(line: string): string {
  return sh(`${line}\nprintf '%s' "$${TOKEN_VARIABLE}"`);
}

/** The curl line, run against a curl that only prints the header it was given and the URL. */
function curlArguments(line: string): string[] {
  return sh(`curl() { printf '%s\\0' "$@"; }\n${line}`).split('\0').slice(0, -1);
}

/** PowerShell's single-quoted string: two quote characters in a row are one literal; ' ‘ ’ ‚ ‛ all quote. */
function readPowerShellAssignment(line: string): { name: string; value: string; rest: string } {
  const match = /^\$env:(\w+) = (.*)$/s.exec(line);
  if (!match) throw new Error(`not an assignment: ${line}`);
  const quotes = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
  const text = match[2]!;
  if (!quotes.has(text[0]!)) throw new Error('not single-quoted');
  let value = '';
  let at = 1;
  for (;;) {
    if (at >= text.length) throw new Error('unterminated string');
    const char = text[at]!;
    if (quotes.has(char)) {
      if (quotes.has(text[at + 1] ?? '')) {
        value += text[at + 1];
        at += 2;
        continue;
      }
      return { name: match[1]!, value, rest: text.slice(at + 1) };
    }
    value += char;
    at += 1;
  }
}

/** Any printable token: ASCII punctuation and quotes, letters of any script, emoji; no control characters. */
const printableToken = fc
  .oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1 }))
  .filter((token) => !/[\p{Cc}]/u.test(token));

describe('the copy formats', () => {
  const token = 'tdpat_abcDEF123';

  it('copies each format as the issue names it', () => {
    expect(snippetFor('token', token, ORIGIN)).toBe(token);
    expect(snippetFor('header', token, ORIGIN)).toBe(`Authorization: Bearer ${token}`);
    expect(snippetFor('curl', token, ORIGIN)).toBe(`curl -H 'Authorization: Bearer ${token}' ${ORIGIN}/api/v3/users/info`);
    expect(snippetFor('shell', token, ORIGIN)).toBe(`export TELEMETRYDECK_TOKEN='${token}'`);
    expect(snippetFor('powershell', token, ORIGIN)).toBe(`$env:TELEMETRYDECK_TOKEN = '${token}'`);
  });

  it('names the server the extension uses now in the curl line, and quotes one the shell would read otherwise', () => {
    expect(snippetFor('curl', token, 'http://127.0.0.1:8787')).toBe(
      `curl -H 'Authorization: Bearer ${token}' http://127.0.0.1:8787/api/v3/users/info`,
    );
    expect(curlArguments(snippetFor('curl', token, 'https://[::1]:8443'))).toEqual([
      '-H',
      `Authorization: Bearer ${token}`,
      'https://[::1]:8443/api/v3/users/info',
    ]);
  });

  it('quotes a session token with a single quote so that the shell reads back exactly that token', () => {
    const quoted = 'ab\'cd"$(rm -rf /)`x`\\n';
    expect(variableAfter(snippetFor('shell', quoted, ORIGIN))).toBe(quoted);
    expect(curlArguments(snippetFor('curl', quoted, ORIGIN))).toEqual([
      '-H',
      `Authorization: Bearer ${quoted}`,
      `${ORIGIN}/api/v3/users/info`,
    ]);
    expect(readPowerShellAssignment(snippetFor('powershell', quoted, ORIGIN))).toEqual({
      name: 'TELEMETRYDECK_TOKEN',
      value: quoted,
      rest: '',
    });
  });

  it('gives a shell line and a curl line that read back as any printable token', () => {
    // Generated tokens, run in one shell (a shell per token would take seconds); each export replaces the last.
    const tokens = fc.sample(printableToken, { numRuns: 300, seed: 20261201 });
    const script = [
      `curl() { printf '%s\\0' "$2"; }`,
      ...tokens.flatMap((any) => [
        `${snippetFor('shell', any, ORIGIN)}\nprintf '%s\\0' "$${TOKEN_VARIABLE}"`,
        snippetFor('curl', any, ORIGIN),
      ]),
    ].join('\n');
    const read = sh(script).split('\0').slice(0, -1);
    expect(read).toEqual(tokens.flatMap((any) => [any, `Authorization: Bearer ${any}`]));
  });

  it('gives a PowerShell line that reads back as any printable token, typographic quotes included', () => {
    fc.assert(
      fc.property(fc.oneof(printableToken, fc.constantFrom('\u2018', '\u2019x\u201A', "'‘’‛'")), (any) => {
        expect(readPowerShellAssignment(snippetFor('powershell', any, ORIGIN))).toEqual({
          name: 'TELEMETRYDECK_TOKEN',
          value: any,
          rest: '',
        });
      }),
      { numRuns: 300 },
    );
  });
});

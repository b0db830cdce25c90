import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCustomOrigin, originPattern } from '../../lib/api/custom-server';
import { hostPermissionFor } from '../../lib/api/origins';

/**
 * Web addresses of every scheme, with and without user info, of any host and port. Built from parts rather
 * than with fc.webUrl(), whose first use takes seconds under vitest: on a busy machine, that alone ran past a
 * test's time limit.
 */
const addresses = fc
  .tuple(
    fc.constantFrom('https', 'http', 'HTTPS', 'ftp', 'javascript', 'file', 'ws'),
    fc.constantFrom('', 'user:pass@', 'user@', ':@'),
    fc.oneof(fc.domain(), fc.constantFrom('localhost', '127.0.0.1', '[::1]', '192.168.1.10', '127.0.0.2', 'localhost.example.com')),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 65_535 }).map((port) => `:${port}`),
    ),
    fc.string(),
  )
  .map(([scheme, userInfo, host, port, rest]) => `${scheme}://${userInfo}${host}${port}/${rest}`);

describe('checkCustomOrigin', () => {
  it.each([
    ['https://api.example.com', 'https://api.example.com'],
    ['  https://api.example.com/  ', 'https://api.example.com'],
    ['https://api.example.com/some/path?x=1#y', 'https://api.example.com'],
    ['https://API.Example.COM:8443', 'https://api.example.com:8443'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('reduces %j to the bare origin %s', (input, origin) => {
    expect(checkCustomOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /address/],
    ['javascript:alert(1)', /https/],
    ['file:///etc/passwd', /https/],
    ['ftp://example.com', /https/],
    ['http://api.example.com', /http:\/\/ is allowed only/],
    ['http://192.168.1.10', /http:\/\/ is allowed only/],
    ['http://[::1]:8787', /http:\/\/ is allowed only/],
    ['https://user:pass@api.example.com', /user name and password/],
    ['not a url', /not a web address/],
  ])('refuses %j', (input, message) => {
    const result = checkCustomOrigin(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('only ever yields https origins, or http on this machine', () => {
    fc.assert(
      fc.property(fc.oneof(addresses, fc.string()), (input) => {
        const result = checkCustomOrigin(input);
        if (result.ok) {
          expect(result.origin).toMatch(/^(https:\/\/[^/@]+|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?)$/);
        }
      }),
    );
  });
});

describe('the host permission for an API origin', () => {
  it.each([
    ['https://api.telemetrydeckapi.com', 'https://api.telemetrydeckapi.com/*', 'https://api.telemetrydeckapi.com/*'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/*', 'http://127.0.0.1/*'],
    ['https://td.example.com:8443', 'https://td.example.com:8443/*', 'https://td.example.com/*'],
    ['http://localhost:3000', 'http://localhost:3000/*', 'http://localhost/*'],
  ])('%s: %s in Chrome, %s in Firefox, whose patterns cannot name a port', (origin, chrome, firefox) => {
    expect(hostPermissionFor(origin, 'chrome')).toBe(chrome);
    expect(hostPermissionFor(origin, 'firefox')).toBe(firefox);
  });

  it('in Firefox stays within the optional host permissions the manifest declares', () => {
    const optional = [/^https:\/\/[^/]+\/\*$/, /^http:\/\/localhost\/\*$/, /^http:\/\/127\.0\.0\.1\/\*$/];
    fc.assert(
      fc.property(fc.oneof(addresses, fc.constantFrom('http://localhost:8787', 'http://127.0.0.1:1')), (input) => {
        const checked = checkCustomOrigin(input);
        if (checked.ok) expect(optional.some((pattern) => pattern.test(hostPermissionFor(checked.origin, 'firefox')))).toBe(true);
      }),
    );
  });

  it('is the exact origin in the Chrome build these tests see', () => {
    expect(import.meta.env.BROWSER).toBe('chrome');
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/*');
  });
});

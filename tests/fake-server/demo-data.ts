import type { FakeServer } from './server.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoCredentials {
  paid: { name: string; email: string; password: string; organizationName: string; pat: string; patExpiresAt: Date };
  sso: { name: string; email: string };
  free: { name: string; email: string; password: string };
}

/** Demo accounts: a paid user with a password and a PAT, an SSO-only user, and a free-plan user. */
export function seedDemo(server: FakeServer): DemoCredentials {
  // Non-ASCII and a colon, so that the demo exercises UTF-8 Basic auth and the first-colon split.
  const paid = { email: 'ada@example.com', password: 'pässwörd 🔑:x', organizationName: 'Analytical Engines' };
  server.addUser({ ...paid, firstName: 'Ada', lastName: 'Lovelace' });
  const patExpiresAt = new Date(Date.now() + 12 * DAY_MS);
  const pat = server.mintPat(paid.email, { expiresAt: patExpiresAt });

  const sso = { email: 'grace@example.com' };
  server.addUser({ ...sso, firstName: 'Grace', lastName: 'Hopper', organizationName: 'Compilers' });

  const free = { email: 'free@example.com', password: 'free-plan-pass' };
  server.addUser({ ...free, firstName: 'Frida', lastName: 'Free', organizationName: 'Hobby Projects', plan: 'free' });

  return {
    paid: { name: 'Ada Lovelace', ...paid, pat, patExpiresAt },
    sso: { name: 'Grace Hopper', ...sso },
    free: { name: 'Frida Free', ...free },
  };
}

import { newId, randomBase62, randomSessionToken, stableId } from './format.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_SESSION_LIFETIME_MS = 30 * DAY_MS;
const DEFAULT_PAT_LIFETIME_MS = 30 * DAY_MS;

export type Plan = 'paid' | 'free';

/** An organization as `GET /api/v3/organizations/` lists it; ids derive from the names. */
export interface NewOrganization {
  name: string;
  /** The apps' names (default: "iOS App" and "Website"). */
  apps?: string[];
  /**
   * The TQL data source (default: `com.` + the name's letters and digits). `null`: an organization in the
   * older shape, without `namespace` and `maxSignals` but with `resolvedMaxSignals`, which TQL cannot query.
   */
  namespace?: string | null;
  maxSignals?: number;
  /** A fraction: 0.109 is 10.9 %. */
  usagePercentage?: number;
}

export interface NewUser {
  email: string;
  /** Omit for an account that signs in with Google, GitHub or Okta (SSO). */
  password?: string;
  firstName?: string;
  lastName?: string;
  /** `null`: the user belongs to no organization, and `/users/info` omits `organization`. */
  organizationName?: string | null;
  plan?: Plan;
  emailIsVerified?: boolean;
  /** Default: one organization named `organizationName` (none when that is null), with two apps. */
  organizations?: NewOrganization[];
}

export interface FakeUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  organizationName: string | null;
  plan: Plan;
  emailIsVerified: boolean;
  sso: boolean;
  createdAt: Date;
  /** null: the default, derived from `organizationName`. */
  organizations: NewOrganization[] | null;
}

export interface Session {
  id: string;
  value: string;
  user: FakeUser;
  createdAt: Date;
  expiresAt: Date;
}

interface TokenRecord {
  user: FakeUser;
  expiresAt: Date;
  revoked: boolean;
}

/** Users and the tokens issued to them: the state of one fake server. */
export class Accounts {
  sessionLifetimeMs = DEFAULT_SESSION_LIFETIME_MS;
  private readonly users = new Map<string, FakeUser>();
  private readonly passwords = new Map<string, string>();
  private readonly tokens = new Map<string, TokenRecord>();

  addUser(input: NewUser): FakeUser {
    const key = emailKey(input.email);
    if (this.users.has(key)) throw new Error(`fake server: user ${input.email} already exists`);
    const user: FakeUser = {
      id: stableId(`user:${key}`),
      email: input.email,
      firstName: input.firstName ?? 'Test',
      lastName: input.lastName ?? 'User',
      organizationName: input.organizationName === undefined ? 'Test Organization' : input.organizationName,
      plan: input.plan ?? 'paid',
      emailIsVerified: input.emailIsVerified ?? true,
      sso: input.password === undefined,
      createdAt: new Date(),
      organizations: input.organizations ?? null,
    };
    this.users.set(key, user);
    if (input.password !== undefined) this.passwords.set(key, input.password);
    return user;
  }

  /** Undefined for a wrong password, an unknown email, or an SSO account (which has no password). */
  checkPassword(email: string, password: string): FakeUser | undefined {
    const key = emailKey(email);
    const expected = this.passwords.get(key);
    return expected !== undefined && expected === password ? this.users.get(key) : undefined;
  }

  openSession(user: FakeUser): Session {
    const createdAt = new Date();
    const session: Session = {
      id: newId(),
      value: randomSessionToken(),
      user,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + this.sessionLifetimeMs),
    };
    this.tokens.set(session.value, { user, expiresAt: session.expiresAt, revoked: false });
    return session;
  }

  mintPat(email: string, expiresAt = new Date(Date.now() + DEFAULT_PAT_LIFETIME_MS)): string {
    const user = this.users.get(emailKey(email));
    if (!user) throw new Error(`fake server: no user ${email}`);
    const value = `tdpat_${randomBase62(40)}`;
    this.tokens.set(value, { user, expiresAt, revoked: false });
    return value;
  }

  revoke(token: string): void {
    this.record(token).revoked = true;
  }

  expire(token: string): void {
    this.record(token).expiresAt = new Date(Date.now() - 1000);
  }

  /** The user a bearer token stands for, or undefined if the token is unknown, revoked or expired. */
  authenticate(token: string): FakeUser | undefined {
    const record = this.tokens.get(token);
    if (!record || record.revoked || record.expiresAt.getTime() <= Date.now()) return undefined;
    return record.user;
  }

  clear(): void {
    this.users.clear();
    this.passwords.clear();
    this.tokens.clear();
    this.sessionLifetimeMs = DEFAULT_SESSION_LIFETIME_MS;
  }

  private record(token: string): TokenRecord {
    const record = this.tokens.get(token);
    // The message leaves the token out on purpose: test output must not leak it.
    if (!record) throw new Error('fake server: unknown token');
    return record;
  }
}

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

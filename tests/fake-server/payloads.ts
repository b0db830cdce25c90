import type { FakeUser, NewOrganization, Session } from './accounts.ts';
import { formatDate, stableId } from './format.ts';

/** The live shape of `POST /api/v3/users/login` (the docs' example lacks `createdAt`). */
export function loginPayload(session: Session) {
  return {
    createdAt: formatDate(session.createdAt),
    expiresAt: formatDate(session.expiresAt),
    id: session.id,
    user: { id: session.user.id },
    value: session.value,
  };
}

/** The live shape of `GET /api/v3/users/info`. */
export function userInfoPayload(user: FakeUser) {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    emailIsVerified: user.emailIsVerified,
    receiveMarketingEmails: null,
    receiveReports: 'weekly',
    isFoundingUser: false,
    ...(user.organizationName === null
      ? {}
      : {
          organization: {
            name: user.organizationName,
            createdAt: formatDate(user.createdAt),
            updatedAt: formatDate(user.createdAt),
          },
        }),
  };
}

export interface FakeOrganization {
  id: string;
  name: string;
  /** null: the older shape, without `namespace` or `maxSignals`. */
  namespace: string | null;
  apps: { id: string; name: string }[];
  maxSignals: number;
  usagePercentage: number;
}

/** The user's organizations and apps, with ids derived from the names so that they survive restarts. */
export function organizationsOf(user: FakeUser): FakeOrganization[] {
  const specs: NewOrganization[] = user.organizations ?? (user.organizationName === null ? [] : [{ name: user.organizationName }]);
  return specs.map((spec) => {
    const id = stableId(`organization:${user.email.toLowerCase()}:${spec.name}`);
    const appNames = spec.apps ?? ['iOS App', 'Website'];
    return {
      id,
      name: spec.name,
      namespace: spec.namespace === undefined ? `com.${spec.name.toLowerCase().replace(/[^a-z0-9]/g, '') || 'example'}` : spec.namespace,
      apps: appNames.map((appName) => ({ id: stableId(`app:${id}:${appName}`), name: appName })),
      maxSignals: spec.maxSignals ?? 100_000,
      usagePercentage: spec.usagePercentage ?? 0.109,
    };
  });
}

/** `GET /api/v3/organizations/`: the 2026 shape, or the older one (no namespace, `resolvedMaxSignals`). */
export function organizationsPayload(user: FakeUser) {
  return organizationsOf(user).map((organization) => {
    const apps = organization.apps.map((app) => ({ ...app, organizationID: organization.id }));
    const common = {
      id: organization.id,
      name: organization.name,
      apps,
      usagePercentage: organization.usagePercentage,
      createdAt: formatDate(user.createdAt),
    };
    return organization.namespace === null
      ? { ...common, resolvedMaxSignals: organization.maxSignals }
      : { ...common, namespace: organization.namespace, maxSignals: organization.maxSignals };
  });
}

import type { FakeUser, Session } from './accounts.ts';
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

/** `GET /api/v3/organizations/`: the user's one organization with two apps; ids derive from the names. */
export function organizationsPayload(user: FakeUser) {
  const name = user.organizationName;
  if (name === null) return [];
  const id = stableId(`organization:${user.email.toLowerCase()}:${name}`);
  const apps = ['iOS App', 'Website'].map((appName) => ({
    id: stableId(`app:${id}:${appName}`),
    name: `${name} ${appName}`,
    organizationID: id,
  }));
  return [
    {
      id,
      name,
      namespace: `com.${name.toLowerCase().replace(/[^a-z0-9]/g, '') || 'example'}`,
      apps,
      maxSignals: 100_000,
      usagePercentage: 0.109,
      createdAt: formatDate(user.createdAt),
    },
  ];
}

import type { AppStats, AppsPreferences, StoredOrganization } from '../state/types';

/** Without a choice of apps, the popup shows this many, most events first. */
export const DEFAULT_APP_LIMIT = 8;

export interface ShownApp {
  id: string;
  name: string;
  /** Absent when there are no numbers for it (yet). */
  stats: AppStats | undefined;
}

export interface ShownOrganization {
  organization: StoredOrganization;
  apps: ShownApp[];
  /** Apps of this organization left out, by choice or by the limit. */
  hidden: number;
}

const eventsOf = (app: ShownApp) => app.stats?.events30d ?? -1;

function byEventsThenName(a: ShownApp, b: ShownApp): number {
  return eventsOf(b) - eventsOf(a) || a.name.localeCompare(b.name);
}

/**
 * The apps to show, grouped by organization in the API's order: the chosen ones, or else the `limit`
 * with the most events in 30 days across all organizations. Within an organization, most events first.
 */
export function selectShownApps(
  organizations: readonly StoredOrganization[],
  preferences: AppsPreferences,
  limit = DEFAULT_APP_LIMIT,
): ShownOrganization[] {
  const all = organizations.map((organization) =>
    organization.apps.map((app): ShownApp => ({ id: app.id, name: app.name, stats: organization.stats?.byApp[app.id] })),
  );
  let keep: Set<string>;
  if (preferences.selectedAppIds) {
    keep = new Set(preferences.selectedAppIds);
  } else {
    keep = new Set(
      all
        .flat()
        .sort(byEventsThenName)
        .slice(0, limit)
        .map((app) => app.id),
    );
  }
  return organizations.map((organization, index) => {
    const apps = all[index]!.filter((app) => keep.has(app.id)).sort(byEventsThenName);
    return { organization, apps, hidden: organization.apps.length - apps.length };
  });
}

/**
 * The apps of one organization to ask numbers for: the chosen ones, or all of them when the choice is
 * left to the numbers (ranking needs everyone's).
 */
export function appIdsToQuery(apps: readonly { id: string }[], preferences: AppsPreferences): string[] {
  const ids = apps.map((app) => app.id);
  if (!preferences.selectedAppIds) return ids;
  const chosen = new Set(preferences.selectedAppIds);
  return ids.filter((id) => chosen.has(id));
}

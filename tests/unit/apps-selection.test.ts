import { describe, expect, it } from 'vitest';
import { appIdsToQuery, selectShownApps } from '../../lib/apps/selection';
import type { AppStats, StoredOrganization } from '../../lib/state/types';

const stats = (events30d: number): AppStats => ({ events24h: 0, users24h: 0, events30d, users30d: 0, daily: [] });

function organization(id: string, apps: [string, number | undefined][]): StoredOrganization {
  const byApp: Record<string, AppStats> = {};
  for (const [name, events] of apps) if (events !== undefined) byApp[`${id}-${name}`] = stats(events);
  return {
    id,
    name: id,
    namespace: `com.${id}`,
    apps: apps.map(([name]) => ({ id: `${id}-${name}`, name })),
    stats: { fetchedAt: 0, excludesTestMode: true, byApp },
    error: null,
  };
}

const DEFAULTS = { selectedAppIds: null, excludeTestMode: true };

describe('selectShownApps', () => {
  it('shows at most eight apps by default, those with the most events across all organizations', () => {
    const first = organization('a', [
      ['one', 10],
      ['two', 500],
      ['three', 30],
      ['four', 1],
      ['five', 2],
    ]);
    const second = organization('b', [
      ['six', 400],
      ['seven', 3],
      ['eight', 50],
      ['nine', 0],
      ['ten', undefined],
    ]);
    const shown = selectShownApps([first, second], DEFAULTS);
    expect(shown.map((entry) => entry.organization.id)).toEqual(['a', 'b']);
    expect(shown[0]!.apps.map((app) => app.name)).toEqual(['two', 'three', 'one', 'five', 'four']);
    expect(shown[1]!.apps.map((app) => app.name)).toEqual(['six', 'eight', 'seven']);
    expect(shown.map((entry) => entry.hidden)).toEqual([0, 2]);
  });

  it('shows exactly the chosen apps, most events first, even more than eight', () => {
    const many = organization(
      'a',
      Array.from({ length: 10 }, (_, index) => [`app${index}`, index] as [string, number]),
    );
    const chosen = many.apps.map((app) => app.id).filter((id) => id !== 'a-app3');
    const [shown] = selectShownApps([many], { ...DEFAULTS, selectedAppIds: chosen });
    expect(shown!.apps).toHaveLength(9);
    expect(shown!.apps[0]!.name).toBe('app9');
    expect(shown!.hidden).toBe(1);
  });

  it('keeps an organization without numbers, its apps in name order after those with numbers', () => {
    const legacy: StoredOrganization = {
      id: 'old',
      name: 'Old',
      apps: [
        { id: 'z', name: 'Zeta' },
        { id: 'y', name: 'Alpha' },
      ],
      stats: null,
      error: null,
    };
    const [shown] = selectShownApps([legacy], DEFAULTS);
    expect(shown!.apps.map((app) => [app.name, app.stats])).toEqual([
      ['Alpha', undefined],
      ['Zeta', undefined],
    ]);
  });
});

describe('appIdsToQuery', () => {
  const apps = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('asks for every app when the numbers choose (ranking needs them all)', () => {
    expect(appIdsToQuery(apps, DEFAULTS)).toEqual(['a', 'b', 'c']);
  });

  it('asks only for the chosen apps of this organization', () => {
    expect(appIdsToQuery(apps, { ...DEFAULTS, selectedAppIds: ['c', 'elsewhere', 'a'] })).toEqual(['a', 'c']);
    expect(appIdsToQuery(apps, { ...DEFAULTS, selectedAppIds: [] })).toEqual([]);
  });
});

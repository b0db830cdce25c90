import { describe, expect, it } from 'vitest';
import { type TqlRow, tqlResultSchema } from '../../lib/api/worker/response-schemas';
import { firstDayStart, metricValue, statsFromResults } from '../../lib/apps/worker/query-result';
import { DAY_MS } from '../../lib/time/units';

const NOW = Date.UTC(2026, 10, 22, 15, 30);
const APP_A = '8F3E1C2A-0B5D-4E6F-9A7B-1C2D3E4F5A6B';
const APP_B = '1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D';
const day = (index: number) => new Date(firstDayStart(NOW) + index * DAY_MS).toISOString();

function rows(json: unknown): TqlRow[] {
  const parsed = tqlResultSchema.safeParse(json);
  if (!parsed.success) throw new Error('did not parse');
  return parsed.data;
}

describe('tqlResultSchema: both result forms', () => {
  it('reads the bare form of a timeseries answer, as the notes show it', () => {
    expect(rows([{ timestamp: '2026-11-21T00:00:00.000Z', result: { Events: 1234, Users: 56.0 } }])).toEqual([
      { timestamp: Date.UTC(2026, 10, 21), values: { Events: 1234, Users: 56 } },
    ]);
  });

  it('reads the wrapped form of a timeseries answer', () => {
    const wrapped = {
      calculationDuration: 0.2,
      calculationFinishedAt: '2026-11-22T08:00:00+0000',
      result: { type: 'timeSeriesResult', rows: [{ timestamp: '2026-11-21T00:00:00.000Z', result: { Events: 1234, Users: 56.0 } }] },
    };
    expect(rows(wrapped)).toEqual([{ timestamp: Date.UTC(2026, 10, 21), values: { Events: 1234, Users: 56 } }]);
  });

  it('reads groupBy rows, bare and wrapped, with the app in `event` as Druid writes it', () => {
    const groupByRows = [{ version: 'v1', timestamp: '2026-11-21T00:00:00.000Z', event: { appID: APP_A, Events: 10, Users: 2.5 } }];
    const expected = [{ timestamp: Date.UTC(2026, 10, 21), values: { appID: APP_A, Events: 10, Users: 2.5 } }];
    expect(rows(groupByRows)).toEqual(expected);
    expect(rows({ result: { type: 'groupByResult', rows: groupByRows } })).toEqual(expected);
  });

  it('skips rows it cannot read and keeps the others', () => {
    expect(rows([null, 5, { timestamp: 'yesterday' }, { timestamp: 'not a date', result: { Events: 3 } }])).toEqual([
      { timestamp: undefined, values: { Events: 3 } },
    ]);
  });

  it.each([
    ['an object of another shape', { hello: 'world' }],
    ['a string', 'rows'],
    ['null', null],
  ])('refuses %s', (_label, json) => {
    expect(tqlResultSchema.safeParse(json).success).toBe(false);
  });
});

describe('statsFromResults', () => {
  const empty = { last24Hours: [], last30Days: [], daily30Days: [] };

  it('gives every app asked about zeros when no rows came (groupBy leaves out empty groups)', () => {
    const stats = statsFromResults(empty, [APP_A], NOW);
    expect(stats[APP_A]).toEqual({ events24h: 0, users24h: 0, events30d: 0, users30d: 0, daily: Array(30).fill(0) });
  });

  it('puts each row with its app and its day, today last', () => {
    const stats = statsFromResults(
      {
        last24Hours: rows([{ timestamp: day(28), event: { appID: APP_A, Events: 40, Users: 7.4 } }]),
        last30Days: rows({
          result: {
            type: 'groupByResult',
            rows: [
              { timestamp: day(0), event: { appID: APP_A, Events: 900, Users: 120.6 } },
              { timestamp: day(0), event: { appID: APP_B, Events: 5, Users: 1 } },
            ],
          },
        }),
        daily30Days: rows([
          { timestamp: day(0), event: { appID: APP_A, Events: 11 } },
          { timestamp: day(29), event: { appID: APP_A, Events: 22 } },
          { timestamp: day(29), event: { appID: APP_B, Events: 3 } },
        ]),
      },
      [APP_A, APP_B],
      NOW,
    );
    expect(stats[APP_A]).toMatchObject({ events24h: 40, users24h: 7.4, events30d: 900, users30d: 120.6 });
    expect(stats[APP_A]!.daily[0]).toBe(11);
    expect(stats[APP_A]!.daily[29]).toBe(22);
    expect(stats[APP_A]!.daily.reduce((a, b) => a + b)).toBe(33);
    expect(stats[APP_B]).toMatchObject({ events30d: 5, daily: [...Array(29).fill(0), 3] });
  });

  it('matches app ids whatever their case, and ignores apps it did not ask about', () => {
    const stats = statsFromResults(
      {
        ...empty,
        last30Days: rows([
          { timestamp: day(0), event: { appID: APP_A.toLowerCase(), Events: 5 } },
          { event: { appID: 'OTHER', Events: 9 } },
        ]),
      },
      [APP_A],
      NOW,
    );
    expect(stats[APP_A]!.events30d).toBe(5);
    expect(Object.keys(stats)).toEqual([APP_A]);
  });

  it('gives a timeseries row without appID to the only app asked about', () => {
    const stats = statsFromResults(
      { ...empty, last24Hours: rows([{ timestamp: day(29), result: { Events: 12, Users: 3.2 } }]) },
      [APP_A],
      NOW,
    );
    expect(stats[APP_A]).toMatchObject({ events24h: 12, users24h: 3.2 });
    // With two apps, such a row belongs to neither.
    const two = statsFromResults({ ...empty, last24Hours: rows([{ result: { Events: 12 } }]) }, [APP_A, APP_B], NOW);
    expect(two[APP_A]!.events24h + two[APP_B]!.events24h).toBe(0);
  });

  it('places days counted in another time zone, and drops days outside the 30', () => {
    const stats = statsFromResults(
      {
        ...empty,
        daily30Days: rows([
          { timestamp: new Date(firstDayStart(NOW) + 5 * DAY_MS - 2 * 3_600_000).toISOString(), event: { appID: APP_A, Events: 4 } },
          { timestamp: day(-1), event: { appID: APP_A, Events: 100 } },
          { timestamp: day(30), event: { appID: APP_A, Events: 100 } },
        ]),
      },
      [APP_A],
      NOW,
    );
    expect(stats[APP_A]!.daily[5]).toBe(4);
    expect(stats[APP_A]!.daily.reduce((a, b) => a + b)).toBe(4);
  });

  it('reads metrics as numbers, numeric strings, "Infinity" or null', () => {
    expect(metricValue(12)).toBe(12);
    expect(metricValue('12.5')).toBe(12.5);
    expect(metricValue('Infinity')).toBe(0);
    expect(metricValue(null)).toBe(0);
    expect(metricValue(-3)).toBe(0);
    expect(metricValue('')).toBe(0);
  });
});

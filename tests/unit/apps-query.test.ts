import { describe, expect, it } from 'vitest';
import { appsFilter, buildAppsQueries, buildAppsQuery } from '../../lib/apps/worker/query';

const APP_A = '8F3E1C2A-0B5D-4E6F-9A7B-1C2D3E4F5A6B';
const APP_B = '1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D';

describe('buildAppsQuery', () => {
  it('asks the organization’s namespace for one groupBy over appID, in the documented shape', () => {
    const query = buildAppsQuery({ namespace: 'com.example', appIds: [APP_A, APP_B], excludeTestMode: true, window: 'last30Days' });
    expect(query).toEqual({
      queryType: 'groupBy',
      dataSource: 'com.example',
      granularity: 'all',
      dimensions: [{ type: 'default', dimension: 'appID', outputName: 'appID' }],
      aggregations: [
        { type: 'eventCount', name: 'Events' },
        { type: 'userCount', name: 'Users' },
      ],
      filter: {
        type: 'and',
        fields: [
          {
            type: 'or',
            fields: [
              { type: 'selector', dimension: 'appID', value: APP_A },
              { type: 'selector', dimension: 'appID', value: APP_B },
            ],
          },
          { type: 'selector', dimension: 'isTestMode', value: 'false' },
        ],
      },
      relativeIntervals: [
        {
          beginningDate: { component: 'day', offset: -29, position: 'beginning' },
          endDate: { component: 'day', offset: 0, position: 'end' },
        },
      ],
    });
  });

  it('covers the last 24 hours with the hour component', () => {
    const query = buildAppsQuery({ namespace: 'com.example', appIds: [APP_A], excludeTestMode: true, window: 'last24Hours' });
    expect(query.granularity).toBe('all');
    expect(query.relativeIntervals).toEqual([
      {
        beginningDate: { component: 'hour', offset: -24, position: 'beginning' },
        endDate: { component: 'hour', offset: 0, position: 'end' },
      },
    ]);
  });

  it('counts events per day for the sparkline, without the users it would not show', () => {
    const query = buildAppsQuery({ namespace: 'com.example', appIds: [APP_A], excludeTestMode: true, window: 'daily30Days' });
    expect(query.granularity).toBe('day');
    expect(query.aggregations).toEqual([{ type: 'eventCount', name: 'Events' }]);
    expect(query.relativeIntervals[0]!.beginningDate).toEqual({ component: 'day', offset: -29, position: 'beginning' });
  });

  it('filters one app with a plain selector', () => {
    expect(appsFilter([APP_A], true)).toEqual({
      type: 'and',
      fields: [
        { type: 'selector', dimension: 'appID', value: APP_A },
        { type: 'selector', dimension: 'isTestMode', value: 'false' },
      ],
    });
  });

  it('drops the test-mode filter when test data is wanted, and keeps the app filter', () => {
    expect(appsFilter([APP_A, APP_B], false)).toEqual({
      type: 'or',
      fields: [
        { type: 'selector', dimension: 'appID', value: APP_A },
        { type: 'selector', dimension: 'appID', value: APP_B },
      ],
    });
  });

  it('refuses a query without apps, which the server would refuse too', () => {
    expect(() => buildAppsQuery({ namespace: 'com.example', appIds: [], excludeTestMode: true, window: 'last24Hours' })).toThrow();
  });

  it('builds the three windows of an organization from the same apps and filter', () => {
    const queries = buildAppsQueries({ namespace: 'com.example', appIds: [APP_A], excludeTestMode: false });
    expect(Object.keys(queries).sort()).toEqual(['daily30Days', 'last24Hours', 'last30Days']);
    for (const query of Object.values(queries)) {
      expect(query.dataSource).toBe('com.example');
      expect(query.filter).toEqual({ type: 'selector', dimension: 'appID', value: APP_A });
    }
  });
});

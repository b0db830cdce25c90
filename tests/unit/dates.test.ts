import { describe, expect, it } from 'vitest';
import { parseTelemetryDeckDate } from '../../lib/api/worker/telemetrydeck-date';

describe('parseTelemetryDeckDate', () => {
  it('reads the server’s +0000 form, which is not ISO 8601 extended form', () => {
    expect(parseTelemetryDeckDate('2023-01-07T13:27:22+0000')).toBe(Date.UTC(2023, 0, 7, 13, 27, 22));
  });

  it.each([
    ['2023-01-07T13:27:22+00:00', Date.UTC(2023, 0, 7, 13, 27, 22)],
    ['2023-01-07T13:27:22Z', Date.UTC(2023, 0, 7, 13, 27, 22)],
    ['2023-01-07T13:27:22.5Z', Date.UTC(2023, 0, 7, 13, 27, 22, 500)],
    ['2023-01-07T13:27:22.123456+0000', Date.UTC(2023, 0, 7, 13, 27, 22, 123)],
    ['2023-01-07T15:27:22+0200', Date.UTC(2023, 0, 7, 13, 27, 22)],
    ['2023-01-07T08:57:22-04:30', Date.UTC(2023, 0, 7, 13, 27, 22)],
    ['2024-02-29T00:00:00+0000', Date.UTC(2024, 1, 29)],
  ])('accepts %s', (text, expected) => {
    expect(parseTelemetryDeckDate(text)).toBe(expected);
  });

  it.each([
    '',
    'garbage',
    '2023-01-07',
    '2023-01-07T13:27:22',
    '2023-13-07T13:27:22+0000',
    '2023-02-30T13:27:22+0000',
    '2023-02-29T00:00:00+0000',
    '2023-01-07T24:00:00+0000',
    '2023-01-07T13:60:00+0000',
    '2023-01-07T13:27:22+2500',
    '2023-01-07T13:27:22+0000 trailing',
    '1673098042',
  ])('refuses %j', (text) => {
    expect(parseTelemetryDeckDate(text)).toBeNull();
  });
});

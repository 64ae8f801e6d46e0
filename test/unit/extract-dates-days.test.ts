import { describe, expect, it } from 'vitest';
import { daysIn, isoDate } from '../../src/extract/dates.js';

describe('days in a month (issue 15: no Date made per date read)', () => {
  it('counts as Date.UTC does, for every four-digit year and month', () => {
    for (let year = 0; year <= 9999; year++)
      for (let month = 1; month <= 12; month++)
        if (daysIn(year, month) !== new Date(Date.UTC(year, month, 0)).getUTCDate())
          expect({ year, month, days: daysIn(year, month) }).toBe('the count Date.UTC gives');
  });

  it('keeps what isoDate accepts', () => {
    expect(isoDate('29', '2', '2024')).toBe('2024-02-29');
    expect(isoDate('29', '2', '2023')).toBeNull();
    expect(isoDate('29', '02', '0000')).toBeNull(); // Date.UTC reads year 0 as 1900, not a leap year
    expect(isoDate('29', '02', '0400')).toBe('0400-02-29');
    expect(isoDate('31', '4', '2017')).toBeNull();
  });
});

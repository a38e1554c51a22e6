import { describe, expect, it } from 'vitest';
import { ConversionError, convertUnits } from './unit-conversion';

describe('convertUnits', () => {
  it.each([
    [10, 'km', 'miles', 6.213711922],
    [1, 'mile', 'm', 1609.344],
    [100, 'celsius', 'f', 212],
    [32, 'F', 'C', 0],
    [0, 'c', 'kelvin', 273.15],
    [2, 'lb', 'kg', 0.90718474],
    [12, 'inches', 'ft', 1],
  ])('%d %s → %s', (value, from, to, expected) => {
    expect(convertUnits(value, from, to).result).toBeCloseTo(expected, 6);
  });

  it('names the units it normalised', () => {
    expect(convertUnits(5, 'Kilometres', 'METERS')).toEqual({ value: 5, from: 'km', to: 'm', result: 5000 });
  });

  it.each([
    [1, 'parsec', 'm', 'unknown unit "parsec"'],
    [1, 'kg', 'm', 'cannot convert mass (kg) to length (m)'],
    [Number.NaN, 'kg', 'g', 'finite'],
  ])('rejects %d %s → %s', (value, from, to, message) => {
    expect(() => convertUnits(value, from, to)).toThrow(ConversionError);
    expect(() => convertUnits(value, from, to)).toThrow(message);
  });
});

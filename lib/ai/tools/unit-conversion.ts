/** Unit conversion for the `convert_units` tool: length, mass and temperature. Pure and exact. */
export class ConversionError extends Error {
  override name = 'ConversionError';
}

type Dimension = 'length' | 'mass' | 'temperature';
interface Unit {
  dimension: Dimension;
  /** Factor to the base unit (metre, kilogram); temperatures use `toBase`/`fromBase`. */
  factor?: number;
  toBase?: (value: number) => number;
  fromBase?: (value: number) => number;
}

const UNITS: Record<string, Unit> = {
  mm: { dimension: 'length', factor: 0.001 },
  cm: { dimension: 'length', factor: 0.01 },
  m: { dimension: 'length', factor: 1 },
  km: { dimension: 'length', factor: 1000 },
  in: { dimension: 'length', factor: 0.0254 },
  ft: { dimension: 'length', factor: 0.3048 },
  yd: { dimension: 'length', factor: 0.9144 },
  mi: { dimension: 'length', factor: 1609.344 },
  g: { dimension: 'mass', factor: 0.001 },
  kg: { dimension: 'mass', factor: 1 },
  oz: { dimension: 'mass', factor: 0.028349523125 },
  lb: { dimension: 'mass', factor: 0.45359237 },
  c: { dimension: 'temperature', toBase: (v) => v, fromBase: (v) => v },
  f: { dimension: 'temperature', toBase: (v) => ((v - 32) * 5) / 9, fromBase: (v) => (v * 9) / 5 + 32 },
  k: { dimension: 'temperature', toBase: (v) => v - 273.15, fromBase: (v) => v + 273.15 },
};

const ALIASES: Record<string, string> = {
  millimeter: 'mm', millimeters: 'mm', millimetre: 'mm', millimetres: 'mm',
  centimeter: 'cm', centimeters: 'cm', centimetre: 'cm', centimetres: 'cm',
  meter: 'm', meters: 'm', metre: 'm', metres: 'm',
  kilometer: 'km', kilometers: 'km', kilometre: 'km', kilometres: 'km',
  inch: 'in', inches: 'in', foot: 'ft', feet: 'ft', yard: 'yd', yards: 'yd',
  mile: 'mi', miles: 'mi', gram: 'g', grams: 'g', kilogram: 'kg', kilograms: 'kg', kgs: 'kg',
  ounce: 'oz', ounces: 'oz', pound: 'lb', pounds: 'lb', lbs: 'lb',
  celsius: 'c', '°c': 'c', fahrenheit: 'f', '°f': 'f', kelvin: 'k',
};

export const SUPPORTED_UNITS = Object.keys(UNITS);

export function normalizeUnit(unit: string): string | undefined {
  const key = unit.trim().toLowerCase();
  const name = ALIASES[key] ?? key;
  return name in UNITS ? name : undefined;
}

export interface Conversion {
  value: number;
  from: string;
  to: string;
  result: number;
}

export function convertUnits(value: number, from: string, to: string): Conversion {
  if (!Number.isFinite(value)) throw new ConversionError('value must be a finite number');
  const fromName = normalizeUnit(from);
  const toName = normalizeUnit(to);
  if (!fromName) throw new ConversionError(`unknown unit "${from}" (known: ${SUPPORTED_UNITS.join(', ')})`);
  if (!toName) throw new ConversionError(`unknown unit "${to}" (known: ${SUPPORTED_UNITS.join(', ')})`);
  const source = UNITS[fromName]!;
  const target = UNITS[toName]!;
  if (source.dimension !== target.dimension) {
    throw new ConversionError(`cannot convert ${source.dimension} (${fromName}) to ${target.dimension} (${toName})`);
  }
  const base = source.toBase ? source.toBase(value) : value * source.factor!;
  const result = target.fromBase ? target.fromBase(base) : base / target.factor!;
  return { value, from: fromName, to: toName, result: Number.parseFloat(result.toPrecision(10)) };
}

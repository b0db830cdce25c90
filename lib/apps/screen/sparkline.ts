/** Geometry of the popup's sparkline: an SVG path through daily values, drawn without a chart library. */

export interface SparklineOptions {
  /** Space kept free above and below, so that a 1.5 px stroke is not clipped. */
  inset?: number;
}

function points(values: readonly number[], width: number, height: number, inset: number): [number, number][] {
  const clean = values.map((value) => (Number.isFinite(value) && value > 0 ? value : 0));
  const max = Math.max(0, ...clean);
  const top = inset;
  const bottom = height - inset;
  // All zeros (or no data) lie on the baseline rather than dividing by zero.
  const y = (value: number) => (max > 0 ? bottom - (value / max) * (bottom - top) : bottom);
  if (clean.length === 1)
    return [
      [0, y(clean[0]!)],
      [width, y(clean[0]!)],
    ];
  const step = width / (clean.length - 1);
  return clean.map((value, index) => [index * step, y(value)]);
}

const round = (n: number) => String(Math.round(n * 100) / 100);

/**
 * `M x,y L x,y …` through the values, oldest at the left edge, newest at the right; the largest value
 * touches the top. Empty for no values; a flat line across the width for one value.
 */
export function sparklinePath(values: readonly number[], width: number, height: number, options: SparklineOptions = {}): string {
  if (values.length === 0 || !(width > 0) || !(height > 0)) return '';
  const inset = Math.min(options.inset ?? 1, height / 2);
  return points(values, width, height, inset)
    .map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${round(x)},${round(y)}`)
    .join(' ');
}

/** The same line closed along the bottom edge, for a light fill under it. */
export function sparklineAreaPath(values: readonly number[], width: number, height: number, options: SparklineOptions = {}): string {
  const line = sparklinePath(values, width, height, options);
  return line ? `${line} L${round(width)},${round(height)} L0,${round(height)} Z` : '';
}

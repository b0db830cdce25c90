import { sparklineAreaPath, sparklinePath } from '../../../lib/apps/screen/sparkline';

const WIDTH = 88;
const HEIGHT = 24;

/** Daily events as a small line, newest at the right; its words are in the label, not in the shape. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const line = sparklinePath(values, WIDTH, HEIGHT, { inset: 1.5 });
  if (!line) return null;
  return (
    <svg class="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <path class="sparkline-area" d={sparklineAreaPath(values, WIDTH, HEIGHT, { inset: 1.5 })} />
      <path class="sparkline-line" d={line} />
    </svg>
  );
}

/** A plain-text table: columns padded to their widest cell; numbers (and PASS/FAIL) aligned right. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  // Figures, with a comparison sign or a unit at most: "12.3", "≤ 1.3×", "23.1 kB", "—".
  const alignRight = (cell: string) => /^([≤=<>~+-]\s*)?[\d.]+\s*(×|ms|kB|h)?$/.test(cell) || cell === '—';
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (alignRight(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function passFail(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL';
}

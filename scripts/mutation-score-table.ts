import { dirname, isAbsolute, relative } from 'node:path';
import { passFail, textTable } from './text-table.ts';

/** The part of StrykerJS's JSON report (mutation-testing-report-schema) that the score needs. */
export interface MutationReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

export interface FolderScore {
  folder: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** StrykerJS's mutation score: killed and timed out, out of all valid mutants; null when there are none. */
  score: number | null;
}

/** The goal each folder is held to. */
export const GOAL_PERCENT = 80;

/** One row per folder holding mutated files (a file's own folder, not its parents), sorted by folder. */
export function scoresByFolder(report: MutationReport, root: string): FolderScore[] {
  const folders = new Map<string, FolderScore>();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = dirname(isAbsolute(file) ? relative(root, file) : file);
    const row = folders.get(folder) ?? { folder, killed: 0, timeout: 0, survived: 0, noCoverage: 0, score: null };
    for (const { status } of mutants) {
      if (status === 'Killed') row.killed++;
      else if (status === 'Timeout') row.timeout++;
      else if (status === 'Survived') row.survived++;
      else if (status === 'NoCoverage') row.noCoverage++;
    }
    folders.set(folder, row);
  }
  return [...folders.values()]
    .map((row) => {
      const valid = row.killed + row.timeout + row.survived + row.noCoverage;
      return { ...row, score: valid === 0 ? null : (100 * (row.killed + row.timeout)) / valid };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

export function scoreTable(rows: FolderScore[]): string {
  const header = ['folder', 'score %', 'killed', 'timeout', 'survived', 'no coverage', `≥ ${GOAL_PERCENT}%`];
  return textTable(
    header,
    rows.map((row) => [
      `${row.folder}/`,
      row.score === null ? '—' : row.score.toFixed(1),
      String(row.killed),
      String(row.timeout),
      String(row.survived),
      String(row.noCoverage),
      row.score === null ? '—' : passFail(row.score >= GOAL_PERCENT),
    ]),
  );
}

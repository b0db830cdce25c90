import { describe, expect, it } from 'vitest';
import { type MutationReport, scoresByFolder, scoreTable } from '../../scripts/mutation-score-table';

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

describe('the mutation score per folder', () => {
  const report: MutationReport = {
    files: {
      'lib/clipboard/digest.ts': mutants('Killed', 'Killed', 'Survived'),
      'lib/clipboard/snippets.ts': mutants('Timeout', 'NoCoverage', 'Ignored', 'CompileError'),
      '/repo/lib/clipboard/worker/pending-clear-store.ts': mutants('Killed', 'Killed', 'Killed', 'Killed', 'Survived'),
      'lib/state/keys.ts': mutants('Ignored'),
    },
  };

  it("adds up each folder's own files, counts timeouts as killed and leaves ignored and invalid mutants out", () => {
    expect(scoresByFolder(report, '/repo')).toEqual([
      { folder: 'lib/clipboard', killed: 2, timeout: 1, survived: 1, noCoverage: 1, score: 60 },
      { folder: 'lib/clipboard/worker', killed: 4, timeout: 0, survived: 1, noCoverage: 0, score: 80 },
      { folder: 'lib/state', killed: 0, timeout: 0, survived: 0, noCoverage: 0, score: null },
    ]);
  });

  it('says of each folder whether it reaches 80%', () => {
    const lines = scoreTable(scoresByFolder(report, '/repo')).split('\n');
    expect(lines[0]).toMatch(/^folder\s+score %\s+killed\s+timeout\s+survived\s+no coverage\s+≥ 80%$/);
    expect(lines[2]).toMatch(/^lib\/clipboard\/\s+60\.0\s+2\s+1\s+1\s+1\s+FAIL$/);
    expect(lines[3]).toMatch(/^lib\/clipboard\/worker\/\s+80\.0\s+4\s+0\s+1\s+0\s+PASS$/);
    expect(lines[4]).toMatch(/^lib\/state\/\s+—\s+0\s+0\s+0\s+0\s+—$/);
  });
});

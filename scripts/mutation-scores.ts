// Prints the mutation score of each folder from StrykerJS's JSON report (`npm run mutation` runs it last).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type MutationReport, scoresByFolder, scoreTable } from './mutation-score-table.ts';

const reportPath = resolve(process.argv[2] ?? 'reports/mutation/mutation.json');
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as MutationReport;
console.log(scoreTable(scoresByFolder(report, process.cwd())));

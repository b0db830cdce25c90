import type { FailureRecord } from '../../state/types';

export interface ReportContext {
  /** The extension's name and version, as its manifest says. */
  extension: string;
  /** `navigator.userAgent`: the browser, its version and the system. */
  browser: string;
  /** The language the extension speaks here. */
  language: string;
}

/**
 * The text "Copy diagnostics" puts on the clipboard, for a bug report: the version, the browser and the
 * failures, newest first. In English, as maintainers read it; each failure's line stays as it was recorded.
 */
export function diagnosticsReport(context: ReportContext, failures: readonly FailureRecord[]): string {
  const lines = [context.extension, `Browser: ${context.browser}`, `Language: ${context.language}`];
  if (failures.length === 0) {
    lines.push('Failures: none recorded.');
  } else {
    lines.push(`Failures (${failures.length}, newest first):`);
    for (const failure of [...failures].reverse()) {
      lines.push(`${new Date(failure.at).toISOString()}  ${failure.step}  ${failure.kind}  ${failure.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

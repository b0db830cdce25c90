import { dashboardAppUrl } from '../../lib/apps-links';
import type { ShownOrganization } from '../../lib/apps-selection';
import { describeAge } from '../../lib/expiry-wording';
import { Alert } from '../Alert';
import { AppRow } from './AppRow';
import { UsageBar } from './UsageBar';

export const NO_NAMESPACE_EXPLANATION =
  'No numbers for this organization: TelemetryDeck sent no namespace for it (older organizations lack one), and queries need it.';

/** One organization: its signal usage, then its apps; problems with its numbers stay here. */
export function OrganizationApps({
  shown,
  excludeTestMode,
  now,
  locale,
  showErrors,
  showName,
}: {
  shown: ShownOrganization;
  showErrors: boolean;
  /** False when the account card right above already names this, the only organization. */
  showName: boolean;
  excludeTestMode: boolean;
  now: number;
  locale: string;
}) {
  const { organization, apps, hidden } = shown;
  const { stats, error } = organization;
  const headingId = `org-${organization.id}`;
  return (
    <section class="org" aria-labelledby={showName ? headingId : undefined} aria-label={showName ? undefined : organization.name}>
      {showName && (
        <h3 class="org-name" id={headingId}>
          {organization.name}
        </h3>
      )}
      {organization.usagePercentage !== undefined && (
        <UsageBar fraction={organization.usagePercentage} maxSignals={organization.maxSignals} locale={locale} />
      )}
      {!organization.namespace && <p class="hint">{NO_NAMESPACE_EXPLANATION}</p>}
      {error && showErrors && (
        <Alert>
          {error.message}
          {stats && apps.some((app) => app.stats) && ` The numbers below were fetched ${describeAge(stats.fetchedAt, now)}.`}
        </Alert>
      )}
      {stats && stats.excludesTestMode !== excludeTestMode && apps.some((app) => app.stats) && (
        <p class="hint">
          These numbers {stats.excludesTestMode ? 'leave out' : 'include'} test-mode data; the next update follows your new setting.
        </p>
      )}
      {apps.length > 0 ? (
        <ul class="app-list">
          {apps.map((app) => (
            <AppRow key={app.id} app={app} href={dashboardAppUrl(organization.id, app.id)} locale={locale} />
          ))}
        </ul>
      ) : (
        organization.apps.length === 0 && <p class="hint">No apps in this organization yet.</p>
      )}
      {hidden > 0 && (
        <p class="hint">
          {hidden === 1 ? '1 more app' : `${hidden} more apps`} not shown.
        </p>
      )}
    </section>
  );
}

import { dashboardAppUrl } from '../../../lib/apps/screen/dashboard-links';
import type { ShownOrganization } from '../../../lib/apps/selection';
import { describeAge } from '../../../lib/text/expiry-wording';
import { plural, t } from '../../../lib/text/i18n';
import { Alert } from '../../Alert';
import { AppRow } from './AppRow';
import { UsageBar } from './UsageBar';

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
      {!organization.namespace && <p class="hint">{t('appsNoNamespace')}</p>}
      {error && showErrors && (
        <Alert>
          {error.message}
          {stats && apps.some((app) => app.stats) && ` ${t('appsFetchedAt', describeAge(stats.fetchedAt, now))}`}
        </Alert>
      )}
      {stats && stats.excludesTestMode !== excludeTestMode && apps.some((app) => app.stats) && (
        <p class="hint">{t(stats.excludesTestMode ? 'appsTestModeLeftOut' : 'appsTestModeIncluded')}</p>
      )}
      {apps.length > 0 ? (
        <ul class="app-list">
          {apps.map((app) => (
            <AppRow key={app.id} app={app} href={dashboardAppUrl(organization.id, app.id)} locale={locale} />
          ))}
        </ul>
      ) : (
        organization.apps.length === 0 && <p class="hint">{t('appsNoneInOrganization')}</p>
      )}
      {hidden > 0 && <p class="hint">{plural(hidden, 'appsMoreOne', 'appsMoreOther')}</p>}
    </section>
  );
}

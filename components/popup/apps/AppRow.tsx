import { formatCount } from '../../../lib/apps/screen/number-format';
import type { ShownApp } from '../../../lib/apps/selection';
import { t } from '../../../lib/text/i18n';
import { ExternalLink } from '../../ExternalLink';
import { Sparkline } from './Sparkline';

/** One app: its dashboard link, its numbers for 24 hours and 30 days, and 30 days of events as a line. */
export function AppRow({ app, href, locale }: { app: ShownApp; href: string; locale: string }) {
  const { stats } = app;
  return (
    <li class="app">
      <div class="app-head">
        <ExternalLink href={href}>{app.name}</ExternalLink>
        {stats && <Sparkline values={stats.daily} label={t('appsSparkline', app.name)} />}
      </div>
      {stats && (
        <dl class="app-stats">
          <div>
            <dt>{t('appsEvents24h')}</dt>
            <dd>{formatCount(stats.events24h, locale)}</dd>
          </div>
          <div>
            <dt>{t('appsUsers24h')}</dt>
            <dd>{formatCount(stats.users24h, locale)}</dd>
          </div>
          <div>
            <dt>{t('appsEvents30d')}</dt>
            <dd>{formatCount(stats.events30d, locale)}</dd>
          </div>
          <div>
            <dt>{t('appsUsers30d')}</dt>
            <dd>{formatCount(stats.users30d, locale)}</dd>
          </div>
        </dl>
      )}
    </li>
  );
}

import { formatCount, formatEstimate } from '../../lib/apps-number-format';
import type { ShownApp } from '../../lib/apps-selection';
import { ExternalLink } from '../ExternalLink';
import { Sparkline } from './Sparkline';

/** One app: its dashboard link, its numbers for 24 hours and 30 days, and 30 days of events as a line. */
export function AppRow({ app, href, locale }: { app: ShownApp; href: string; locale: string }) {
  const { stats } = app;
  return (
    <li class="app">
      <div class="app-head">
        <ExternalLink href={href}>{app.name}</ExternalLink>
        {stats && <Sparkline values={stats.daily} label={`${app.name}: events per day over the last 30 days`} />}
      </div>
      {stats && (
        <dl class="app-stats">
          <div>
            <dt>Events 24 h</dt>
            <dd>{formatCount(stats.events24h, locale)}</dd>
          </div>
          <div>
            <dt>Users 24 h</dt>
            <dd>{formatEstimate(stats.users24h, locale)}</dd>
          </div>
          <div>
            <dt>Events 30 d</dt>
            <dd>{formatCount(stats.events30d, locale)}</dd>
          </div>
          <div>
            <dt>Users 30 d</dt>
            <dd>{formatEstimate(stats.users30d, locale)}</dd>
          </div>
        </dl>
      )}
    </li>
  );
}

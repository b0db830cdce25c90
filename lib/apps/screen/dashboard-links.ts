import { DASHBOARD_ORIGIN } from '../../api/origins';

/** The app's page in the TelemetryDeck dashboard. */
export function dashboardAppUrl(organizationId: string, appId: string): string {
  return `${DASHBOARD_ORIGIN}/o/${encodeURIComponent(organizationId)}/apps/${encodeURIComponent(appId)}`;
}

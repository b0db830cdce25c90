import type { ApiError } from '../../api/error';
import { t } from '../../text/i18n';

/**
 * The apps section's own wording where the general sentence would mislead. A 401 from a query stays an
 * unexpected answer quoting the server's reason: only `users/info` can say the token was rejected.
 */
export function appsError(error: ApiError): ApiError {
  if (error.kind === 'forbidden') return { ...error, message: t('errorQueriesNeedPaidPlan') };
  return error;
}

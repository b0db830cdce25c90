import { useState } from 'preact/hooks';
import { PERSONAL_ACCESS_TOKENS_URL } from '../../lib/api/origins';
import { t } from '../../lib/text/i18n';
import { Notice } from '../Alert';
import { MethodTabs } from './MethodTabs';
import { PasswordSignInForm } from './PasswordSignInForm';
import { TextWithLink } from './TextWithLink';
import { TokenSignInForm } from './TokenSignInForm';

type Method = 'token' | 'password';

/**
 * The popup signed out: a choice of sign-in method, and after signing out of a token, where to revoke it. To sign
 * in again after a session ended, the email form alone, with the account's email filled in.
 */
export function SignedOutView({ removedPat, again }: { removedPat: boolean; again?: { email?: string; onCancel: () => void } }) {
  const [method, setMethod] = useState<Method>('token');
  if (again) {
    return (
      <>
        <PasswordSignInForm knownEmail={again.email} />
        <button type="button" class="link-button" onClick={again.onCancel}>
          {t('cancel')}
        </button>
      </>
    );
  }
  return (
    <>
      {removedPat && (
        <Notice>
          <TextWithLink text={t('signedOutPatNotice')} href={PERSONAL_ACCESS_TOKENS_URL} />
        </Notice>
      )}
      <MethodTabs<Method>
        label={t('signInMethod')}
        selected={method}
        onSelect={setMethod}
        tabs={[
          { id: 'token', label: t('tabToken'), panel: <TokenSignInForm /> },
          { id: 'password', label: t('tabPassword'), panel: <PasswordSignInForm /> },
        ]}
      />
    </>
  );
}

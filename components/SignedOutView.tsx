import { useState } from 'preact/hooks';
import { PERSONAL_ACCESS_TOKENS_URL } from '../lib/api/origins';
import { t } from '../lib/text/i18n';
import { Notice } from './Alert';
import { MethodTabs } from './MethodTabs';
import { PasswordSignInForm } from './PasswordSignInForm';
import { TextWithLink } from './TextWithLink';
import { TokenSignInForm } from './TokenSignInForm';

type Method = 'token' | 'password';

/** The popup signed out: a choice of sign-in method, and after signing out of a token, where to revoke it. */
export function SignedOutView({ removedPat }: { removedPat: boolean }) {
  const [method, setMethod] = useState<Method>('token');
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

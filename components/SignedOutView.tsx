import { useState } from 'preact/hooks';
import { PERSONAL_ACCESS_TOKENS_URL } from '../lib/api-origins';
import { Notice } from './Alert';
import { ExternalLink } from './ExternalLink';
import { MethodTabs } from './MethodTabs';
import { PasswordSignInForm } from './PasswordSignInForm';
import { TokenSignInForm } from './TokenSignInForm';

type Method = 'token' | 'password';

/** The popup signed out: a choice of sign-in method, and after signing out of a token, where to revoke it. */
export function SignedOutView({ removedPat }: { removedPat: boolean }) {
  const [method, setMethod] = useState<Method>('token');
  return (
    <>
      {removedPat && (
        <Notice>
          Signed out. The token still works until you revoke it in the{' '}
          <ExternalLink href={PERSONAL_ACCESS_TOKENS_URL}>TelemetryDeck dashboard</ExternalLink>.
        </Notice>
      )}
      <MethodTabs<Method>
        label="Sign-in method"
        selected={method}
        onSelect={setMethod}
        tabs={[
          { id: 'token', label: 'Access token', panel: <TokenSignInForm /> },
          { id: 'password', label: 'Email & password', panel: <PasswordSignInForm /> },
        ]}
      />
    </>
  );
}

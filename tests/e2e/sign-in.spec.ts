import { expect, test } from './fixtures';

const PASSWORD = 'pässwörd 🔑:x';

test.describe('signing in with a personal access token', () => {
  test('refuses what is not a tdpat_ token, naming the prefix, and sends nothing', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await expect(popup.getByRole('tab', { name: /token/i })).toHaveAttribute('aria-selected', 'true');
    for (const value of ['ghp_abcdefghijklmnop', 'tdpat_has inner space', '   ']) {
      await popup.getByLabel('Personal access token').fill(value);
      await popup.getByRole('button', { name: 'Sign in' }).click();
      await expect(popup.getByRole('alert')).toContainText('tdpat_');
    }
    expect(server.requests).toHaveLength(0);
  });

  test('trims the pasted token, checks it with users/info, and shows the account', async ({ server, extension }) => {
    server.addUser({
      email: 'ada@example.com',
      password: PASSWORD,
      firstName: 'Ada',
      lastName: 'Lovelace',
      organizationName: 'Analytical Engines',
    });
    const token = server.mintPat('ada@example.com');
    extension.secrets.add(token);
    const popup = await extension.openPopup();
    await popup.getByLabel('Personal access token').fill(`\n  ${token}  \n`);
    await popup.getByRole('button', { name: 'Sign in' }).click();

    await expect(popup.getByText('Ada Lovelace')).toBeVisible();
    await expect(popup.getByText('ada@example.com')).toBeVisible();
    await expect(popup.getByText('verified', { exact: true })).toBeVisible();
    await expect(popup.getByText('Analytical Engines')).toBeVisible();
    await expect(popup.getByText('Personal access token', { exact: false }).first()).toBeVisible();
    await expect(popup.getByText(`tdpat_…${token.slice(-4)}`)).toBeVisible();
    await expect(popup.getByText('No expiry date recorded')).toBeVisible();
    await expect(popup.getByText(/Updated just now/)).toBeVisible();

    const userInfo = server.requests.filter((request) => request.path === '/api/v3/users/info');
    expect(userInfo).toHaveLength(1);
    expect(userInfo[0]!.headers.authorization).toBe(`Bearer ${token}`);
    // Once stored, the full token is never in a page again.
    expect(await popup.content()).not.toContain(token);
    expect(await extension.badge()).toMatchObject({ text: '' });
  });

  test('takes the expiry window picked in the dashboard, and the badge counts down to it', async ({ server, extension }) => {
    server.addUser({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });
    const token = server.mintPat('ada@example.com');
    extension.secrets.add(token);
    const popup = await extension.openPopup();
    await popup.getByLabel('Personal access token').fill(token);
    await popup.getByText('Name and expiry').click();
    await popup.getByLabel('Token name').fill('Browser toolbar');
    await popup.getByLabel('Expires', { exact: true }).selectOption('30');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByText(/Expires in (29|30) days/)).toBeVisible();
    await expect(popup.getByText('“Browser toolbar”')).toBeVisible();
    await expect.poll(async () => (await extension.badge()).text).toBe('29d');
    const badge = await extension.badge();
    expect(badge.color.slice(0, 3)).toEqual([26, 127, 55]);
    expect(badge.title).toMatch(/Expires in 29 days/);
  });

  test('explains a 403 as needing a paid plan', async ({ server, extension }) => {
    server.addUser({ email: 'free@example.com', password: 'free-plan-pass', plan: 'free' });
    const token = server.mintPat('free@example.com');
    extension.secrets.add(token);
    const popup = await extension.openPopup();
    await popup.getByLabel('Personal access token').fill(token);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('alert')).toContainText(/paid TelemetryDeck plan/);
    expect(await extension.storage('local')).not.toHaveProperty('credential');
  });

  test('says a revoked token was rejected', async ({ server, extension }) => {
    server.addUser({ email: 'ada@example.com' });
    const token = server.mintPat('ada@example.com');
    extension.secrets.add(token);
    server.revoke(token);
    const popup = await extension.openPopup();
    await popup.getByLabel('Personal access token').fill(token);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('alert')).toContainText(/rejected|revoked|expired/);
  });
});

test.describe('signing in with email and password', () => {
  test('encodes a Unicode password as UTF-8, stores the session, never the password', async ({ server, extension }) => {
    server.addUser({ email: 'ada@example.com', password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace' });
    extension.secrets.add(PASSWORD);
    const popup = await extension.openPopup();
    await popup.getByRole('tab', { name: /email/i }).click();
    await popup.getByLabel('Email').fill('ada@example.com');
    await popup.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByText('Ada Lovelace')).toBeVisible();
    await expect(popup.getByText('Signed-in session')).toBeVisible();
    await expect(popup.getByText(/Expires in (29|30) days/)).toBeVisible();

    const login = server.requests.find((request) => request.path === '/api/v3/users/login')!;
    expect(login.method).toBe('POST');
    expect(login.body).toBe('');
    const decoded = Buffer.from(login.headers.authorization!.replace(/^Basic /, ''), 'base64').toString('utf8');
    expect(decoded).toBe(`ada@example.com:${PASSWORD}`);

    const stored = await extension.storage('local');
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(stored.tokenState).toMatchObject({ token: { kind: 'session', createdAt: expect.any(Number), expiresAt: expect.any(Number) } });
    // The session's server-side id is not kept: nothing read it.
    expect((stored.tokenState as { token: object }).token).not.toHaveProperty('serverTokenId');
    const sessionToken = (stored.credential as { token: string }).token;
    extension.secrets.add(sessionToken);
    await expect.poll(async () => (await extension.badge()).text).toMatch(/^(29|30)d$/);
  });

  test('clears the password after a failed attempt and points SSO users to a token', async ({ server, extension }) => {
    server.addUser({ email: 'ada@example.com', password: PASSWORD });
    extension.secrets.add('wrong password');
    const popup = await extension.openPopup();
    await popup.getByRole('tab', { name: /email/i }).click();
    await popup.getByLabel('Email').fill('ada@example.com');
    await popup.getByLabel('Password', { exact: true }).fill('wrong password');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    const alert = popup.getByRole('alert');
    await expect(alert).toContainText(/email or password is wrong/);
    await expect(alert).toContainText(/Google, GitHub or Okta/);
    await expect(popup.getByLabel('Password', { exact: true })).toHaveValue('');
    await expect(popup.getByLabel('Email')).toHaveValue('ada@example.com');
  });
});

// Usage: node tests/fake-server/cli.ts [--port 8787] [--host 127.0.0.1]
import { parseArgs } from 'node:util';
import { seedDemo } from './demo-data.ts';
import { startFakeServer } from './server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${values.port}`);
  process.exit(2);
}

const server = await startFakeServer({ port, host: values.host });
const demo = seedDemo(server);

// Demo data, printed on purpose so that a person can sign in with it.
console.log(`Fake TelemetryDeck API listening on ${server.origin}

Paid account (email + password, or personal access token):
  email     ${demo.paid.email}
  password  ${demo.paid.password}
  token     ${demo.paid.pat}  (expires ${demo.paid.patExpiresAt.toISOString()})

SSO account (no password; sign-in answers 401):
  email     ${demo.sso.email}

Free-plan account (signs in; API calls answer 403):
  email     ${demo.free.email}
  password  ${demo.free.password}

Press Ctrl-C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}

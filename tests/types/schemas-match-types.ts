// Each strict schema and the type it guards say the same: each must be assignable to the other. tsc checks this
// file (`npm run typecheck`), vitest never runs it; it lives outside lib/ because StrykerJS cannot place mutants in
// these type-level expressions, and they have no run-time behaviour to mutate.
import type { z } from 'zod/mini';
import type { PendingClear } from '../../lib/clipboard/clear-policy';
import type { pendingClearSchema } from '../../lib/clipboard/worker/pending-clear-store';
import type { Intent } from '../../lib/protocol/intents';
import type { intentSchema } from '../../lib/protocol/worker/intent-schema';
import type { AppsState, Diagnostics, Notice, Reminders, Settings, StoredCredential, TokenState } from '../../lib/state/types';
import type {
  appsStateSchema,
  credentialSchema,
  diagnosticsSchema,
  noticeSchema,
  remindersSchema,
  settingsSchema,
  tokenStateSchema,
} from '../../lib/state/worker/schemas';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Describes<Schema extends z.ZodMiniType, T> = Same<z.output<Schema>, T>;

true satisfies Describes<typeof intentSchema, Intent>;
true satisfies Describes<typeof pendingClearSchema, PendingClear>;
true satisfies Describes<typeof credentialSchema, StoredCredential>;
true satisfies Describes<typeof tokenStateSchema, TokenState>;
true satisfies Describes<typeof settingsSchema, Settings>;
true satisfies Describes<typeof remindersSchema, Reminders>;
true satisfies Describes<typeof noticeSchema, Notice>;
true satisfies Describes<typeof appsStateSchema, AppsState>;
true satisfies Describes<typeof diagnosticsSchema, Diagnostics>;

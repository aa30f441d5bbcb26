import { describe, expect, it } from 'vitest';
import * as shared from './index.ts';

describe('@servio/shared public API', () => {
  it('exports what the server and the tablet build on', () => {
    for (const name of [
      'PROTOCOL_VERSION',
      'PushRequestSchema',
      'PushResultSchema',
      'PullRequestSchema',
      'PullResultSchema',
      'PokeMessageSchema',
      'REJECTION_REASONS',
      'REJECTION_MESSAGES',
      'MutationRejected',
      'MutationSchema',
      'RawMutationSchema',
      'parseMutation',
      'applyMutation',
      'computeOrderTotals',
      'deriveOrderStatus',
      'authorize',
      'can',
      'businessDay',
      'formatOrderNumber',
      'splitEvenly',
      'formatMoney',
      'ROW_SCHEMAS',
      'newId',
    ]) {
      expect(shared, name).toHaveProperty(name);
    }
  });
});

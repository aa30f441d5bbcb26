import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MUTATION_DEFINITIONS, MutationEnvelopeSchema } from './mutations.ts';
import {
  PokeMessageSchema,
  PROTOCOL_VERSION,
  PullRequestSchema,
  PullResultSchema,
  PushRequestSchema,
  PushResultSchema,
} from './protocol.ts';

/** Everything a tablet and the server exchange, as JSON Schema: the mutation catalogue and the messages. */
function protocolJsonSchema() {
  return {
    protocolVersion: PROTOCOL_VERSION,
    mutations: Object.fromEntries(
      MUTATION_DEFINITIONS.map((definition) => [definition.name, z.toJSONSchema(definition.args)]),
    ),
    messages: {
      mutationEnvelope: z.toJSONSchema(MutationEnvelopeSchema),
      pushRequest: z.toJSONSchema(PushRequestSchema),
      pushResult: z.toJSONSchema(PushResultSchema),
      pullRequest: z.toJSONSchema(PullRequestSchema),
      pullResult: z.toJSONSchema(PullResultSchema),
      poke: z.toJSONSchema(PokeMessageSchema),
    },
  };
}

const WHAT_TO_DO = `The sync protocol's shape changed, but PROTOCOL_VERSION (${PROTOCOL_VERSION}) did not.
Tablets in the field speak the recorded shape. Bump PROTOCOL_VERSION in shared/src/protocol.ts,
add a line to its history comment (what changed, and whether older clients stay compatible:
see isCompatibleProtocol), and run this test again: it records protocol-snapshots/v<new>.json,
which you commit. Never rewrite the snapshot of a version that has shipped (no \`-u\` here).`;

describe('protocol snapshot', () => {
  it(`[S10] the protocol's JSON Schema is the one recorded for version ${PROTOCOL_VERSION}`, async () => {
    const schema = `${JSON.stringify(protocolJsonSchema(), null, 2)}\n`;
    await expect(schema).toMatchFileSnapshot(
      `./protocol-snapshots/v${PROTOCOL_VERSION}.json`,
      WHAT_TO_DO,
    );
  });
});

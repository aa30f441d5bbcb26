import { prepareTemplates } from './support/test-db.ts';

// Build the migrated database templates once, before the workers start, so each test file
// gets a fresh database in well under a second instead of paying for initdb and migrations.
export default async function setup(): Promise<void> {
  await prepareTemplates();
}

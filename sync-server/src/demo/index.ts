// The demo domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { demoUrls, seedDemoVenue } from './seed.ts';

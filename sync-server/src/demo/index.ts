// The demo domain's entry: other domains import from here only (eslint.config.js).
export { demoUrls, seedDemoVenue } from './seed.ts';

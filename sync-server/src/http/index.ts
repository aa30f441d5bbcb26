// The http domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { type DocumentedRoute, RouteCatalog } from './documented-routes.ts';
export { errorHandler } from './error-handler.ts';
export { httpHooks } from './hooks.ts';
export { loggerOptions } from './logging.ts';
export { redactDeep, redactText, redactUrl } from './redact.ts';
export { defaultPwaDir, pwaStatic } from './pwa-static.ts';
export { type RateLimits } from './rate-limit.ts';
export { requestIdFrom } from './request-id.ts';
export { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.ts';

import { z } from 'zod';

// The server's Content-Security-Policy allows no eval (sync-server/src/http/security-headers.ts).
// zod probes for it with a caught `new Function` when a schema is built, which the browser still
// reports as a violation; jitless skips the probe. main.tsx imports this first, before any module
// that builds a schema at load.
z.config({ jitless: true });

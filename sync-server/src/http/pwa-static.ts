import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { repoRoot } from '../config/index.ts';
import { API_PATH } from './api-path.ts';

export const defaultPwaDir = path.join(repoRoot, 'pwa/dist');

/**
 * Serves the built tablet app and answers every unknown path: the app's index.html for a page
 * (deep links route on the client), a JSON 404 for the API. With fastify-plugin, because the
 * not-found handler and `reply.sendFile` must be the whole server's.
 */
export const pwaStatic = fp<{ pwaDir?: string }>(
  async (app: FastifyInstance, { pwaDir = defaultPwaDir }) => {
    const built = existsSync(path.join(pwaDir, 'index.html'));
    if (built) {
      await app.register(fastifyStatic, {
        root: pwaDir,
        wildcard: true,
        index: 'index.html',
        setHeaders(res, filePath) {
          // Hashed assets never change; everything else (index.html, sw.js, manifest) must be revalidated
          // so a new release reaches tablets through the service worker's update prompt.
          const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
          res.header(
            'cache-control',
            immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }
    app.setNotFoundHandler((request, reply) => {
      const wantsPage = request.method === 'GET' && !API_PATH.test(request.url);
      if (wantsPage && built) {
        // SPA fallback: deep links (/kitchen, /t/<token>) load the app, which routes on the client.
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      if (wantsPage) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(
            `The tablet app is not built. Run "pnpm build" (or "pnpm start", which builds it) and reload.`,
          );
      }
      return reply.code(404).send({
        error: 'not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      });
    });
  },
  { name: 'servio-pwa-static' },
);

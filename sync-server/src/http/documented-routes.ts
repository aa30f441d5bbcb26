import type { z } from 'zod';

/** An HTTP route outside tRPC, described for /api-docs from the same zod schemas that parse it. */
export interface DocumentedRoute {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  auth: string;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, string>;
}

export class RouteCatalog {
  readonly routes: DocumentedRoute[] = [];
  add<T extends DocumentedRoute>(route: T): T {
    this.routes.push(route);
    return route;
  }
}

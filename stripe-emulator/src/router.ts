import type { Route } from './context.ts';
import { unrecognizedUrl } from './errors.ts';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

/** Matches `/v1/payment_intents/:id/confirm`-style patterns; ids are one path segment. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((route) => {
      const names: string[] = [];
      const source = route.pattern.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  match(method: string, path: string): RouteMatch {
    for (const { route, pattern, names } of this.routes) {
      if (route.method !== method) continue;
      const found = pattern.exec(path);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      names.forEach((name, index) => {
        const raw = found[index + 1] ?? '';
        try {
          pathParams[name] = decodeURIComponent(raw);
        } catch {
          pathParams[name] = raw;
        }
      });
      return { route, pathParams };
    }
    throw unrecognizedUrl(method, path);
  }
}

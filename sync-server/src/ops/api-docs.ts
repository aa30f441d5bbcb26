import type { AnyTRPCRouter } from '@trpc/server';
import { z } from 'zod';
import type { DocumentedRoute } from '../http/index.ts';
import type { ProcedureMeta } from '../trpc/index.ts';

export interface ProcedureDoc {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  http: string;
  summary: string;
  input: unknown;
}

export interface RouteDoc {
  method: string;
  path: string;
  summary: string;
  auth: string;
  query: unknown;
  body: unknown;
  responses: Record<number, string>;
}

export interface ApiDocs {
  procedures: ProcedureDoc[];
  routes: RouteDoc[];
}

function jsonSchema(schema: unknown): unknown {
  if (!(schema instanceof z.ZodType))
    return schema === undefined ? null : { description: 'custom parser' };
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
  } catch {
    return { description: 'not representable as JSON Schema' };
  }
}

/** Built from the router and the route catalogue themselves, so the docs cannot drift from the code. */
export function buildApiDocs(router: AnyTRPCRouter, routes: DocumentedRoute[]): ApiDocs {
  const procedures = Object.entries(router._def.procedures as Record<string, { _def: unknown }>)
    .map(([path, procedure]) => {
      const def = procedure._def as {
        type: ProcedureDoc['type'];
        inputs: unknown[];
        meta?: ProcedureMeta;
      };
      const inputs = def.inputs.map(jsonSchema);
      return {
        path,
        type: def.type,
        http:
          def.type === 'query'
            ? `GET /trpc/${path}?input=<JSON>`
            : def.type === 'mutation'
              ? `POST /trpc/${path}`
              : `GET /trpc/${path} (Server-Sent Events)`,
        summary: def.meta?.summary ?? '',
        input: inputs.length <= 1 ? (inputs[0] ?? null) : { allOf: inputs },
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    procedures,
    routes: routes
      .map((route) => ({
        method: route.method,
        path: route.path,
        summary: route.summary,
        auth: route.auth,
        query: route.query ? jsonSchema(route.query) : null,
        body: route.body ? jsonSchema(route.body) : null,
        responses: route.responses,
      }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const schemaBlock = (label: string, schema: unknown) =>
  schema === null
    ? ''
    : `<details><summary>${label}</summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>`;

export function renderApiDocsHtml(docs: ApiDocs): string {
  const routeRows = docs.routes
    .map(
      (
        r,
      ) => `<section id="${escape(r.method + r.path)}"><h3><code>${r.method} ${escape(r.path)}</code></h3>
<p>${escape(r.summary)}</p><p><strong>Auth:</strong> ${escape(r.auth)}</p>
<p><strong>Responses:</strong> ${Object.entries(r.responses)
        .map(([code, text]) => `<code>${code}</code> ${escape(text)}`)
        .join(
          '; ',
        )}</p>${schemaBlock('Query parameters', r.query)}${schemaBlock('Body', r.body)}</section>`,
    )
    .join('\n');
  const procedureRows = docs.procedures
    .map(
      (
        p,
      ) => `<section id="${escape(p.path)}"><h3><code>${escape(p.path)}</code> <small>${p.type}</small></h3>
<p><code>${escape(p.http)}</code></p><p>${escape(p.summary)}</p>${schemaBlock('Input', p.input)}</section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Servio API</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#111}
section{border-top:1px solid #ddd;padding:.5rem 0}pre{background:#f5f5f5;padding:.75rem;overflow:auto;font-size:13px}small{color:#555}</style></head>
<body><h1>Servio API</h1><p>Generated from the server's zod schemas. Machine-readable: <a href="/api-docs.json">/api-docs.json</a>.
tRPC procedures are served at <code>/trpc</code>; queries take <code>?input=</code> (URL-encoded JSON), mutations a JSON body.</p>
<h2>HTTP routes</h2>${routeRows}<h2>tRPC procedures</h2>${procedureRows}</body></html>`;
}

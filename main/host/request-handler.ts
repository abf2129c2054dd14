import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { sendText } from './http-responses';
import { splitRequestTarget } from './request-target';
import type { RouteTable } from './routes';
import { applySecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';

const ALLOWED_METHODS = 'GET, HEAD';

export interface RequestHandlerOptions {
  routes: RouteTable;
  /** Real path of the static root (see resolveStaticRoot). */
  staticRoot: string;
  log: (line: string) => void;
  /** Response headers (security-headers.ts); the defaults when absent. */
  headers?: Readonly<Record<string, string>>;
}

export function createRequestHandler(options: RequestHandlerOptions): RequestListener {
  return (req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      // Path only: query strings may carry credentials (signaling tickets) and never reach logs.
      const pathOnly = (req.url ?? '?').split('?')[0];
      options.log(`Request ${req.method ?? '?'} ${pathOnly} failed: ${describe(error)}`);
      try {
        if (res.headersSent) res.destroy();
        else sendText(req, res, 500, 'Internal server error');
      } catch {
        // The error answer failed too (socket gone mid-write): drop this request, never the process.
        res.destroy();
      }
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: RequestHandlerOptions): Promise<void> {
  // Set first, so error responses carry them too.
  applySecurityHeaders(res, options.headers);

  // Nothing on the host changes state over plain HTTP; collaboration runs over WebSockets.
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', ALLOWED_METHODS);
    return sendText(req, res, 405, 'Method not allowed');
  }

  const target = splitRequestTarget(req.url);
  if (target === null) return sendText(req, res, 400, 'Bad request');

  const route = options.routes.get(target.pathname);
  if (route !== undefined) return route(req, res);
  return serveStatic(req, res, options.staticRoot, target.pathname);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

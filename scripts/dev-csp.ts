// `npm start` serves the page from Vite's dev server, whose client talks over a WebSocket and
// injects styles: the page's strict Content-Security-Policy would block both. In development only
// (Vite's `serve`), the policy is widened for exactly that; the built page keeps the strict one.
import type { Plugin } from 'vite';

/** The page's CSP with what the dev server needs added: inline styles and its local socket. */
export function devServerCsp(html: string): string {
  return html.replace(
    /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/,
    (_, head: string, policy: string) => {
      const widened = policy
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
      return `${head}${widened}"`;
    },
  );
}

/** The Vite plugin: only while serving, never in a build. */
export function devCsp(): Plugin {
  return { name: 'vigie-dev-csp', apply: 'serve', transformIndexHtml: devServerCsp };
}

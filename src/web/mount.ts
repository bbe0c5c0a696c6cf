// What `ribao serve` mounts beside the app's own routes: the subscription endpoints (email/routes.ts)
// and the built site, read-only under `/`, served by the demo's own handler (serve/static.ts).

import type { MailContext } from '../email/context.ts';
import { handleMailRoutes } from '../email/routes.ts';
import { serveStatic } from '../serve/static.ts';
import type { AppOptions, Mounted } from './server.ts';

export function mounts(options: {
  mail?: MailContext | null;
  site?: string | null;
}): Pick<AppOptions, 'before' | 'fallback'> {
  const { mail, site } = options;
  return {
    before: mail ? [(req, res) => handleMailRoutes(req, res, mail)] : [],
    fallback: site ? siteFiles(site) : null,
  };
}

/**
 * The built site: static.ts's request handler, used without listening, so the files are served
 * by exactly the demo's rules (GET/HEAD only, nothing outside the folder, the site's own CSP).
 */
export function siteFiles(root: string): Mounted {
  const files = serveStatic(root);
  return async (req, res) => {
    files.emit('request', req, res);
    return true;
  };
}

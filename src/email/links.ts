// Where the subscription pages live under the site's base URL: the links printed in mails and the
// paths the routes answer are made here, from the same base, so they always agree.

export interface MailLinks {
  /** Absolute URLs, for mails. */
  confirm(token: string): string;
  unsubscribe(token: string): string;
  /** Paths the routes answer (the base URL's path included). */
  paths: { subscribe: string; confirm: string; unsubscribe: string };
  /** The host name, for `List-Id` and `Message-ID`. */
  host: string;
}

export function mailLinks(baseUrl: string): MailLinks {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const at = (path: string, token: string) => {
    const url = new URL(path, base);
    url.searchParams.set('token', token);
    return url.href;
  };
  return {
    confirm: (token) => at('subscribe/confirm', token),
    unsubscribe: (token) => at('unsubscribe', token),
    paths: {
      subscribe: new URL('subscribe', base).pathname,
      confirm: new URL('subscribe/confirm', base).pathname,
      unsubscribe: new URL('unsubscribe', base).pathname,
    },
    host: base.hostname,
  };
}

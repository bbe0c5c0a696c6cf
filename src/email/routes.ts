// The subscription endpoints for the web app to mount: POST /subscribe, GET/POST /subscribe/confirm,
// GET/POST /unsubscribe (RFC 8058 one-click). A GET only ever shows a page with a button; state
// changes on POST alone, because link scanners and mail clients prefetch GETs.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, InputError } from '../errors.ts';
import type { MailContext } from './context.ts';
import { buttonPage, messagePage, PAGE_HEADERS, subscribeForm } from './pages.ts';
import { confirm, subscribe, unsubscribe } from './subscribers.ts';

const MAX_BODY = 16 * 1024;

/** Answers the request when it is one of ours; false leaves it to the caller. */
export async function handleMailRoutes(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: MailContext,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const { paths } = ctx.links;
  const route =
    url.pathname === paths.subscribe
      ? subscribeRoute
      : url.pathname === paths.confirm
        ? confirmRoute
        : url.pathname === paths.unsubscribe
          ? unsubscribeRoute
          : null;
  if (!route) return false;
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (method !== 'GET' && method !== 'POST') {
    send(res, 405, messagePage('不支持的请求', `${req.method} is not allowed here.`), { allow: 'GET, POST' });
    return true;
  }
  try {
    const form = method === 'POST' ? await readForm(req) : new URLSearchParams();
    const [status, html] = await route(ctx, method, url, form);
    send(res, status, html);
  } catch (error) {
    if (error instanceof BodyError) send(res, error.status, messagePage('请求无效', error.message));
    else if (error instanceof InputError) send(res, 400, messagePage('无法订阅', error.message));
    else {
      ctx.log.warn(`${req.method} ${url.pathname}: ${describe(error)}`);
      send(res, 503, messagePage('暂时出错了', '请稍后再试。Something went wrong; please try again later.'));
    }
  }
  return true;
}

type Route = (ctx: MailContext, method: string, url: URL, form: URLSearchParams) => Promise<[number, string]>;

const subscribeRoute: Route = async (ctx, method, _url, form) => {
  const publications = Object.entries(ctx.config.publications).map(([name, p]) => ({ name, title: p.title }));
  if (method === 'GET') return [200, subscribeForm(ctx.links.paths.subscribe, publications)];
  const keywords = form.getAll('keyword').concat((form.get('keywords') ?? '').split(/[,，、]/));
  const { result } = await subscribe(ctx, form.get('email') ?? '', form.get('publication') ?? '', {
    sections: form.getAll('section'),
    keywords,
  });
  // The same answer whether the address was new, already subscribed or over its limit.
  ctx.log.debug(`subscribe via the web: ${result}`);
  return [
    200,
    messagePage(
      '请查收确认邮件',
      '如果这个地址可以订阅，我们刚刚发去了一封确认邮件；点击其中的链接并确认后才开始发送。',
    ),
  ];
};

const confirmRoute: Route = async (ctx, method, url, form) => {
  const token = form.get('token') ?? url.searchParams.get('token') ?? '';
  if (method === 'GET') {
    if (!token) return [400, messagePage('链接不完整', '这个确认链接缺少令牌，请复制邮件中的完整链接。')];
    return [
      200,
      buttonPage('确认订阅', '点击下面的按钮确认订阅。', ctx.links.paths.confirm, token, '确认订阅'),
    ];
  }
  const done = await confirm(ctx, token);
  if (!done)
    return [404, messagePage('链接无效或已过期', '这个确认链接已经用过、已过期或不完整。请重新订阅。')];
  const title = ctx.config.publications[done.publication]?.title ?? done.publication;
  return [200, messagePage('订阅已确认', `「${title}」的下一期会发到你的邮箱。每封邮件底部都有退订链接。`)];
};

const unsubscribeRoute: Route = async (ctx, method, url, form) => {
  // RFC 8058: the token is in the URL of the List-Unsubscribe header, the body says One-Click.
  const token = url.searchParams.get('token') ?? form.get('token') ?? '';
  if (method === 'GET') {
    const found = token ? await ctx.store.findSubscriber({ unsubscribeToken: token }) : null;
    if (!found) return [404, messagePage('链接无效', '这个退订链接无效或不完整。')];
    const title = ctx.config.publications[found.publication]?.title ?? found.publication;
    return [
      200,
      buttonPage('退订', `点击下面的按钮退订「${title}」。`, ctx.links.paths.unsubscribe, token, '退订'),
    ];
  }
  const how = form.get('List-Unsubscribe') === 'One-Click' ? 'one-click' : 'unsubscribe page';
  const done = await unsubscribe(ctx, token, how);
  if (!done) return [404, messagePage('链接无效', '这个退订链接无效或不完整。')];
  const title = ctx.config.publications[done.publication]?.title ?? done.publication;
  return [200, messagePage('已退订', `你不会再收到「${title}」。`)];
};

class BodyError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** A form body (urlencoded); a multipart one (RFC 8058 allows it) counts as empty: the URL holds the token. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BodyError(413, `The form is larger than ${MAX_BODY} bytes.`);
    chunks.push(chunk);
  }
  if (type === 'application/x-www-form-urlencoded')
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  if (type === 'multipart/form-data' || size === 0) return new URLSearchParams();
  throw new BodyError(415, 'Send the form as application/x-www-form-urlencoded.');
}

function send(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...PAGE_HEADERS, ...headers, 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

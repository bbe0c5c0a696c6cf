import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { ConfigSchema } from '../config/schema.ts';
import type { Subscriber } from '../store/store.ts';
import { mailLinks } from './links.ts';
import { markdownToMailHtml } from './markdown-mail.ts';
import { editionMail, messageId } from './message.ts';
import { rawMessage, sampleEdition, sinkEmailConfig } from './testing.ts';
import { header, leaves, readMime } from './testing-mime.ts';

const ctx = {
  config: ConfigSchema.parse({ site: { baseUrl: 'https://news.example.com/ribao/' } }),
  email: sinkEmailConfig(25),
  links: mailLinks('https://news.example.com/ribao/'),
};

const subscriber: Subscriber = {
  email: 'Ann@example.com',
  publication: 'daily',
  status: 'active',
  sections: [],
  keywords: ['agent'],
  unsubscribeToken: 'T'.repeat(43),
  confirmHash: null,
  confirmExpiresAt: null,
  detail: null,
  createdAt: 't',
  confirmedAt: 't',
  updatedAt: 't',
};

test('an edition mail is multipart/alternative: plain text, then HTML with every style inline', async () => {
  const mail = editionMail(
    ctx,
    sampleEdition(),
    subscriber,
    'https://news.example.com/ribao/daily/2026-11-20.html',
  );
  const message = readMime(await rawMessage(mail));
  assert.equal(message.type, 'multipart/alternative');
  assert.deepEqual(
    leaves(message).map((p) => p.type),
    ['text/plain', 'text/html'],
  );
  const [text, html] = leaves(message).map((p) => p.body) as [string, string];
  assert.match(text, /^AI 日报（11月20日）/);
  assert.match(
    text,
    /== 资讯 ==[\s\S]*-- 研究 --[\s\S]*■ 稀疏格点路由\n {2}稀疏格点路由 \(en\)\nhttps:\/\/news\.example\.com\/s1/,
  );
  assert.match(text, /退订（一次点击）：https:\/\/news\.example\.com\/ribao\/unsubscribe\?token=T{43}/);
  assert.match(text, /关键词：agent/, 'the footer says what the reader chose');
  assert.doesNotMatch(html, /<style|<link|<script|<table|<img/i, 'no stylesheet, script, table or image');
  const tags = [...html.slice(html.indexOf('<body')).matchAll(/<(p|h[1-6]|div|a|hr)\b([^>]*)>/g)];
  assert.ok(tags.length > 10);
  for (const [tag, , attrs] of tags) assert.match(attrs ?? '', /style="/, `inline style on ${tag}`);
  assert.match(html, /<meta name="color-scheme" content="light dark">/);
  assert.match(html, /在浏览器中阅读/);
  assert.match(html, /<h2 style="[^"]*">资讯<\/h2>[\s\S]*<h3 style="[^"]*">研究<\/h3>/);
});

test('an edition mail is a list message: List-Id, one-click List-Unsubscribe, a stable Message-ID', async () => {
  const mail = editionMail(ctx, sampleEdition(), subscriber, null);
  const message = readMime(await rawMessage(mail));
  assert.equal(header(message, 'subject'), 'AI 日报（11月20日）');
  assert.equal(header(message, 'to'), 'Ann@example.com');
  assert.equal(
    header(message, 'list-unsubscribe'),
    `<https://news.example.com/ribao/unsubscribe?token=${'T'.repeat(43)}>, <mailto:digest@ribao.example?subject=unsubscribe%20daily>`,
  );
  assert.equal(header(message, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
  assert.equal(header(message, 'list-id'), 'AI 日报 <daily.news.example.com>');
  const id = header(message, 'message-id');
  assert.equal(id, messageId('daily', '2026-11-20', 'ann@example.com', 'ribao.example'));
  assert.equal(editionMail(ctx, sampleEdition(), subscriber, null).messageId, id, 'the same on every run');
  assert.notEqual(editionMail(ctx, sampleEdition({ date: '2026-11-21' }), subscriber, null).messageId, id);
  assert.doesNotMatch(
    leaves(message)[1]?.body ?? '',
    /在浏览器中阅读/,
    'no web link before the edition is published',
  );
});

test('hostile titles, bodies and links never become markup or a script link in the HTML part', async () => {
  const edition = sampleEdition();
  const [research] = edition.sections[0]?.children ?? [];
  const entry = research?.entries[0];
  assert.ok(entry);
  Object.assign(entry, {
    title: '<script>alert(1)</script>标题',
    originalTitle: '"><img src=x onerror=alert(2)>',
    body: 'Read [this](javascript:alert(3)) and <iframe src="https://evil.example"></iframe> <b onclick=x>bold</b>',
    url: 'javascript:alert(4)',
    contributor: '<svg onload=alert(5)>',
  });
  edition.lead = '<a href="javascript:alert(6)">lead</a>';
  const html = leaves(readMime(await rawMessage(editionMail(ctx, edition, subscriber, null))))[1]?.body ?? '';
  const { document } = parseHTML(html);
  const elements = [...document.querySelectorAll('*')];
  const names = new Set(elements.map((e) => e.localName));
  for (const bad of ['script', 'img', 'iframe', 'svg', 'b', 'style'])
    assert.ok(!names.has(bad), `no <${bad}>`);
  for (const e of elements) {
    for (const a of e.getAttributeNames()) assert.ok(!a.startsWith('on'), `no ${a} on <${e.localName}>`);
  }
  const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
  assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('https://')), hrefs.join(' '));
  assert.match(document.body.textContent ?? '', /<script>alert\(1\)<\/script>标题/, 'shown as text');
  assert.match(document.body.textContent ?? '', /<iframe src="https:\/\/evil\.example"><\/iframe>/);
});

test('entry text: Markdown, then the sanitizer, then our inline styles on the tags it kept', () => {
  const html = markdownToMailHtml(
    'A [link](https://example.com/a?x=1&y=2) and `code`.\n\n> quoted\n\n- one\n- two\n\n![pixel](https://t.example/p.gif)',
  );
  assert.match(
    html,
    /<a style="[^"]*color:#2563eb[^"]*" href="https:\/\/example\.com\/a\?x=1&amp;y=2" rel="noopener noreferrer nofollow">link<\/a>/,
    'the sanitizer set rel; the style came after it',
  );
  for (const tag of ['p', 'code', 'blockquote', 'ul']) assert.match(html, new RegExp(`<${tag} style="`), tag);
  assert.doesNotMatch(html, /<img/, 'no remote images in mail');
});

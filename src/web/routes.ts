// The web app's route table: each page file and API file exports its routes; this list puts them
// together with the stylesheet and the OpenAPI document (which is made from this same list).

import { accountApi } from './api.ts';
import { searchApi } from './api-search.ts';
import { storiesApi } from './api-stories.ts';
import { openApiDocument } from './openapi.ts';
import { accountPages } from './pages/account.ts';
import { invitePages } from './pages/invite.ts';
import { STYLESHEET, STYLESHEET_PATH } from './pages/layout.ts';
import { loginPages } from './pages/login.ts';
import { searchPages } from './pages/search.ts';
import { userPages } from './pages/users.ts';
import { json, type Route, route } from './router.ts';

const assets = [
  route({
    method: 'GET',
    path: STYLESHEET_PATH,
    kind: 'page',
    role: null,
    summary: 'The pages’ stylesheet.',
    async handle() {
      return {
        status: 200,
        type: 'text/css; charset=utf-8',
        body: STYLESHEET,
        headers: { 'cache-control': 'public, max-age=3600' },
      };
    },
  }),
  route({
    method: 'GET',
    path: '/api/openapi.json',
    kind: 'api',
    role: null,
    summary: 'This document: every route of the app, made from the route table.',
    async handle(rc) {
      return json(200, openApiDocument(rc.routes));
    },
  }),
];

export const appRoutes: readonly Route[] = [
  ...loginPages,
  ...invitePages,
  ...accountPages,
  ...userPages,
  ...accountApi,
  ...storiesApi,
  ...searchPages,
  ...searchApi,
  ...assets,
];

// The chat platforms by the name a webhook's `platform` gives (Lark is Feishu's international twin).
// A new platform is one file exporting a WebhookPlatform, plus its line here and in config.ts.

import type { PlatformName } from './config.ts';
import { dingtalk } from './dingtalk.ts';
import { discord } from './discord.ts';
import { feishu } from './feishu.ts';
import type { WebhookPlatform } from './platform.ts';
import { slack } from './slack.ts';
import { telegram } from './telegram.ts';
import { wecom } from './wecom.ts';

export const PLATFORM: Record<PlatformName, WebhookPlatform> = {
  feishu,
  lark: feishu,
  dingtalk,
  wecom,
  slack,
  telegram,
  discord,
};

// Tracking parameters, as a sorted data table in the manner of ClearURLs' rules: patterns that track
// on any site, then per site. Our own small table (ClearURLs' data is LGPL and has no npm package
// that ships it); test/tracking-rules.test.ts checks it against ClearURLs' rules where they overlap.

/** Parameter names that only track, on every site. */
export const GLOBAL_TRACKING: readonly RegExp[] = [
  /^utm(_[a-z_]*)?$/i,
  /^mtm(_[a-z_]*)?$/i,
  /^ga_[a-z_]+$/i,
  /^_ga$|^_gl$/i,
  /^(fbclid|gclid|dclid|msclkid|yclid|twclid|srsltid|igshid|mkt_tok|_openstat|wickedid)$/i,
  /^fb_(action_types|action_ids|source|ref)$/i,
  /^(mc_cid|mc_eid|mc_tc)$/i,
  /^(__hsfp|__hssc|__hstc|_hsenc|hsctatracking)$/i,
  /^(itm_campaign|itm_medium|itm_source|hmb_campaign|hmb_medium|hmb_source)$/i,
  /^(oly_anon_id|oly_enc_id|rb_clickid|s_cid|vero_conv|vero_id|ml_subscriber|ml_subscriber_hash)$/i,
  /^(spm|spm_id_from|share_source|share_medium|share_from|share_plat|share_tag|share_session_id)$/i,
  /^(ref_src|ref_url|cmpid|tracking_source|os_ehash|wtrid)$/i,
  /^(gs_l|__twitter_impression|echobox|ceneo_spo|__s)$/i,
];

/** Per site (the host and its subdomains), sorted by domain: parameters that track there. */
export const SITE_TRACKING: readonly { domain: string; params: readonly string[] }[] = [
  {
    domain: 'amazon.com',
    params: [
      '_encoding',
      'pd_rd_i',
      'pd_rd_r',
      'pd_rd_w',
      'pd_rd_wg',
      'pf_rd_p',
      'pf_rd_r',
      'psc',
      'qid',
      'ref_',
      'sr',
      'tag',
    ],
  },
  {
    domain: 'bilibili.com',
    params: [
      'buvid',
      'from',
      'from_source',
      'is_story_h5',
      'msource',
      'plat_id',
      'refer_from',
      'seid',
      'timestamp',
      'unique_k',
      'up_id',
      'vd_source',
    ],
  },
  { domain: 'linkedin.com', params: ['lipi', 'midtoken', 'midsig', 'trk', 'trkemail'] },
  {
    domain: 'mp.weixin.qq.com',
    params: [
      'ascene',
      'chksm',
      'clicktime',
      'devicetype',
      'enterid',
      'exportkey',
      'from',
      'isappinstalled',
      'lang',
      'mpshare',
      'nettype',
      'pass_ticket',
      'scene',
      'sessionid',
      'sharer_shareid',
      'sharer_sharetime',
      'srcid',
      'subscene',
      'version',
      'wx_header',
    ],
  },
  { domain: 'reddit.com', params: ['share_id', 'rdt'] },
  { domain: 'twitter.com', params: ['cn', 'ref_src', 'ref_url', 's', 'src', 't'] },
  { domain: 'weibo.com', params: ['from', 'type', 'wm', 'weibo_id'] },
  { domain: 'x.com', params: ['cn', 'ref_src', 'ref_url', 's', 'src', 't'] },
  { domain: 'youtu.be', params: ['feature', 'pp', 'si'] },
  { domain: 'youtube.com', params: ['feature', 'kw', 'pp', 'si'] },
  {
    domain: 'zhihu.com',
    params: ['share_code', 'utm_division', 'utm_id', 'utm_oi', 'utm_psn', 'utm_source', 'zhida_source'],
  },
];

/** True when `param` only tracks the reader on `host`. */
export function isTracking(host: string, param: string): boolean {
  if (GLOBAL_TRACKING.some((pattern) => pattern.test(param))) return true;
  const site = SITE_TRACKING.find((s) => host === s.domain || host.endsWith(`.${s.domain}`));
  return site?.params.includes(param.toLowerCase()) ?? false;
}

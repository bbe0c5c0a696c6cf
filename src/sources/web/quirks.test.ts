// Site quirks: the table's shape (sorted, valid selectors, host matching), and for each platform a small
// page of our own imitating its boilerplate (testdata/platforms/): the article stays, the boilerplate goes.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from './dom.ts';
import { extract } from './extract.ts';
import { GENERIC_REMOVE, quirkFor, SITE_QUIRKS } from './quirks.ts';

const page = (name: string) =>
  readFileSync(new URL(`./testdata/platforms/${name}.html`, import.meta.url), 'utf8');

test('SITE_QUIRKS is sorted by domain, one entry each, and every selector parses', () => {
  const domains = SITE_QUIRKS.map(([domain]) => domain);
  assert.deepEqual(domains, [...domains].sort(), 'sorted by domain');
  assert.equal(new Set(domains).size, domains.length, 'no domain twice');
  const document = parseDocument('<p>x</p>');
  const selectors = [
    ...GENERIC_REMOVE,
    ...SITE_QUIRKS.flatMap(([, quirk]) =>
      [...quirk.remove, quirk.main, quirk.title, quirk.byline, quirk.siteName, quirk.published].filter(
        (selector): selector is string => typeof selector === 'string',
      ),
    ),
  ];
  for (const selector of selectors) assert.doesNotThrow(() => document.querySelectorAll(selector), selector);
});

test('quirkFor matches the domain and its subdomains, never a look-alike', () => {
  assert.equal(quirkFor('blog.csdn.net'), SITE_QUIRKS.find(([d]) => d === 'blog.csdn.net')?.[1]);
  assert.equal(quirkFor('www.jianshu.com'), SITE_QUIRKS.find(([d]) => d === 'jianshu.com')?.[1]);
  assert.equal(quirkFor('MP.WEIXIN.QQ.COM.'), SITE_QUIRKS.find(([d]) => d === 'mp.weixin.qq.com')?.[1]);
  assert.equal(quirkFor('notjianshu.com'), undefined);
  assert.equal(quirkFor('csdn.net'), undefined, 'only the blog host has the blog quirk');
  assert.equal(quirkFor('qq.com'), undefined);
});

interface PlatformCase {
  file: string;
  url: string;
  title: string;
  keep: string[];
  drop: string[];
  /** Boilerplate that only the site's quirk removes (Readability alone keeps it), when there is such. */
  onlyQuirk?: string;
  byline?: string;
  publishedTime?: string;
}

const CASES: PlatformCase[] = [
  {
    file: 'csdn',
    url: 'https://blog.csdn.net/zhangsan/article/details/135000001',
    title: 'PyTorch 2 中 torch.compile 的原理与实践',
    keep: [
      '为什么需要 torch.compile',
      '```python\nimport torch',
      '| ResNet-50 | 1210 | 1650 |',
      '避免反复重新编译',
    ],
    drop: [
      '推荐文章',
      '深入理解 PyTorch',
      '相关推荐',
      '写得很好',
      '版权声明',
      '登录后复制',
      '一键收藏',
      'CSDN 皮肤',
      '阅读量',
    ],
    onlyQuirk: '登录后复制',
    byline: '张三',
    publishedTime: '2024-01-05T10:21:33+08:00',
  },
  {
    file: 'weixin',
    url: 'https://mp.weixin.qq.com/s/Xy12AbCdEf',
    title: '开源多模态模型再进一步：从 LLaVA 到原生多模态',
    keep: [
      '大多沿用 LLaVA 的做法',
      '![](https://mmbiz.qpic.cn/mmbiz_png/figure456/640?wx_fmt=png)',
      '```python',
      '开放程度',
    ],
    drop: [
      '往期推荐',
      '投机解码',
      '性价比之王',
      'card789',
      '阅读原文',
      '微信扫一扫',
      '在看',
      '精选留言',
      'qrcode',
    ],
    onlyQuirk: '大多沿用 LLaVA 的做法', // WeChat hides #js_content until its script runs
    byline: '陈编辑',
    publishedTime: '2024-03-05T10:21:00+08:00',
  },
  {
    file: 'zhihu',
    url: 'https://zhuanlan.zhihu.com/p/680000001',
    title: '从零实现一个 Transformer：注意力机制详解',
    keep: [
      '注意力机制是 Transformer 的核心',
      '```python\ndef attention',
      '![](https://pic1.zhimg.com/v2-multihead.jpg)',
    ],
    drop: [
      '赞同',
      '添加评论',
      '讲得很清楚',
      '推荐阅读',
      '位置编码的前世今生',
      '关注他',
      '回到顶部',
      'IP 属地',
    ],
    byline: '李四',
    publishedTime: '2024-02-18T09:30:00+08:00',
  },
  {
    file: 'cnblogs',
    url: 'https://www.cnblogs.com/wangwu/p/18000001',
    title: 'LoRA 微调大模型的显存账：一次算清楚',
    keep: ['很多人以为 LoRA 微调', '## 三、优化器状态', '真正来源'],
    drop: [
      '好文要顶',
      '粉丝',
      '上一篇',
      '下一篇',
      '感谢博主',
      '登录后才能',
      '云服务器',
      '编辑推荐',
      '历史上的今天',
      'posted @',
    ],
    publishedTime: '2024-01-12T14:05:00+08:00',
  },
  {
    file: 'juejin',
    url: 'https://juejin.cn/post/7340000000000000001',
    title: '用 LangChain 搭一个能查文档的问答机器人',
    keep: ['公司内部文档散落', '```javascript\nconst splitter', '答不出来就直说不知道'],
    drop: ['复制代码', '为你推荐', '向量数据库选型', '好文，收藏了', 'AI 刷题', '标签：', '阅读 6 分钟'],
    onlyQuirk: '复制代码',
    byline: '前端小陈',
    publishedTime: '2024-03-01T08:00:00Z',
  },
  {
    file: 'jianshu',
    url: 'https://www.jianshu.com/p/abcdef123456',
    title: '给产品经理讲清楚大模型的上下文窗口',
    keep: ['上下文窗口是模型一次能处理的最大文本长度', '## 对产品设计意味着什么', '在体验和成本之间权衡'],
    drop: [
      '小礼物走一走',
      '赞赏支持',
      '全部评论',
      '推荐阅读',
      '一张图看懂 RAG',
      '热门故事',
      '著作权归作者所有',
      '字数',
    ],
    onlyQuirk: '小礼物走一走',
    publishedTime: '2024-01-20T10:11:12Z',
  },
  {
    file: 'segmentfault',
    url: 'https://segmentfault.com/a/1190000044000001',
    title: 'Rust 写一个最小的向量检索引擎',
    keep: ['向量检索是检索增强生成的基础设施', '```rust\nfn distance(a: &[f32]', '十六是个稳妥的起点'],
    drop: ['点赞 18', '删除向量怎么处理', 'Faiss 入门指南', '许可协议'],
    byline: '铁锈工坊',
    publishedTime: '2024-02-02T12:30:00+08:00',
  },
  {
    file: '51cto',
    url: 'https://blog.51cto.com/u_1/9000001',
    title: 'Kubernetes 上部署 vLLM 推理服务的实践',
    keep: ['vLLM 用分页注意力管理键值缓存', '## 模型加载', '冷启动从八分钟缩短到一分钟以内'],
    drop: ['著作权归作者所有', '上一篇', 'HPA 用的什么指标', 'Docker 镜像瘦身', '热门文章', '点赞 12'],
    onlyQuirk: '著作权归作者所有',
    byline: '运维老孙',
    publishedTime: '2024-01-28T09:12:45+08:00',
  },
  {
    file: 'infoq',
    url: 'https://www.infoq.cn/article/Ab3dEf9',
    title: '大模型推理的成本账：从显卡到电费',
    keep: ['只看每百万词元的调用价格', '## 批大小与延迟', '容量规划的核心工作'],
    drop: ['相关推荐', 'GPU 集群调度实践', '电费那部分', '分享到'],
    byline: '作者：刘工程师',
    publishedTime: '2024-02-26T00:00:00+08:00',
  },
  {
    file: '36kr',
    url: 'https://36kr.com/p/2600000000000001',
    title: '具身智能创业公司完成新一轮融资，估值翻倍',
    keep: ['36氪获悉', '数据工厂', '投资方看重的关键能力'],
    drop: ['本文由36氪原创', '分享至', '推荐阅读', '人形机器人量产元年', '数据工厂这个思路'],
    byline: '周记者',
    publishedTime: '2024-03-12T09:05:00+08:00',
  },
  {
    file: 'jiqizhixin',
    url: 'https://www.jiqizhixin.com/articles/2024-03-01-2',
    title: '长上下文评测新基准发布，主流模型表现分化',
    keep: ['大海捞针', '窗口长度不等于有效利用长度', '欢迎社区提交新的模型结果'],
    drop: ['相关文章', '位置编码外推', '分享到', '期待更多中文长文档'],
    byline: '机器之心编辑部',
  },
  {
    file: 'qbitai',
    url: 'https://www.qbitai.com/2024/03/120000.html',
    title: '开源代码模型登顶榜单，小参数也能打',
    keep: ['三十亿参数的开源代码模型', '每一条都经过执行验证', '计划在下个月发布技术报告'],
    drop: ['发自 凹非寺', '头条号签约', '相关阅读', '代码大模型评测的坑', '分享到', '代码模型 开源'],
    onlyQuirk: '发自 凹非寺',
    byline: '梦晨 发自 凹非寺',
    publishedTime: '2024-03-08T00:00:00+08:00',
  },
  {
    file: 'generic',
    url: 'https://lab.example.com/posts/eval-pipeline',
    title: '我们如何把模型评测做成流水线',
    keep: ['模型迭代越来越快', '生成差异报告', '误当成模型变化'],
    drop: [
      'Cookie',
      '分享到微博',
      '相关推荐',
      '评测指标的选择与陷阱',
      'MLOps',
      '猜你喜欢',
      '训练集群的故障排查',
      '这个流水线开源吗',
      '热门文章',
    ],
    onlyQuirk: '评测指标的选择与陷阱',
    publishedTime: '2024-04-02T09:00:00+08:00',
  },
];

for (const c of CASES) {
  test(`${c.file}: keeps the article, drops the platform's boilerplate`, () => {
    const html = page(c.file);
    const result = extract(html, c.url);
    assert.equal(result.title, c.title);
    for (const phrase of c.keep)
      assert.ok(result.markdown.includes(phrase), `keeps ${phrase}\n---\n${result.markdown}`);
    for (const phrase of c.drop)
      assert.ok(!result.markdown.includes(phrase), `drops ${phrase}\n---\n${result.markdown}`);
    if (c.byline) assert.equal(result.byline, c.byline);
    if (c.publishedTime) assert.equal(result.publishedTime, c.publishedTime);
    if (c.onlyQuirk) {
      const plain = extract(html, c.url, { quirks: false }).markdown;
      const kept = result.markdown.includes(c.onlyQuirk);
      assert.notEqual(
        plain.includes(c.onlyQuirk),
        kept,
        `without quirks "${c.onlyQuirk}" comes out the other way`,
      );
    }
  });
}

// Every string the page itself shows, in English and Chinese. Provider labels,
// help texts and validation messages come from the package in the same locale.

export const LOCALES = ['en', 'zh'];

const STRINGS = {
  en: {
    'doc.title': 'reinstall-kit — check and sign a VM reinstall request',
    'app.title': 'reinstall-kit',
    'app.tagline': 'Check, build and sign a “reinstall the VM’s OS” request for five clouds.',
    'app.offline': 'Runs entirely in this tab. Nothing is sent anywhere.',
    'app.skip': 'Skip to the request',
    'lang.label': 'Language',
    'loading': 'Loading the validator…',
    'load.failed': 'The validator package could not be loaded. Build it with “make pkg”, then reload this page.',
    'provider.legend': 'Cloud provider',
    'provider.operation': 'Operation',
    'provider.docs': 'API document',
    'provider.preconditions': 'Check before sending',
    'os.legend': 'Target operating system',
    'os.linux': 'Linux',
    'os.windows': 'Windows',
    'os.help': 'Password rules and key-pair rules depend on it.',
    'actions.example': 'Fill example',
    'actions.clear': 'Clear form',
    'actions.share': 'Copy share link',
    'actions.share.help': 'The link holds the form, without passwords, the secret key, the security token or the access key ID.',
    'actions.cleared': 'Form cleared.',
    'actions.filled': 'Example filled in.',
    'actions.shared': 'Share link copied.',
    'ctx.legend': 'Where and who',
    'ctx.region': 'Region',
    'ctx.region.help': 'Example: {example}.',
    'ctx.region.optional': 'Optional for this provider. Example: {example}.',
    'ctx.endpoint': 'Endpoint',
    'ctx.endpoint.help': 'Leave empty to use {endpoint}.',
    'ctx.scheme': 'Signing scheme',
    'ctx.accessKeyId': 'Access key ID',
    'ctx.accessKeyId.help': 'Kept in this browser only; never in the share link.',
    'ctx.secret': 'Secret access key (optional)',
    'ctx.secret.help': 'Never stored and never sent: it is used in memory in this tab to compute the signature, and is forgotten on reload. Without it you get the strings to sign on your own backend.',
    'ctx.token': 'Security token (optional)',
    'ctx.token.help': 'For temporary credentials (STS). Never stored, never in the share link.',
    'params.legend': 'Request parameters',
    'params.advanced': 'Advanced and deprecated parameters',
    'params.advanced.help': 'Deprecated parameters, or parameters the provider does not open to the public. Leave them empty unless you know you need them.',
    'field.required': 'required',
    'field.optional': 'optional',
    'field.deprecated': 'deprecated',
    'field.in.path': 'path',
    'field.in.query': 'query',
    'field.in.body': 'body',
    'field.notset': '— not set —',
    'field.switch.on': 'true',
    'field.switch.off': 'not sent',
    'field.show': 'Show',
    'field.hide': 'Hide',
    'field.generate': 'Generate password',
    'field.generated': 'A new password was generated. Note it down: it is never stored.',
    'field.newToken': 'New client token',
    'field.copy': 'Copy',
    'field.list.add': 'Add',
    'field.list.remove': 'Remove {name}',
    'field.list.item': 'Item {n}',
    'field.secret.note': 'Never stored, never in the share link.',
    'c.length': '{min}–{max} characters',
    'c.minLength': 'at least {min} characters',
    'c.maxLength': 'at most {max} characters',
    'c.exactLength': 'exactly {n} characters',
    'c.range': '{min} to {max}',
    'c.minimum': 'at least {min}',
    'c.maximum': 'at most {max}',
    'c.maxItems': 'up to {n} items',
    'c.format': 'format: {format}',
    'c.pattern': 'pattern: {pattern}',
    'c.integer': 'whole number',
    'status.ok': 'Valid: the request is ready.',
    'status.okWarnings': 'Valid, with {w}.',
    'status.bad': '{e} to fix',
    'status.badWarnings': '{e} to fix, {w}',
    'status.errors.one': '1 error',
    'status.errors.many': '{n} errors',
    'status.warnings.one': '1 warning',
    'status.warnings.many': '{n} warnings',
    'status.next': 'Go to next issue',
    'status.empty': 'Choose a provider and fill the form, or press “Fill example”.',
    'issue.error': 'Error',
    'issue.warning': 'Warning',
    'issue.code': 'Provider error code',
    'issue.general': 'Request',
    'result.title': 'Request',
    'result.placeholder': 'The request appears here as soon as the form is valid.',
    'result.stale': 'Out of date: fix the errors listed below to rebuild the request.',
    'result.issues': 'Issues',
    'result.curl': 'Copy as curl',
    'result.resign': 'Sign again now',
    'result.signedAt': 'Built at {time}. Signatures expire: sign again right before sending.',
    'result.unsigned': 'No secret key given: these are the strings to sign on your backend.',
    'result.signed': 'Signed in this tab with your secret key (which is not shown or kept).',
    'result.requestLine': 'Method and URL',
    'result.headers': 'Headers',
    'result.body': 'Body',
    'result.body.empty': '(empty body)',
    'result.canonical': 'Canonical request',
    'result.stringToSign': 'String to sign',
    'result.signedHeaders': 'Signed headers',
    'result.scope': 'Credential scope',
    'result.signature': 'Signature',
    'result.authorization': 'Authorization',
    'result.signingUrl': 'Signed URL',
    'result.scheme': 'Scheme {scheme}',
    'result.copy': 'Copy',
    'result.copied': 'Copied',
    'result.copyFailed': 'Copy failed: select the text and copy it by hand.',
    'result.error': 'The request could not be built: {message}',
    'footer.note': 'reinstall-kit validates against the providers’ documented rules. Server-side conditions (instance state, quotas, image availability) are checked by the provider when you send the request.',
  },
  zh: {
    'doc.title': 'reinstall-kit — 检查并签名重装系统请求',
    'app.title': 'reinstall-kit',
    'app.tagline': '为五家云检查、构造并签名“重装云服务器操作系统”的请求。',
    'app.offline': '全部在本标签页内运行，不向任何地方发送数据。',
    'app.skip': '跳到请求结果',
    'lang.label': '语言',
    'loading': '正在加载校验器…',
    'load.failed': '无法加载校验器包。请先执行 “make pkg” 构建，然后刷新本页。',
    'provider.legend': '云服务商',
    'provider.operation': '接口',
    'provider.docs': 'API 文档',
    'provider.preconditions': '发送前请确认',
    'os.legend': '目标操作系统',
    'os.linux': 'Linux',
    'os.windows': 'Windows',
    'os.help': '密码规则和密钥对规则与之相关。',
    'actions.example': '填入示例',
    'actions.clear': '清空表单',
    'actions.share': '复制分享链接',
    'actions.share.help': '链接包含表单内容，但不含密码、私有访问密钥、安全令牌和访问密钥 ID。',
    'actions.cleared': '表单已清空。',
    'actions.filled': '已填入示例。',
    'actions.shared': '分享链接已复制。',
    'ctx.legend': '地域与凭证',
    'ctx.region': '地域',
    'ctx.region.help': '例如：{example}。',
    'ctx.region.optional': '此服务商可不填。例如：{example}。',
    'ctx.endpoint': '接入地址',
    'ctx.endpoint.help': '留空则使用 {endpoint}。',
    'ctx.scheme': '签名方式',
    'ctx.accessKeyId': '访问密钥 ID（AK）',
    'ctx.accessKeyId.help': '只保存在本浏览器中，不会进入分享链接。',
    'ctx.secret': '私有访问密钥（SK，可选）',
    'ctx.secret.help': '不会保存，也不会发送：仅在本标签页内存中用于计算签名，刷新后即丢弃。不填则得到待签名字符串，可由您自己的后端签名。',
    'ctx.token': '安全令牌（可选）',
    'ctx.token.help': '用于临时凭证（STS）。不会保存，也不会进入分享链接。',
    'params.legend': '请求参数',
    'params.advanced': '高级及已弃用参数',
    'params.advanced.help': '已弃用或服务商未对外开放的参数。除非确有需要，请留空。',
    'field.required': '必填',
    'field.optional': '可选',
    'field.deprecated': '已弃用',
    'field.in.path': '路径',
    'field.in.query': '查询',
    'field.in.body': '请求体',
    'field.notset': '— 不设置 —',
    'field.switch.on': 'true',
    'field.switch.off': '不发送',
    'field.show': '显示',
    'field.hide': '隐藏',
    'field.generate': '生成密码',
    'field.generated': '已生成新密码。请记下它：它不会被保存。',
    'field.newToken': '生成新的 ClientToken',
    'field.copy': '复制',
    'field.list.add': '添加',
    'field.list.remove': '删除 {name}',
    'field.list.item': '第 {n} 项',
    'field.secret.note': '不会保存，也不会进入分享链接。',
    'c.length': '{min}–{max} 个字符',
    'c.minLength': '至少 {min} 个字符',
    'c.maxLength': '最多 {max} 个字符',
    'c.exactLength': '恰好 {n} 个字符',
    'c.range': '{min} 到 {max}',
    'c.minimum': '不小于 {min}',
    'c.maximum': '不大于 {max}',
    'c.maxItems': '最多 {n} 项',
    'c.format': '格式：{format}',
    'c.pattern': '格式：{pattern}',
    'c.integer': '整数',
    'status.ok': '校验通过：请求已就绪。',
    'status.okWarnings': '校验通过，有 {w}。',
    'status.bad': '有 {e} 需要修正',
    'status.badWarnings': '有 {e} 需要修正，{w}',
    'status.errors.one': '1 个错误',
    'status.errors.many': '{n} 个错误',
    'status.warnings.one': '1 个警告',
    'status.warnings.many': '{n} 个警告',
    'status.next': '跳到下一个问题',
    'status.empty': '选择云服务商并填写表单，或点击“填入示例”。',
    'issue.error': '错误',
    'issue.warning': '警告',
    'issue.code': '服务商错误码',
    'issue.general': '请求',
    'result.title': '请求',
    'result.placeholder': '表单校验通过后，请求会显示在这里。',
    'result.stale': '已过期：请先修正下面列出的错误，以重新生成请求。',
    'result.issues': '问题',
    'result.curl': '复制为 curl 命令',
    'result.resign': '立即重新签名',
    'result.signedAt': '生成于 {time}。签名会过期：请在发送前重新签名。',
    'result.unsigned': '未提供私有访问密钥：以下是待签名字符串，可由您的后端完成签名。',
    'result.signed': '已在本标签页内用您的私有访问密钥签名（密钥不会显示或保存）。',
    'result.requestLine': '方法与 URL',
    'result.headers': '请求头',
    'result.body': '请求体',
    'result.body.empty': '（空请求体）',
    'result.canonical': '规范请求',
    'result.stringToSign': '待签名字符串',
    'result.signedHeaders': '参与签名的请求头',
    'result.scope': '凭证范围',
    'result.signature': '签名',
    'result.authorization': 'Authorization 请求头',
    'result.signingUrl': '签名后的 URL',
    'result.scheme': '签名方式 {scheme}',
    'result.copy': '复制',
    'result.copied': '已复制',
    'result.copyFailed': '复制失败：请手动选中文本复制。',
    'result.error': '无法生成请求：{message}',
    'footer.note': 'reinstall-kit 按各服务商文档中的规则校验。服务端条件（实例状态、配额、镜像可用性等）会在您发送请求时由服务商检查。',
  },
};

let current = 'en';

export function setLocale(locale) {
  current = LOCALES.includes(locale) ? locale : 'en';
}

export function locale() {
  return current;
}

/** Picks the page language: an explicit choice, else the browser's languages. */
export function detectLocale(saved, languages) {
  if (LOCALES.includes(saved)) return saved;
  for (const lang of languages || []) {
    const l = String(lang).toLowerCase();
    if (l.startsWith('zh')) return 'zh';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Translates a UI key, filling `{name}` placeholders from `vars`. */
export function t(key, vars) {
  const s = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** Picks the current-locale text of a {en, zh} object from the package. */
export function pick(text) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[current] || text.en || text.zh || '';
}

/** Sets the text of every [data-i18n] element under `root`. */
export function translateStatic(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('doc.title');
}

export const _strings = STRINGS;

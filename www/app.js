// reinstall-kit page: a form generated from providers(), checked by the wasm
// package as the user types, with the request and its signature strings.
// Sends nothing anywhere; secrets live only in memory and in their inputs.

import { t, pick, setLocale, locale, detectLocale, translateStatic } from './i18n.js';
import {
  buildModel, toParams, locateIssue, valuesFromParams, publicValues, encodeShare, decodeShare,
  valuesFromShare, constraintHints, countIssues, prettyBody, signingTimestamp, isList, listItemName, suggestions,
} from './model.js';
import { h, fid, copyText, toast } from './dom.js';

const STORE_KEY = 'reinstall-kit:v1';
const LOCALE_KEY = 'reinstall-kit:locale';
const DEBOUNCE_MS = 150;

const $ = (id) => document.getElementById(id);

const app = {
  pkg: null,
  providers: [],
  pid: null,
  model: null,
  os: 'linux',
  values: {}, // pid → form values (secret fields included, memory only)
  ctx: {}, // pid → { region, endpoint, scheme, accessKeyId }
  secrets: {}, // pid → { secretAccessKey, securityToken } (memory only)
  controls: new Map(), // field or context name → control
  timer: null,
  result: null,
  /** Issues "Go to next issue" went to in this round (`issueId`). */
  visitedIssues: new Set(),
  /** Counts provider and language choices: only the latest one renders. */
  selecting: 0,
  touched: new Set(), // "pid:field" the user has been in
  located: [],
};

// ---------------------------------------------------------------- storage

function readStore() {
  try {
    const s = JSON.parse(localStorage.getItem(STORE_KEY) || 'null');
    return s && typeof s === 'object' ? s : {};
  } catch {
    return {};
  }
}

function writeStore() {
  const perProvider = {};
  for (const p of app.providers) {
    const model = p.id === app.pid ? app.model : buildModel(p);
    const values = publicValues(model, app.values[p.id] || {});
    const c = app.ctx[p.id] || {};
    const ctx = {};
    for (const k of ['region', 'endpoint', 'scheme', 'accessKeyId']) if (c[k]) ctx[k] = c[k];
    if (Object.keys(values).length || Object.keys(ctx).length) perProvider[p.id] = { values, ctx };
  }
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify({ provider: app.pid, os: app.os, perProvider }));
  } catch {
    /* storage full or disabled: the page still works */
  }
}

function writeHash() {
  const c = app.ctx[app.pid] || {};
  const hash = encodeShare(app.model, {
    provider: app.pid, os: app.os, region: c.region, endpoint: c.endpoint, scheme: c.scheme,
    values: app.values[app.pid] || {},
  });
  const url = `${location.pathname}${location.search}#${hash}`;
  if (location.hash.slice(1) !== hash) history.replaceState(null, '', url);
}

function persist() {
  writeStore();
  writeHash();
}

function applyShare(share) {
  const p = app.providers.find((x) => x.id === share.provider);
  if (!p) return false;
  const model = buildModel(p);
  app.pid = p.id;
  app.lastBuilt = false;
  if (share.os === 'linux' || share.os === 'windows') app.os = share.os;
  const c = (app.ctx[p.id] = { ...(app.ctx[p.id] || {}) });
  c.region = share.region || '';
  c.endpoint = share.endpoint || '';
  c.scheme = share.scheme && (p.schemes || []).includes(share.scheme) ? share.scheme : '';
  app.values[p.id] = valuesFromShare(model, share.entries);
  return true;
}

// ---------------------------------------------------------------- the cycle

function scheduleUpdate() {
  clearTimeout(app.timer);
  app.timer = setTimeout(update, DEBOUNCE_MS);
}

function currentContext() {
  const c = app.ctx[app.pid] || {};
  const s = app.secrets[app.pid] || {};
  // clientToken: false — the request carries only the ClientToken the user
  // filled in ("New client token"), not a fresh random one per keystroke.
  // Messages in the page's language once its bundle is in (English until then).
  const messages = app.pkg.hasLocale(locale()) ? locale() : 'en';
  const ctx = { locale: messages, os: app.os, timestamp: signingTimestamp(), clientToken: false };
  if (c.region) ctx.region = c.region;
  if (c.endpoint) ctx.endpoint = c.endpoint;
  if (c.scheme) ctx.scheme = c.scheme;
  if (c.accessKeyId) ctx.accessKeyId = c.accessKeyId;
  if (s.secretAccessKey) ctx.secretAccessKey = s.secretAccessKey;
  if (s.securityToken) ctx.securityToken = s.securityToken;
  return ctx;
}

function update() {
  clearTimeout(app.timer);
  app.timer = null;
  if (!app.pkg || !app.model) return;
  const { params, rows } = toParams(app.model, app.values[app.pid] || {});
  const context = currentContext();
  let res;
  try {
    res = app.pkg.buildRequest(app.pid, params, context);
  } catch (e) {
    res = { ok: false, issues: [], error: e };
  }
  if (!res || typeof res !== 'object') res = { ok: false, issues: [] };
  res.issues = Array.isArray(res.issues) ? res.issues : [];
  res.builtAt = context.timestamp;
  app.result = res;
  renderIssues(res.issues, rows);
  renderResult(res);
  persist();
}

// ---------------------------------------------------------------- provider picker and info

function renderProviderList() {
  const list = $('provider-list');
  list.replaceChildren();
  for (const p of app.providers) {
    const id = `provider-${p.id}`;
    const input = h('input', {
      type: 'radio', name: 'provider', id, value: p.id, class: 'provider-radio',
      checked: p.id === app.pid,
      onchange: () => selectProvider(p.id),
    });
    list.append(
      h('div', { class: 'provider-option' },
        input,
        h('label', { for: id, class: 'provider-label' },
          h('span', { class: 'provider-name', text: pick(p.name) }),
          h('span', { class: 'provider-op', text: shortOperation(p) }))),
    );
  }
}

/** The default operation's API name, as the provider names it. */
function shortOperation(p) {
  return String(p.operation || '');
}

function renderProviderInfo() {
  const p = app.model.provider;
  const box = $('provider-info');
  box.replaceChildren();
  const meta = h('dl', { class: 'meta' },
    h('div', {}, h('dt', { text: t('provider.operation') }), h('dd', {}, h('code', { text: `${p.operation} (${p.version})` }))),
    h('div', {}, h('dt', { text: t('provider.request') }), h('dd', {}, h('code', { text: `${p.method} ${p.path}` }))));
  const fixed = p.fixed && typeof p.fixed === 'object' ? Object.entries(p.fixed) : [];
  if (fixed.length) {
    meta.append(h('div', {}, h('dt', { text: t('provider.fixed') }),
      h('dd', {}, h('code', { text: fixed.map(([k, v]) => `${k}=${v}`).join('&') }))));
  }
  if (p.docs) {
    meta.append(h('div', {}, h('dt', { text: t('provider.docs') }),
      h('dd', {}, h('a', { href: p.docs, target: '_blank', rel: 'noopener noreferrer', class: 'docs-link', text: hostOf(p.docs) }))));
  }
  box.append(meta);
  const pre = Array.isArray(p.preconditions) ? p.preconditions : [];
  if (pre.length) {
    box.append(h('div', { class: 'preconditions' },
      h('h3', { class: 'preconditions-title', text: t('provider.preconditions') }),
      h('ul', {}, pre.map((x) => h('li', { text: pick(x) })))));
  }
}

function hostOf(url) {
  try {
    const u = new URL(url);
    return u.host + (u.pathname.length > 1 ? u.pathname.replace(/(.{32}).+/, '$1…') : '');
  } catch {
    return url;
  }
}

/**
 * Loads a provider's form texts (labels, help, examples, preconditions) in
 * the page's language: one small JSON file, fetched the first time it is
 * shown. Without it the form still works, parameter names standing for labels.
 */
async function loadTexts(pid) {
  if (!app.pkg.hasLocale(locale())) {
    // Chinese messages are a bundle of their own, fetched when first chosen.
    try {
      await app.pkg.loadLocale(locale());
    } catch {
      /* messages stay English: update() asks for English then */
    }
    app.providers = app.pkg.providers();
  }
  if (app.pkg.hasDescriptions(pid, locale())) return;
  try {
    await app.pkg.loadDescriptions(pid, locale());
  } catch {
    return;
  }
  app.providers = app.pkg.providers();
}

async function selectProvider(pid) {
  const turn = ++app.selecting;
  await loadTexts(pid);
  // A later choice (or language) wins over a slower earlier one.
  if (turn !== app.selecting) return;
  const p = app.providers.find((x) => x.id === pid);
  if (!p) return;
  app.pid = pid;
  // Another provider's request is not "out of date": it is not this one's.
  app.lastBuilt = false;
  app.model = buildModel(p);
  app.values[pid] = app.values[pid] || {};
  app.ctx[pid] = app.ctx[pid] || {};
  app.secrets[pid] = app.secrets[pid] || {};
  for (const r of document.querySelectorAll('input[name="provider"]')) r.checked = r.value === pid;
  renderAll();
  update();
}

// ---------------------------------------------------------------- field shells

function fieldShell({ id, name, label, required, help, hints, badges = [], location, wide = false }) {
  const labelId = `${id}-label`;
  const helpId = `${id}-help`;
  const issuesId = `${id}-issues`;
  const head = h('div', { class: 'field-head' },
    h('label', { for: id, id: labelId, class: 'field-label', text: label }),
    required ? h('span', { class: 'badge badge-req', text: t('field.required') }) : null,
    badges,
    name ? apiName(name, location) : null);
  const helpParts = [];
  if (help) helpParts.push(h('span', { text: help }));
  if (hints && hints.length) helpParts.push(h('span', { class: 'hints', text: hints.join(' · ') }));
  const helpEl = h('p', { class: 'help', id: helpId }, helpParts);
  const issues = h('div', { class: 'issues', id: issuesId });
  const control = h('div', { class: 'control' });
  const wrap = h('div', { class: `field${wide ? ' field-wide' : ''}`, 'data-wrap': name || id }, head, control, helpEl, issues);
  return { wrap, control, issues, labelId, helpId, issuesId, describedBy: `${helpId} ${issuesId}` };
}

/** The documented name as code, breakable after each dot. */
function apiCode(name) {
  const parts = String(name).split('.');
  const code = h('code');
  parts.forEach((part, i) => {
    if (i) code.append('.', h('wbr'));
    code.append(part);
  });
  return code;
}

function apiName(name, location) {
  return h('span', { class: 'api-name' }, apiCode(name), location ? h('span', { class: 'loc', text: t(`field.in.${location}`) }) : null);
}

function textInput(attrs) {
  return h('input', {
    type: 'text', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off', ...attrs,
  });
}

// ---------------------------------------------------------------- context inputs

function renderContext() {
  const body = $('context-body');
  body.replaceChildren();
  const p = app.model.provider;
  const c = app.ctx[app.pid];
  const s = app.secrets[app.pid];
  const region = p.region || {};

  const addText = (key, label, help, { value, placeholder, required, secret, persistIn }) => {
    const id = `ctx-${key}`;
    const shell = fieldShell({ id, label, help, required });
    const input = textInput({
      id, value: value || '', placeholder: placeholder || null, 'data-context': key,
      'aria-describedby': shell.describedBy, 'aria-required': required ? 'true' : null,
      type: secret ? 'password' : 'text', autocomplete: secret ? 'new-password' : 'off',
      oninput: (e) => {
        persistIn[key] = e.target.value;
        if (key === 'region') refreshEndpointHelp();
        scheduleUpdate();
      },
    });
    shell.control.append(input);
    if (secret) shell.control.append(revealButton(input));
    shell.control.classList.toggle('with-buttons', !!secret);
    body.append(shell.wrap);
    app.controls.set(`ctx:${key}`, { wrap: shell.wrap, issues: shell.issues, inputs: () => [input], focus: () => input.focus() });
    return { shell, input };
  };

  addText('region', t('ctx.region'), t(region.required ? 'ctx.region.help' : 'ctx.region.optional', { example: region.example || '' }),
    { value: c.region, placeholder: region.example ? t('field.example', { example: region.example }) : '', required: !!region.required, persistIn: c });
  const ep = addText('endpoint', t('ctx.endpoint'), '', { value: c.endpoint, placeholder: '', persistIn: c });
  app.endpointHelp = ep.shell.wrap.querySelector('.help');
  app.endpointInput = ep.input;
  refreshEndpointHelp();

  const schemes = Array.isArray(p.schemes) ? p.schemes : [];
  if (schemes.length > 1) {
    const id = 'ctx-scheme';
    const shell = fieldShell({ id, label: t('ctx.scheme') });
    const select = h('select', {
      id, 'data-context': 'scheme', 'aria-describedby': shell.describedBy,
      onchange: (e) => {
        c.scheme = e.target.value === schemes[0] ? '' : e.target.value;
        update();
      },
    }, schemes.map((x) => h('option', { value: x, selected: (c.scheme || schemes[0]) === x, text: x })));
    shell.control.append(select);
    body.append(shell.wrap);
    app.controls.set('ctx:scheme', { wrap: shell.wrap, issues: shell.issues, inputs: () => [select], focus: () => select.focus() });
  }

  addText('accessKeyId', t('ctx.accessKeyId'), t('ctx.accessKeyId.help'), { value: c.accessKeyId, persistIn: c });
  const sec = addText('secretAccessKey', t('ctx.secret'), t('ctx.secret.help'), { value: s.secretAccessKey, secret: true, persistIn: s });
  sec.shell.wrap.classList.add('field-secret');
  addText('securityToken', t('ctx.token'), t('ctx.token.help'), { value: s.securityToken, secret: true, persistIn: s });
}

function refreshEndpointHelp() {
  if (!app.endpointHelp) return;
  const p = app.model.provider;
  const c = app.ctx[app.pid] || {};
  const pattern = (p.region && p.region.endpoint) || '';
  // Only a well-formed region is shown in the host (a 50 000-character paste
  // would be laid out again on every keystroke); the library reports the rest.
  const wellFormed = (r) => typeof r === 'string' && r.length <= 64 && /^[a-z0-9-]+$/.test(r);
  const region = (wellFormed(c.region) && c.region) || (p.region && p.region.example) || '{region}';
  // The SDK's own host for this region when it has one, else the pattern.
  const host = p.region && p.region.hosts && p.region.hosts[region];
  const endpoint = host ? `https://${host}` : pattern.replace('{region}', region);
  app.endpointHelp.textContent = endpoint ? t('ctx.endpoint.help', { endpoint }) : '';
  if (app.endpointInput) app.endpointInput.placeholder = endpoint ? t('field.example', { example: endpoint }) : '';
}

function revealButton(input) {
  const btn = h('button', {
    type: 'button', class: 'btn small', 'aria-pressed': 'false', 'aria-controls': input.id, text: t('field.show'),
    onclick: () => setRevealed(input, btn, input.type === 'password'),
  });
  return btn;
}

function setRevealed(input, btn, show) {
  input.type = show ? 'text' : 'password';
  btn.setAttribute('aria-pressed', String(show));
  btn.textContent = show ? t('field.hide') : t('field.show');
}

// ---------------------------------------------------------------- OS choice

function renderOs() {
  const box = $('os-choice');
  box.replaceChildren();
  const group = h('div', { class: 'seg-group', role: 'radiogroup', 'aria-labelledby': 'os-legend' });
  for (const os of ['linux', 'windows']) {
    const id = `os-${os}`;
    group.append(
      h('input', {
        type: 'radio', name: 'os', id, value: os, class: 'seg-radio', checked: app.os === os,
        onchange: () => {
          app.os = os;
          update();
        },
      }),
      h('label', { for: id, class: 'seg-label', text: t(`os.${os}`) }),
    );
  }
  box.append(h('span', { id: 'os-legend', class: 'os-legend', text: t('os.legend') }), group,
    h('span', { class: 'help os-help', text: t('os.help') }));
}

// ---------------------------------------------------------------- parameter form

function renderParams() {
  const body = $('params-body');
  const adv = $('advanced-body');
  body.replaceChildren();
  adv.replaceChildren();
  for (const node of app.model.root) renderNode(node, body);
  for (const node of app.model.advanced) renderNode(node, adv);
  $('advanced').hidden = app.model.advanced.length === 0;
}

/** Constraint hints: the package's help texts already state the documented rules, so only
 * advisory ones (checked as warnings) are added, or everything when a field has no help. */
function fieldHints(f) {
  const text = ([key, vars]) => (key === 'c.advisory' ? t(key, { list: vars.parts.map(text).join(', ') }) : t(key, vars));
  const hints = constraintHints(f);
  return (pick(f.help) ? hints.filter(([key]) => key === 'c.advisory') : hints).map(text);
}

function fieldBadges(f) {
  return f.deprecated ? [h('span', { class: 'badge badge-dep', text: t('field.deprecated') })] : [];
}

function renderNode(node, parent) {
  const f = node.field;
  if (f.type === 'object') {
    const visible = node.children.length > 0;
    const id = fid(f.name);
    const issues = h('div', { class: 'issues', id: `${id}-issues` });
    const help = pick(f.help);
    const group = h('fieldset', { class: 'group', id, 'data-field': f.name, 'aria-describedby': `${id}-issues` },
      h('legend', { class: 'group-legend' },
        h('span', { class: 'group-label', text: pick(f.label) || f.name }),
        f.required ? h('span', { class: 'badge badge-req', text: t('field.required') }) : null,
        fieldBadges(f)),
      h('div', { class: 'group-head' },
        help ? h('p', { class: 'help group-help', text: help }) : null,
        apiName(f.name, f.location)),
      issues);
    if (!visible) group.hidden = true;
    for (const child of node.children) renderNode(child, group);
    parent.append(group);
    app.controls.set(f.name, { wrap: group, issues, inputs: () => [], focus: () => focusFirstIn(group) });
    return;
  }
  const id = fid(f.name);
  const shell = fieldShell({
    id, name: f.name, label: pick(f.label) || f.name, required: f.required, help: pick(f.help),
    hints: fieldHints(f), badges: fieldBadges(f), location: f.location,
  });
  const values = app.values[app.pid];
  let control;
  if (isList(f)) control = listControl(f, id, shell, values);
  else if (f.type === 'boolean') control = switchControl(f, id, shell, values);
  else if (Array.isArray(f.constraints.enum) && f.constraints.enum.length) control = selectControl(f, id, shell, values);
  else control = textControl(f, id, shell, values);
  parent.append(shell.wrap);
  app.controls.set(f.name, { wrap: shell.wrap, issues: shell.issues, ...control });
}

function focusFirstIn(el) {
  const target = el.querySelector('input, select, textarea, button');
  if (target) target.focus();
}

function textControl(f, id, shell, values) {
  const input = textInput({
    id, 'data-field': f.name, value: values[f.name] ?? '',
    placeholder: f.example != null && !f.secret ? t('field.example', { example: f.example }) : null,
    inputmode: f.type === 'integer' ? 'numeric' : null,
    type: f.secret ? 'password' : 'text',
    autocomplete: f.secret ? 'new-password' : 'off',
    'aria-describedby': shell.describedBy,
    'aria-required': f.required ? 'true' : null,
    oninput: (e) => {
      values[f.name] = e.target.value;
      scheduleUpdate();
    },
  });
  shell.control.append(input);
  const known = suggestions(f);
  if (known.length && !f.secret) {
    const listId = `${id}-suggestions`;
    input.setAttribute('list', listId);
    shell.control.append(h('datalist', { id: listId }, known.map((v) => h('option', { value: v }))));
  }
  const buttons = [];
  let reveal = null;
  if (f.secret) {
    reveal = revealButton(input);
    buttons.push(reveal);
  }
  if (f.generator === 'password') {
    buttons.push(h('button', {
      type: 'button', class: 'btn small', 'data-generate': f.name, text: t('field.generate'),
      onclick: () => {
        let pw;
        try {
          pw = app.pkg.generatePassword(app.pid, { os: app.os });
        } catch (e) {
          toast(String(e.message || e));
          return;
        }
        input.value = pw;
        values[f.name] = pw;
        if (reveal) setRevealed(input, reveal, true);
        toast(t('field.generated'));
        update();
      },
    }));
  }
  if (f.generator === 'clientToken') {
    buttons.push(h('button', {
      type: 'button', class: 'btn small', 'data-generate': f.name, text: t('field.newToken'),
      onclick: () => {
        const token = app.pkg.newClientToken();
        input.value = token;
        values[f.name] = token;
        update();
      },
    }));
  }
  if (f.secret) {
    buttons.push(h('button', {
      type: 'button', class: 'btn small', text: t('field.copy'),
      onclick: () => copyText(input.value, t('result.copied'), t('result.copyFailed')),
    }));
  }
  if (buttons.length) {
    shell.control.classList.add('with-buttons');
    shell.control.append(h('div', { class: 'control-buttons' }, buttons));
  }
  if (f.secret) shell.wrap.querySelector('.help').append(h('span', { class: 'hints secret-note', text: t('field.secret.note') }));
  return { inputs: () => [input], focus: () => input.focus() };
}

function selectControl(f, id, shell, values) {
  const current = values[f.name] ?? '';
  const options = [h('option', { value: '', text: t('field.notset') })];
  for (const v of f.constraints.enum) options.push(h('option', { value: v, text: v, selected: current === v }));
  if (current !== '' && !f.constraints.enum.includes(current)) options.push(h('option', { value: current, text: current, selected: true }));
  const select = h('select', {
    id, 'data-field': f.name, 'aria-describedby': shell.describedBy, 'aria-required': f.required ? 'true' : null,
    onchange: (e) => {
      values[f.name] = e.target.value;
      update();
    },
  }, options);
  shell.control.append(select);
  return { inputs: () => [select], focus: () => select.focus() };
}

function switchControl(f, id, shell, values) {
  const state = h('span', { class: 'switch-state', 'aria-hidden': 'true' });
  const paint = () => {
    const v = values[f.name];
    state.textContent = v === true ? t('field.switch.on') : v === false ? 'false' : t('field.switch.off');
    state.classList.toggle('is-on', v === true);
  };
  const input = h('input', {
    type: 'checkbox', role: 'switch', id, class: 'switch', 'data-field': f.name,
    checked: values[f.name] === true, 'aria-describedby': shell.describedBy,
    onchange: (e) => {
      if (e.target.checked) values[f.name] = true;
      else delete values[f.name];
      paint();
      update();
    },
  });
  paint();
  shell.control.classList.add('switch-control');
  shell.control.append(input, state);
  return { inputs: () => [input], focus: () => input.focus() };
}

function listControl(f, id, shell, values) {
  if (!Array.isArray(values[f.name]) || values[f.name].length === 0) values[f.name] = [''];
  const rows = h('div', { class: 'list-rows' });
  const max = f.constraints.maxItems;
  const addBtn = h('button', {
    type: 'button', class: 'btn small list-add', 'data-list-add': f.name, text: `+ ${t('field.list.add')}`,
    onclick: () => {
      values[f.name].push('');
      paint();
      const inputs = rows.querySelectorAll('input');
      inputs[inputs.length - 1].focus();
      scheduleUpdate();
    },
  });
  const group = h('div', { class: 'list', role: 'group', 'aria-labelledby': shell.labelId, 'data-field': f.name }, rows, addBtn);
  const paint = () => {
    rows.replaceChildren();
    values[f.name].forEach((v, i) => {
      const itemName = listItemName(f.name, i);
      const input = textInput({
        id: i === 0 ? id : `${id}-${i}`, 'data-field': itemName, 'data-list': f.name, value: v,
        'aria-label': `${pick(f.label) || f.name} — ${t('field.list.item', { n: i + 1 })}`,
        'aria-describedby': shell.describedBy,
        oninput: (e) => {
          values[f.name][i] = e.target.value;
          scheduleUpdate();
        },
      });
      const remove = h('button', {
        type: 'button', class: 'btn small icon', 'aria-label': t('field.list.remove', { name: itemName }), text: '✕',
        onclick: () => {
          values[f.name].splice(i, 1);
          if (!values[f.name].length) values[f.name].push('');
          paint();
          const inputs = rows.querySelectorAll('input');
          inputs[Math.min(i, inputs.length - 1)].focus();
          scheduleUpdate();
        },
      });
      rows.append(h('div', { class: 'list-row' }, h('span', { class: 'list-index', 'aria-hidden': 'true', text: String(i + 1) }), input, remove));
    });
    addBtn.disabled = max != null && values[f.name].length >= max;
  };
  paint();
  shell.control.append(group);
  return {
    inputs: () => [...rows.querySelectorAll('input')],
    focus: (row) => {
      const inputs = rows.querySelectorAll('input');
      (inputs[row ?? 0] || inputs[0]).focus();
    },
  };
}

// ---------------------------------------------------------------- issues

function issueItem(issue, prefix, pending = false) {
  const sev = issue.severity === 'warning' ? 'warning' : 'error';
  return h('li', { class: `issue issue-${sev}${pending ? ' is-pending' : ''}`, 'data-field': issue.field || '', 'data-code': issue.code || '', 'data-severity': sev },
    h('span', { class: 'issue-body' },
      h('span', { class: 'visually-hidden', text: `${t(`issue.${sev}`)}: ` }),
      prefix ? h('code', { class: 'issue-field', text: prefix }) : null,
      prefix ? ' ' : null,
      h('span', { class: 'issue-message', text: issue.message || issue.rule || '' }),
      issue.code ? ' ' : null,
      issue.code ? h('span', { class: 'issue-code', title: t('issue.code') }, h('span', { class: 'visually-hidden', text: `${t('issue.code')}: ` }), issue.code) : null));
}

/** How an issue's place is named in the result panel's list. */
function issueLabel(located) {
  const field = located.issue.field || '';
  if (located.key && located.key.startsWith('ctx:')) return t(`ctx.${located.key.slice(4)}`.replace('ctx.secretAccessKey', 'ctx.secret').replace('ctx.securityToken', 'ctx.token'));
  return field || t('issue.general');
}

/** Is every input of a control (or of a group's fields) empty? */
function controlIsEmpty(control) {
  const inputs = control.wrap.matches('fieldset') ? [...control.wrap.querySelectorAll('input[data-field], select[data-field]')] : control.inputs();
  return inputs.every((el) => (el.type === 'checkbox' ? !el.checked : el.value === ''));
}

/** Has the user been in this control (or, for a group, in any of its fields)? */
function controlIsTouched(key, control) {
  if (app.touched.has(`${app.pid}:${key}`)) return true;
  if (!control.wrap.matches('fieldset')) return false;
  return [...control.wrap.querySelectorAll('input[data-field], select[data-field]')].some((el) => app.touched.has(`${app.pid}:${el.dataset.list || el.dataset.field}`));
}

function markTouched(el) {
  const key = el.dataset.context ? `ctx:${el.dataset.context}` : el.dataset.list || el.dataset.field;
  if (key && app.pid) app.touched.add(`${app.pid}:${key}`);
}

/**
 * Shows each issue next to its field. An error on an empty field the user has
 * not visited yet is "pending": shown quietly (what is left to fill), not as a
 * mistake, and without aria-invalid, until the user has been in the field.
 */
function renderIssues(issues, rows) {
  const perControl = new Map();
  app.located = [];
  for (const issue of issues) {
    const loc = locateIssue(app.model, issue.field, rows);
    let key = null;
    if (loc && loc.context) key = `ctx:${loc.context}`;
    else if (loc && loc.name) key = loc.name;
    if (key && !app.controls.has(key)) key = null;
    if (key && app.controls.get(key).wrap.closest('[hidden]')) key = null;
    const item = { issue, key, row: key ? loc.row : undefined, pending: false };
    if (key && issue.severity !== 'warning') {
      const control = app.controls.get(key);
      item.pending = controlIsEmpty(control) && !controlIsTouched(key, control);
    }
    app.located.push(item);
    if (!key) continue;
    if (!perControl.has(key)) perControl.set(key, []);
    perControl.get(key).push(item);
  }
  const rank = (x) => (x.issue.severity === 'warning' ? 2 : x.pending ? 1 : 0);
  app.located.sort((a, b) => rank(a) - rank(b));
  for (const [key, control] of app.controls) {
    const list = (perControl.get(key) || []).sort((a, b) => rank(a) - rank(b));
    const hasError = list.some((x) => x.issue.severity !== 'warning' && !x.pending);
    const hasWarning = list.some((x) => x.issue.severity === 'warning');
    control.wrap.classList.toggle('has-error', hasError);
    control.wrap.classList.toggle('has-warning', !hasError && hasWarning);
    const inputs = control.inputs();
    inputs.forEach((input, i) => {
      const rowIssues = list.filter((x) => x.row === undefined || x.row === i || inputs.length === 1);
      const err = rowIssues.some((x) => x.issue.severity !== 'warning' && !x.pending);
      if (err) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    });
    if (list.length) {
      control.issues.replaceChildren(h('ul', { class: 'issue-list' },
        list.map((x) => issueItem(x.issue, x.row !== undefined && inputs.length > 1 ? x.issue.field : null, x.pending))));
    } else {
      control.issues.replaceChildren();
    }
  }
  renderStatus(issues);
}

/** Sets the status line only when it changes, so screen readers are not told the same thing twice. */
function setStatusText(message) {
  const text = $('status-text');
  if (text.textContent !== message) text.textContent = message;
  text.title = message;
}

function renderStatus(issues) {
  const { errors, warnings } = countIssues(issues);
  const status = $('status');
  status.classList.remove('is-loading', 'is-ok', 'is-error', 'is-warning', 'is-failed', 'is-pending');
  const e = errors === 1 ? t('status.errors.one') : t('status.errors.many', { n: errors });
  const w = warnings === 1 ? t('status.warnings.one') : t('status.warnings.many', { n: warnings });
  if (app.result && app.result.error) {
    status.classList.add('is-error');
    setStatusText(t('result.error', { message: errorText(app.result.error) }));
  } else if (errors && app.located.every((x) => x.issue.severity === 'warning' || x.pending)) {
    status.classList.add('is-pending');
    const n = app.located.filter((x) => x.pending).length;
    setStatusText(n === 1 ? t('status.pending.one') : t('status.pending.many', { n }));
  } else if (errors) {
    status.classList.add('is-error');
    setStatusText(warnings ? t('status.badWarnings', { e, w }) : t('status.bad', { e }));
  } else if (warnings) {
    status.classList.add('is-warning');
    setStatusText(t('status.okWarnings', { w }));
  } else {
    status.classList.add('is-ok');
    setStatusText(t('status.ok'));
  }
  $('next-issue').hidden = !(errors || warnings);
}

/** A thrown package error in the page's language (by its code), else its own message. */
function errorText(err) {
  const key = `error.${err && err.code}`;
  const text = t(key);
  return text !== key ? text : (err && err.message) || String(err);
}

/** Which issue an item is, across re-renders (leaving a field re-sorts the list). */
const issueId = (x) => `${x.issue.field}\u0000${x.issue.rule}\u0000${x.issue.severity}`;

/**
 * The first issue not yet gone to in this round. The list re-sorts as fields
 * are left (an empty field's issue stops being pending), so a position in it
 * would skip some issues and repeat others.
 */
function goToNextIssue() {
  const list = app.located || [];
  if (!list.length) return;
  let item = list.find((x) => !app.visitedIssues.has(issueId(x)));
  if (!item) {
    app.visitedIssues.clear();
    item = list[0];
  }
  goToIssue(item);
}

/** Focuses the field of one issue (the result card for one without a field). */
function goToIssue(item) {
  app.visitedIssues.add(issueId(item));
  if (!item.key) {
    $('result').focus();
    return;
  }
  const control = app.controls.get(item.key);
  const details = control.wrap.closest('details');
  if (details) details.open = true;
  control.wrap.scrollIntoView({ block: 'center', behavior: 'instant' });
  control.focus(item.row);
}

// ---------------------------------------------------------------- result panel

const BLOCKS = [
  ['requestLine', 'result.requestLine'],
  ['headers', 'result.headers'],
  ['body', 'result.body'],
  ['canonicalRequest', 'result.canonical'],
  ['stringToSign', 'result.stringToSign'],
  ['signedHeaders', 'result.signedHeaders'],
  ['credentialScope', 'result.scope'],
  ['signature', 'result.signature'],
  ['authorization', 'result.authorization'],
];

function renderResultSkeleton() {
  const box = $('result-blocks');
  box.replaceChildren();
  app.blocks = {};
  for (const [key, title] of BLOCKS) {
    const pre = h('pre', { class: 'block-pre', id: `result-${key}`, tabindex: '0', 'aria-labelledby': `result-${key}-title` });
    const copy = h('button', {
      type: 'button', class: 'btn small copy', 'data-copy': key, text: t('result.copy'),
      'aria-label': `${t('result.copy')}: ${t(title)}`,
      onclick: () => copyText(pre.textContent, t('result.copied'), t('result.copyFailed')),
    });
    const block = h('section', { class: 'block', 'data-block': key, hidden: true },
      h('div', { class: 'block-head' }, h('h3', { class: 'block-title', id: `result-${key}-title`, text: t(title) }), copy),
      pre);
    app.blocks[key] = { block, pre, copy };
    box.append(block);
  }
}

function headerLines(headers) {
  if (!headers || typeof headers !== 'object') return '';
  return Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n');
}

function renderResult(res) {
  const note = $('result-note');
  const issuesBox = $('result-issues');
  const card = $('result');
  const built = res.ok && res.request;

  // Issues (errors first), each a button to its field.
  if (res.issues.length) {
    issuesBox.replaceChildren(
      h('h3', { class: 'block-title', text: t('result.issues') }),
      h('ul', { class: 'issue-list' }, app.located.map((x) => {
        const li = issueItem(x.issue, issueLabel(x), x.pending);
        if (x.key) {
          li.classList.add('is-link');
          const body = li.querySelector('.issue-body');
          li.replaceChildren(h('button', { type: 'button', class: 'issue-body issue-jump', onclick: () => goToIssue(x) }, ...body.childNodes));
        }
        return li;
      })));
    issuesBox.hidden = false;
  } else {
    issuesBox.hidden = true;
    issuesBox.replaceChildren();
  }

  if (res.error) {
    note.textContent = t('result.error', { message: errorText(res.error) });
    note.className = 'result-note is-error';
    card.classList.add('is-stale');
    setCopyEnabled(false);
    return;
  }

  if (!built) {
    card.classList.toggle('is-stale', !!app.lastBuilt);
    // Nothing built for this provider yet: no blocks (not another provider's).
    if (!app.lastBuilt) for (const b of Object.values(app.blocks)) b.block.hidden = true;
    note.textContent = app.lastBuilt ? t('result.stale') : t('result.placeholder');
    note.className = `result-note${app.located.some((x) => x.issue.severity !== 'warning' && !x.pending) ? ' is-error' : ''}`;
    setCopyEnabled(false);
    $('resign').hidden = true;
    $('result-time').textContent = '';
    return;
  }

  app.lastBuilt = true;
  card.classList.remove('is-stale');
  const req = res.request;
  const sig = res.signing || {};
  const signed = !!(sig.signature || sig.authorization);
  note.textContent = signed ? t('result.signed') : res.signing ? t('result.unsigned') : t('result.noSigning');
  note.className = `result-note ${signed ? 'is-signed' : ''}`;

  const url = sig.url || req.url;
  const headers = sig.headers && Object.keys(sig.headers).length ? sig.headers : req.headers;
  const body = sig.body != null && sig.body !== '' ? sig.body : req.body;
  const contentType = Object.entries(headers || {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] || '';
  const text = {
    requestLine: `${req.method} ${url}`,
    headers: headerLines(headers),
    body: body ? prettyBody(body, contentType) : '',
    canonicalRequest: sig.canonicalRequest || '',
    stringToSign: sig.stringToSign || '',
    signedHeaders: sig.signedHeaders || '',
    credentialScope: sig.credentialScope || '',
    signature: sig.signature || '',
    authorization: sig.authorization || '',
  };
  for (const [key] of BLOCKS) {
    const b = app.blocks[key];
    const v = text[key];
    const show = key === 'body' ? true : !!v;
    b.block.hidden = !show;
    if (key === 'body' && !v) {
      b.pre.textContent = t('result.body.empty');
      b.pre.classList.add('is-empty');
      b.copy.disabled = true;
    } else {
      b.pre.textContent = v;
      b.pre.classList.remove('is-empty');
      b.copy.disabled = false;
    }
  }
  app.curl = res.curl || '';
  $('copy-curl').disabled = !app.curl;
  $('result-time').textContent = res.signing
    ? `${t('result.signedAt', { time: res.builtAt })} ${t('result.scheme', { scheme: sig.scheme })}.`
    : t('result.builtAt', { time: res.builtAt });
  $('resign').hidden = !res.signing;
}

function setCopyEnabled(on) {
  for (const b of Object.values(app.blocks || {})) b.copy.disabled = !on;
  $('copy-curl').disabled = !on;
}

// ---------------------------------------------------------------- whole page

function renderAll() {
  app.controls = new Map();
  renderProviderInfo();
  renderContext();
  renderOs();
  renderParams();
  for (const id of ['fill-example', 'clear-form', 'copy-share']) $(id).disabled = false;
}

async function switchLocale(next) {
  setLocale(next);
  try {
    localStorage.setItem(LOCALE_KEY, next);
  } catch {
    /* ignore */
  }
  translateStatic(document);
  for (const b of document.querySelectorAll('[data-locale]')) b.setAttribute('aria-pressed', String(b.dataset.locale === next));
  if (!app.pkg) return;
  const turn = ++app.selecting;
  await loadTexts(app.pid);
  if (turn !== app.selecting) return;
  app.model = buildModel(app.providers.find((x) => x.id === app.pid));
  const openAdvanced = $('advanced').open;
  renderProviderList();
  renderResultSkeleton();
  renderAll();
  $('advanced').open = openAdvanced;
  app.lastBuilt = false;
  update();
}

function fillExample() {
  const p = app.model.provider;
  app.values[app.pid] = valuesFromParams(app.model, p.example || {});
  const c = app.ctx[app.pid];
  if (!c.region && p.region && p.region.example) c.region = p.region.example;
  const open = $('advanced').open || app.model.advanced.some((n) => n.field.name in app.values[app.pid]);
  renderAll();
  $('advanced').open = open;
  update();
  toast(t('actions.filled'));
}

function clearForm() {
  app.values[app.pid] = {};
  const c = app.ctx[app.pid];
  c.region = '';
  c.endpoint = '';
  renderAll();
  update();
  toast(t('actions.cleared'));
}

function wireStatic() {
  for (const b of document.querySelectorAll('[data-locale]')) b.addEventListener('click', () => switchLocale(b.dataset.locale));
  const form = $('request-form');
  const touch = (e) => {
    const el = e.target;
    if (!(el instanceof HTMLElement) || !(el.dataset.field || el.dataset.context)) return;
    const key = el.dataset.context ? `ctx:${el.dataset.context}` : el.dataset.list || el.dataset.field;
    const fresh = !app.touched.has(`${app.pid}:${key}`);
    markTouched(el);
    // Leaving an empty required field shows its error at once.
    if (fresh && e.type === 'focusout') update();
  };
  form.addEventListener('input', touch);
  form.addEventListener('change', touch);
  form.addEventListener('focusout', touch);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  $('fill-example').addEventListener('click', fillExample);
  $('clear-form').addEventListener('click', clearForm);
  $('copy-share').addEventListener('click', () => {
    update();
    copyText(location.href, t('actions.shared'), t('result.copyFailed'));
  });
  $('copy-curl').addEventListener('click', () => copyText(app.curl, t('result.copied'), t('result.copyFailed')));
  $('resign').addEventListener('click', update);
  $('next-issue').addEventListener('click', goToNextIssue);
  window.addEventListener('hashchange', () => {
    const share = decodeShare(location.hash);
    if (share && applyShare(share)) {
      renderProviderList();
      selectProvider(app.pid);
    }
  });
}

async function start() {
  let savedLocale = null;
  try {
    savedLocale = localStorage.getItem(LOCALE_KEY);
  } catch {
    /* ignore */
  }
  setLocale(detectLocale(savedLocale, navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]));
  translateStatic(document);
  for (const b of document.querySelectorAll('[data-locale]')) b.setAttribute('aria-pressed', String(b.dataset.locale === locale()));
  wireStatic();

  try {
    const pkg = await import('/pkg/index.js');
    await pkg.default();
    app.pkg = pkg;
    app.providers = pkg.providers();
  } catch (e) {
    const status = $('status');
    status.classList.remove('is-loading');
    status.classList.add('is-failed');
    $('status-text').textContent = `${t('load.failed')} (${e && e.message ? e.message : e})`;
    return;
  }

  const stored = readStore();
  if (stored.os === 'linux' || stored.os === 'windows') app.os = stored.os;
  const per = stored.perProvider && typeof stored.perProvider === 'object' ? stored.perProvider : {};
  for (const p of app.providers) {
    const entry = per[p.id];
    if (!entry) continue;
    const model = buildModel(p);
    app.values[p.id] = publicValues(model, entry.values && typeof entry.values === 'object' ? entry.values : {});
    const c = {};
    for (const k of ['region', 'endpoint', 'scheme', 'accessKeyId']) if (typeof entry.ctx?.[k] === 'string') c[k] = entry.ctx[k];
    app.ctx[p.id] = c;
  }
  app.pid = app.providers.some((p) => p.id === stored.provider) ? stored.provider : app.providers[0]?.id;
  const share = decodeShare(location.hash);
  if (share) applyShare(share);

  renderProviderList();
  renderResultSkeleton();
  await selectProvider(app.pid);
  document.body.classList.add('is-ready');
}

start();

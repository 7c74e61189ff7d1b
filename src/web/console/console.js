// The hotline operator console: 受理 (assist), 工单队列 (queue + order detail), 统计 (dashboard).
// Every string that comes from a caller, an operator or the server is put on the page with
// textContent / createElement, never as HTML, so script typed into any free-text field stays text.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function show(node, on) { node.classList.toggle('hidden', !on); }
  function button(text, cls, onClick) {
    var b = el('button', cls || '', text);
    b.type = 'button';
    if (onClick) b.addEventListener('click', onClick);
    return b;
  }
  function option(value, text, selected) {
    var o = el('option', '', text === undefined ? value : text);
    o.value = value;
    if (selected) o.selected = true;
    return o;
  }
  function fillSelect(select, values, selected, first) {
    clear(select);
    if (first) select.appendChild(option('', first));
    values.forEach(function (v) { select.appendChild(option(v, v, v === selected)); });
  }

  // ---------- labels and formatting ----------
  var ROLE_LABEL = { operator: '话务员', supervisor: '班长', admin: '管理员' };
  var ROLE_ORDER = ['operator', 'supervisor', 'admin'];
  var URGENCY_LABEL = { high: '紧急', medium: '较急', normal: '一般' };
  var ACTION_LABEL = { create: '受理登记', dispatch: '派单', accept: '签收', return: '退单', close: '办结', callback: '回访', supervise: '督办', recategorize: '改分类' };
  var CHANNEL_LABEL = { web: '网页', api: '接口', console: '热线电话', webhook: '渠道接入' };
  var OPEN = ['待派单', '已派单', '办理中', '退单'];

  function roleAtLeast(role, min) { return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(min); }

  var timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  function time(iso) {
    if (!iso) return '—';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    var p = {};
    timeFmt.formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }
  function span(ms) {
    var m = Math.round(Math.abs(ms) / 60000);
    if (m < 60) return m + ' 分钟';
    var h = Math.floor(m / 60);
    if (h < 24) return h + ' 小时';
    return Math.floor(h / 24) + ' 天' + (h % 24 ? ' ' + (h % 24) + ' 小时' : '');
  }
  function deadlineText(t) {
    if (!t.deadline) return '—';
    var base = time(t.deadline);
    if (OPEN.indexOf(t.status) < 0) return base;
    var left = new Date(t.deadline).getTime() - Date.now();
    return base + (left < 0 ? '（已超期 ' + span(left) + '）' : '（剩 ' + span(left) + '）');
  }
  function pct(x) { return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%'; }
  function score(x) { return typeof x === 'number' ? x.toFixed(2) : '—'; }
  function currentMonth() {
    var p = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date()).forEach(function (x) { p[x.type] = x.value; });
    return p.year + '-' + p.month;
  }
  // crypto.randomUUID only exists on https/localhost; getRandomValues works on a plain-http intranet too.
  function randomId() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    var a = new Uint8Array(16);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  // ---------- API ----------
  var csrf = '';
  var me = null;
  var meta = null;

  function ApiError(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }
  ApiError.prototype = Object.create(Error.prototype);

  function loginUrl() { return '/console/login?next=' + encodeURIComponent('/console'); }

  function request(method, path, body, extra) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers['X-CSRF-Token'] = csrf;
    }
    if (extra) Object.keys(extra).forEach(function (k) { headers[k] = extra[k]; });
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  }

  async function api(method, path, body, extra, retried) {
    var res;
    try {
      res = await request(method, path, body, extra);
    } catch (e) {
      throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试。');
    }
    if (res.status === 204) return null;
    var data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (res.ok) return data;
    var err = data && data.error ? data.error : {};
    if (res.status === 401) {
      sessionExpired();
      throw new ApiError(401, err.code || 'unauthenticated', '登录已过期，请重新登录。');
    }
    // Signed in again in another tab: the page's CSRF token is stale. Fetch the new one and retry once.
    if (res.status === 403 && method !== 'GET' && !retried && /csrf/i.test(String(err.code || '') + String(err.message || ''))) {
      if (await refreshSession()) return api(method, path, body, extra, true);
    }
    throw new ApiError(res.status, err.code || 'http_' + res.status, err.message || '请求失败（' + res.status + '）');
  }

  async function refreshSession() {
    try {
      var r = await request('GET', '/api/session');
      if (!r.ok) return false;
      var s = await r.json();
      var changed = s.csrfToken !== csrf;
      csrf = s.csrfToken;
      return changed;
    } catch (e) { return false; }
  }

  // Mid-call the operator's typing must not be lost: say so and offer a sign-in in a new tab.
  function sessionExpired() {
    var box = clear($('global-error'));
    box.appendChild(document.createTextNode('登录已过期。已填写的内容仍在本页，'));
    var a = el('a', '', '点此重新登录');
    a.href = loginUrl();
    a.target = '_blank';
    a.rel = 'noopener';
    box.appendChild(a);
    box.appendChild(document.createTextNode('，登录后回到本页重试。'));
  }
  function globalError(text) { $('global-error').textContent = text || ''; }

  // ---------- tabs ----------
  var TABS = ['assist', 'queue', 'stats'];
  var current = 'assist';
  function showTab(name) {
    current = name;
    TABS.forEach(function (t) {
      $('tab-' + t).setAttribute('aria-selected', String(t === name));
      show($('panel-' + t), t === name);
    });
    if (name !== 'queue') closeDetail();
    if (name === 'queue') loadQueue();
    if (name === 'stats') loadStats();
  }
  TABS.forEach(function (t) { $('tab-' + t).addEventListener('click', function () { showTab(t); }); });

  $('logout').addEventListener('click', async function () {
    try { await api('DELETE', '/api/session'); } catch (e) { /* signed out either way */ }
    location.assign('/console/login');
  });

  // =====================================================================
  // 受理: assist
  // =====================================================================
  var transcript = $('transcript');
  var assistSeq = 0;
  var result = null; // the last /api/assist answer
  var resultText = ''; // the text it was computed from
  var draftKey = randomId();
  var dirty = {}; // draft fields the operator has edited: a new analysis leaves them alone
  var chosenCategory = null;
  var reportedCategory = null;
  var emergencyOverride = false;

  async function runAssist() {
    var text = transcript.value;
    if (!text.trim()) return;
    var seq = ++assistSeq;
    $('assist-status').textContent = '分析中…';
    try {
      var r = await api('POST', '/api/assist', { text: text });
      if (seq !== assistSeq) return; // a newer analysis is on its way
      var sameCall = result !== null;
      result = r;
      resultText = text;
      renderAssist(r, text, sameCall);
      $('assist-status').textContent = '已分析' + (typeof r.latencyMs === 'number' ? '（' + Math.round(r.latencyMs) + ' ms）' : '');
    } catch (e) {
      if (seq === assistSeq) $('assist-status').textContent = e.message;
    }
  }

  var debounce = null;
  transcript.addEventListener('input', function () {
    clearTimeout(debounce);
    if (transcript.value.trim().length >= 4) debounce = setTimeout(runAssist, 700);
  });
  transcript.addEventListener('paste', function () {
    clearTimeout(debounce);
    debounce = setTimeout(runAssist, 30);
  });
  transcript.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      clearTimeout(debounce);
      runAssist();
    }
  });
  $('assist-run').addEventListener('click', function () { clearTimeout(debounce); runAssist(); });
  $('assist-clear').addEventListener('click', function () { resetAssist(); transcript.focus(); });

  function resetAssist() {
    clearTimeout(debounce);
    assistSeq++;
    transcript.value = '';
    result = null;
    resultText = '';
    dirty = {};
    chosenCategory = null;
    reportedCategory = null;
    emergencyOverride = false;
    draftKey = randomId();
    $('assist-status').textContent = '';
    ['evidence-card', 'fields-card', 'suggestions-card', 'classes-card', 'draft-card', 'alert'].forEach(function (id) { show($(id), false); });
    $('d-consent').checked = false;
    $('d-anonymous').checked = false;
    $('d-name').disabled = false;
    $('draft-error').textContent = '';
  }

  function renderAssist(r, text, sameCall) {
    renderAlert(r.alert);
    renderHighlight(text, r.evidence || {});
    renderFields(r.fields || {});
    renderSuggestions(r.suggestions || [], text);
    if (!sameCall) { chosenCategory = null; reportedCategory = null; }
    renderClasses(r);
    renderDraft(r);
  }

  function renderAlert(alert) {
    show($('alert'), !!alert);
    if (!alert) return;
    var numbers = alert.numbers && alert.numbers.length ? alert.numbers.join(' / ') : '110 / 120 / 119';
    $('alert-title').textContent = '紧急情况：请立即拨打 ' + numbers;
    $('alert-text').textContent = alert.text || '';
  }

  /** The caller's words with each trigger word wrapped in a <mark>: built node by node, never parsed. */
  function renderHighlight(text, evidence) {
    var box = clear($('highlighted'));
    var words = [];
    ['urgency', 'requestType', 'category'].forEach(function (kind) {
      (evidence[kind] || []).forEach(function (w) { if (typeof w === 'string' && w.trim()) words.push({ w: w, kind: kind }); });
    });
    words.sort(function (a, b) { return b.w.length - a.w.length; });
    var lower = text.toLowerCase();
    var taken = new Uint8Array(text.length);
    var ranges = [];
    words.forEach(function (x) {
      var needle = x.w.toLowerCase();
      var i = lower.indexOf(needle);
      while (i !== -1) {
        var free = true;
        for (var k = i; k < i + needle.length; k++) if (taken[k]) { free = false; break; }
        if (free) {
          for (var j = i; j < i + needle.length; j++) taken[j] = 1;
          ranges.push({ start: i, end: i + needle.length, kind: x.kind });
        }
        i = lower.indexOf(needle, i + 1);
      }
    });
    ranges.sort(function (a, b) { return a.start - b.start; });
    var at = 0;
    ranges.forEach(function (r) {
      if (r.start > at) box.appendChild(document.createTextNode(text.slice(at, r.start)));
      var m = el('mark', 'ev--' + r.kind, text.slice(r.start, r.end));
      m.title = { urgency: '紧急程度', requestType: '诉求类型', category: '分类' }[r.kind];
      box.appendChild(m);
      at = r.end;
    });
    if (at < text.length) box.appendChild(document.createTextNode(text.slice(at)));
    show($('evidence-card'), true);
  }

  function renderFields(f) {
    var dl = clear($('fields'));
    var add = function (label, value) {
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return;
      dl.appendChild(el('dt', '', label));
      dl.appendChild(el('dd', '', Array.isArray(value) ? value.join('、') : value));
    };
    add('联系电话', f.phone || f.phoneMasked);
    add('身份证号', f.idNumberMasked);
    add('姓名', f.name);
    add('地址', f.address);
    add('时间', f.dates);
    add('金额', (f.amounts || []).map(function (a) { return a.text + '（' + Number(a.yuan).toLocaleString('zh-CN') + ' 元）'; }));
    add('单位', f.companies);
    if (typeof f.workers === 'number') add('人数', f.workers + ' 人');
    if (!dl.firstChild) dl.appendChild(el('dd', 'muted', '未识别到电话、地址、金额等信息。'));
    show($('fields-card'), true);
  }

  function citationLine(c) {
    return '依据：《' + c.law + '》' + (c.article || '') + '「' + (c.quote || '') + '」';
  }

  function renderSuggestions(list, text) {
    var box = clear($('suggestions'));
    if (!list.length) box.appendChild(el('p', 'muted', '知识库里没有找到合适的答复，请按常规流程登记。'));
    list.forEach(function (s) {
      var item = el('article', 'suggestion');
      item.setAttribute('data-id', s.id);
      var head = el('div', 'suggestion__head');
      head.appendChild(el('span', 'suggestion__title', s.title));
      head.appendChild(el('span', 'suggestion__src', (s.source === 'search' ? '全文检索' : '意图识别') + ' · 匹配度 ' + score(s.score)));
      item.appendChild(head);
      item.appendChild(el('p', 'suggestion__summary', s.summary));
      var cites = s.citations || [];
      if (cites.length) {
        var ul = el('ul', 'citations');
        ul.setAttribute('aria-label', '法律依据');
        var SHOWN = 2; // the rest behind a click, so three answers fit on a laptop screen
        cites.forEach(function (c, i) {
          var li = el('li', i >= SHOWN ? 'hidden' : '');
          li.appendChild(el('cite', '', '《' + c.law + '》' + (c.article || '')));
          li.appendChild(document.createTextNode('：「' + (c.quote || '') + '」'));
          ul.appendChild(li);
        });
        if (cites.length > SHOWN) {
          var more = el('li', 'more');
          more.appendChild(button('展开全部依据（共 ' + cites.length + ' 条）', 'link small', function () {
            ul.querySelectorAll('li.hidden').forEach(function (x) { x.classList.remove('hidden'); });
            more.remove();
          }));
          ul.appendChild(more);
        }
        item.appendChild(ul);
      }
      var row = el('div', 'row');
      var copyText = [s.title, s.summary].concat(cites.map(citationLine)).join('\n');
      var status = el('span', 'muted');
      row.appendChild(button('复制', 'small copy', function () { copy(copyText, item, status); }));
      var right = button('对', 'small', null);
      var wrong = button('错', 'small', null);
      right.title = '这条答复合适';
      wrong.title = '这条答复不合适';
      var vote = function (verdict) {
        return async function () {
          try {
            await api('POST', '/api/assist/feedback', { kind: 'suggestion', text: text, suggestionId: s.id, verdict: verdict });
            right.classList.toggle('on', verdict === 'right');
            wrong.classList.toggle('off', verdict === 'wrong');
            if (verdict === 'right') wrong.classList.remove('off'); else right.classList.remove('on');
            status.textContent = '已记录反馈';
          } catch (e) { status.textContent = e.message; }
        };
      };
      right.addEventListener('click', vote('right'));
      wrong.addEventListener('click', vote('wrong'));
      row.appendChild(right);
      row.appendChild(wrong);
      row.appendChild(status);
      item.appendChild(row);
      box.appendChild(item);
    });
    show($('suggestions-card'), true);
  }

  // Clipboard needs a secure context and permission; without it the text is shown selected for Ctrl+C.
  function copy(text, item, status) {
    var fallback = function () {
      var ta = item.querySelector('textarea.copy-fallback');
      if (!ta) {
        ta = el('textarea', 'copy-fallback');
        ta.readOnly = true;
        item.appendChild(ta);
      }
      ta.value = text;
      ta.focus();
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      status.textContent = ok ? '已复制' : '已选中，请按 Ctrl+C 复制';
    };
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      navigator.clipboard.writeText(text).then(function () { status.textContent = '已复制'; }, fallback);
    } else fallback();
  }

  function scoreBar(value) {
    var wrap = el('div');
    var bar = el('div', 'score');
    var fill = el('span');
    fill.style.width = Math.max(0, Math.min(1, Number(value) || 0)) * 100 + '%';
    bar.appendChild(fill);
    wrap.appendChild(bar);
    wrap.appendChild(el('div', 'score-text', '置信度 ' + score(value)));
    return wrap;
  }
  function wordList(words) {
    var box = el('div', 'words');
    (words || []).forEach(function (w) { box.appendChild(el('span', 'word', w)); });
    if (!words || !words.length) box.appendChild(el('span', 'muted score-text', '无触发词'));
    return box;
  }

  function renderClasses(r) {
    var box = clear($('classes'));
    var scores = r.scores || {};
    var evidence = r.evidence || {};

    var type = el('div', 'class');
    type.setAttribute('data-kind', 'requestType');
    type.appendChild(el('div', 'class__label', '诉求类型'));
    type.appendChild(el('div', 'class__value', r.requestType));
    type.appendChild(scoreBar(scores.requestType));
    type.appendChild(wordList(evidence.requestType));
    box.appendChild(type);

    var cat = el('div', 'class');
    cat.setAttribute('data-kind', 'category');
    var catLabel = el('label', 'class__label', '分类（可更正）');
    catLabel.htmlFor = 'c-category';
    cat.appendChild(catLabel);
    var select = el('select');
    select.id = 'c-category';
    fillSelect(select, meta.categories, chosenCategory || r.category);
    select.addEventListener('change', function () { setCategory(select.value); });
    cat.appendChild(select);
    cat.appendChild(scoreBar(scores.category));
    cat.appendChild(wordList(evidence.category));
    var ranking = (r.categoryRanking || []).map(function (x) { return x.label + ' ' + score(x.score); }).join(' · ');
    if (ranking) cat.appendChild(el('div', 'ranking', '候选：' + ranking));
    box.appendChild(cat);

    var dep = el('div', 'class');
    dep.setAttribute('data-kind', 'department');
    dep.appendChild(el('div', 'class__label', '承办单位'));
    var depValue = el('div', 'class__value', '');
    depValue.id = 'c-department';
    dep.appendChild(depValue);
    dep.appendChild(el('div', 'score-text', '按分类确定'));
    box.appendChild(dep);

    var urg = el('div', 'class');
    urg.setAttribute('data-kind', 'urgency');
    urg.appendChild(el('div', 'class__label', '紧急程度'));
    urg.appendChild(el('div', 'class__value urgency--' + r.urgency, URGENCY_LABEL[r.urgency] || r.urgency));
    urg.appendChild(scoreBar(scores.urgency));
    urg.appendChild(wordList(evidence.urgency));
    box.appendChild(urg);

    show($('classes-card'), true);
    showDepartment();
  }

  function effectiveCategory() { return chosenCategory || (result && result.category); }
  function showDepartment() {
    var cat = effectiveCategory();
    var text = result && cat === result.category ? result.department : '按分类自动确定';
    if ($('c-department')) $('c-department').textContent = text;
    $('d-department').textContent = text;
  }

  // A corrected category is kept as labelled history (once per correction) and goes on the order.
  function setCategory(value) {
    if (!result) return;
    chosenCategory = value === result.category ? null : value;
    if ($('c-category') && $('c-category').value !== value) $('c-category').value = value;
    if ($('d-category').value !== value) $('d-category').value = value;
    showDepartment();
    if (value !== result.category && value !== reportedCategory) {
      reportedCategory = value;
      api('POST', '/api/assist/feedback', { kind: 'category', text: resultText, predicted: result.category, corrected: value })
        .then(function () { $('assist-status').textContent = '已记录分类更正：' + value; })
        .catch(function (e) { $('assist-status').textContent = e.message; });
    }
  }

  var DRAFT_FIELDS = { content: 'd-content', address: 'd-address', phone: 'd-phone', name: 'd-name', requestType: 'd-type' };
  Object.keys(DRAFT_FIELDS).forEach(function (k) {
    var input = $(DRAFT_FIELDS[k]);
    input.addEventListener('input', function () { dirty[k] = true; });
    input.addEventListener('change', function () { dirty[k] = true; });
  });
  $('d-category').addEventListener('change', function () { setCategory($('d-category').value); });
  $('d-anonymous').addEventListener('change', function () {
    $('d-name').disabled = $('d-anonymous').checked;
  });
  $('d-override').addEventListener('click', function () {
    emergencyOverride = true;
    renderDraftGate();
  });

  function renderDraft(r) {
    var d = r.draft || {};
    if (!$('d-type').options.length) fillSelect($('d-type'), meta.requestTypes, d.requestType);
    if (!$('d-category').options.length) fillSelect($('d-category'), meta.categories, d.category);
    Object.keys(DRAFT_FIELDS).forEach(function (k) {
      if (!dirty[k] && d[k] !== undefined && d[k] !== null) $(DRAFT_FIELDS[k]).value = d[k];
    });
    $('d-category').value = effectiveCategory();
    var u = d.urgency || r.urgency;
    var ue = $('d-urgency');
    ue.textContent = URGENCY_LABEL[u] || u || '—';
    ue.className = 'urgency--' + u;
    showDepartment();
    renderDraftGate();
    show($('draft-card'), true);
  }

  // An emergency goes to 110/120/119 at once, not into a 12345 order (unless the operator insists).
  function renderDraftGate() {
    var emergency = !!(result && result.alert) && !emergencyOverride;
    show($('draft-alert'), emergency);
    $('draft-alert').textContent = emergency ? '紧急情况请立即转 ' + ((result.alert.numbers || []).join(' / ') || '110 / 120 / 119') + ' 处理，不登记 12345 工单。' : '';
    show($('d-override'), emergency);
    $('d-submit').disabled = emergency;
  }

  $('draft').addEventListener('submit', async function (e) {
    e.preventDefault();
    var err = $('draft-error');
    err.textContent = '';
    var body = {
      content: $('d-content').value.trim(),
      address: $('d-address').value.trim(),
      phone: $('d-phone').value.trim(),
      name: $('d-anonymous').checked ? null : $('d-name').value.trim() || null,
      consent: true,
      requestType: $('d-type').value,
      category: $('d-category').value,
    };
    var missing = [];
    if (!body.content) missing.push('诉求内容');
    if (!body.address) missing.push('地址');
    if (!body.phone) missing.push('联系电话');
    if (missing.length) { err.textContent = '请填写：' + missing.join('、'); return; }
    if (!$('d-consent').checked) { err.textContent = '请先确认来电人同意将诉求转交承办单位。'; return; }
    var submit = $('d-submit');
    submit.disabled = true;
    submit.textContent = '正在创建…';
    try {
      var t = await api('POST', '/api/tickets', body, { 'Idempotency-Key': draftKey });
      resetAssist();
      $('assist-status').textContent = '已创建工单 ' + t.number;
      showTab('queue');
      renderDetail(t);
      openDrawer();
    } catch (ex) {
      err.textContent = ex.message;
    } finally {
      submit.textContent = '创建工单';
      renderDraftGate();
    }
  });

  // =====================================================================
  // 工单队列: queue
  // =====================================================================
  var PAGE = 20;
  var cursors = ['']; // the cursor of each page seen, for 上一页
  var nextCursor = null;
  var queueSeq = 0;

  function queueParams() {
    var p = new URLSearchParams();
    var add = function (k, v) { if (v) p.set(k, v); };
    add('status', $('f-status').value);
    add('category', $('f-category').value);
    add('department', $('f-department').value);
    if ($('f-overdue').checked) p.set('overdue', '1');
    if ($('f-supervised').checked) p.set('supervised', '1');
    add('q', $('f-q').value.trim());
    add('cursor', cursors[cursors.length - 1]);
    p.set('limit', String(PAGE));
    return p;
  }

  async function loadQueue() {
    var seq = ++queueSeq;
    try {
      var page = await api('GET', '/api/tickets?' + queueParams().toString());
      if (seq !== queueSeq) return;
      renderQueue(page);
    } catch (e) {
      if (seq === queueSeq) $('queue-total').textContent = e.message;
    }
  }

  function renderQueue(page) {
    var body = clear($('queue-body'));
    var items = page.items || [];
    nextCursor = page.nextCursor || null;
    items.forEach(function (t) {
      var tr = el('tr', t.overdue ? 'overdue' : t.dueSoon ? 'dueSoon' : '');
      tr.setAttribute('data-number', t.number);
      var first = el('td', 'nowrap');
      var link = button(t.number, 'link', null);
      first.appendChild(link);
      if (t.supervised) first.appendChild(el('span', 'badge badge--supervised', '督办'));
      if (t.overdue) first.appendChild(el('span', 'badge badge--overdue', '超期'));
      else if (t.dueSoon) first.appendChild(el('span', 'badge badge--dueSoon', '临期'));
      tr.appendChild(first);
      tr.appendChild(el('td', 'nowrap', time(t.createdAt)));
      var st = el('td', 'nowrap');
      st.appendChild(el('span', 'status status--' + t.status, t.status));
      tr.appendChild(st);
      tr.appendChild(el('td', 'nowrap', t.requestType));
      tr.appendChild(el('td', '', t.category));
      tr.appendChild(el('td', '', t.department));
      tr.appendChild(el('td', 'nowrap urgency--' + t.urgency, URGENCY_LABEL[t.urgency] || t.urgency));
      tr.appendChild(el('td', 'nowrap', time(t.deadline)));
      tr.appendChild(el('td', 'nowrap', t.name || '匿名'));
      tr.appendChild(el('td', 'nowrap', t.phone || ''));
      tr.appendChild(el('td', 'content', t.address || ''));
      tr.appendChild(el('td', 'content', t.content || ''));
      tr.addEventListener('click', function () { openDetail(t.number, false); });
      body.appendChild(tr);
    });
    show($('queue-empty'), !items.length);
    $('queue-total').textContent = '共 ' + (page.total || 0) + ' 件';
    $('queue-page').textContent = '第 ' + cursors.length + ' 页';
    $('q-prev').disabled = cursors.length <= 1;
    $('q-next').disabled = !nextCursor;
  }

  $('filters').addEventListener('submit', function (e) {
    e.preventDefault();
    cursors = [''];
    loadQueue();
  });
  ['f-status', 'f-category', 'f-department', 'f-overdue', 'f-supervised'].forEach(function (id) {
    $(id).addEventListener('change', function () { cursors = ['']; loadQueue(); });
  });
  // Orders age while the queue is open: refresh it every minute so overdue/nearly-due colours stay true.
  setInterval(function () {
    if (current === 'queue' && document.visibilityState === 'visible' && meta) loadQueue();
  }, 60000);
  $('f-reset').addEventListener('click', function () {
    $('filters').reset();
    cursors = [''];
    loadQueue();
  });
  $('q-next').addEventListener('click', function () {
    if (!nextCursor) return;
    cursors.push(nextCursor);
    loadQueue();
  });
  $('q-prev').addEventListener('click', function () {
    if (cursors.length <= 1) return;
    cursors.pop();
    loadQueue();
  });

  // ---------- order detail ----------
  var shown = null; // the order in the drawer

  function openDrawer() { show($('detail'), true); }
  function closeDetail() {
    show($('detail'), false);
    shown = null;
  }
  $('detail-close').addEventListener('click', closeDetail);
  $('detail-refresh').addEventListener('click', function () { if (shown) openDetail(shown.number, false); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !$('detail').classList.contains('hidden')) closeDetail();
  });

  async function openDetail(number, reveal) {
    $('detail-error').textContent = '';
    openDrawer();
    try {
      var t = await api('GET', '/api/tickets/' + encodeURIComponent(number) + (reveal ? '?reveal=1' : ''));
      renderDetail(t);
    } catch (e) {
      $('detail-error').textContent = e.message;
    }
  }

  function renderDetail(t) {
    if (!shown || shown.number !== t.number) $('detail').scrollTop = 0;
    shown = t;
    var title = clear($('detail-title'));
    title.appendChild(document.createTextNode('工单 ' + t.number + ' '));
    title.appendChild(el('span', 'status status--' + t.status, t.status));
    if (t.supervised) title.appendChild(el('span', 'badge badge--supervised', '督办'));
    if (t.overdue) title.appendChild(el('span', 'badge badge--overdue', '超期'));
    else if (t.dueSoon) title.appendChild(el('span', 'badge badge--dueSoon', '临期'));
    $('detail-error').textContent = '';

    var dl = clear($('detail-fields'));
    var row = function (label, value, cls) {
      var dd = el('dd', cls || '');
      if (value instanceof Node) dd.appendChild(value);
      else dd.textContent = value === undefined || value === null || value === '' ? '—' : String(value);
      dl.appendChild(el('dt', '', label));
      dl.appendChild(dd);
      return dd;
    };
    row('状态', t.status, 'd-status');
    row('受理时间', time(t.createdAt));
    row('来源', CHANNEL_LABEL[t.channel] || t.channel);
    row('诉求类型', t.requestType);
    row('分类', t.category);
    row('承办单位', t.department);
    row('紧急程度', URGENCY_LABEL[t.urgency] || t.urgency);
    row('办理期限', deadlineText(t));
    row('诉求人', t.name || '匿名', 'd-name');
    var phone = el('span');
    phone.appendChild(document.createTextNode(t.phone || '—'));
    if (!t.revealed) {
      phone.appendChild(document.createTextNode(' '));
      phone.appendChild(button('显示完整号码', 'small', function () { openDetail(t.number, true); }));
    } else phone.appendChild(el('span', 'muted', '（完整信息，查看已记录）'));
    row('联系电话', phone);
    row('地址', t.address, 'd-address');
    row('诉求内容', t.content, 'd-content');
    if (t.amountYuan !== null && t.amountYuan !== undefined) row('涉及金额', Number(t.amountYuan).toLocaleString('zh-CN') + ' 元');
    if (t.wageArrears) row('欠薪案件', '是' + (t.workers !== null && t.workers !== undefined ? '：农民工 ' + t.workers + ' 人' : '') + (t.recoveredYuan !== null && t.recoveredYuan !== undefined ? '，追回 ' + Number(t.recoveredYuan).toLocaleString('zh-CN') + ' 元' : ''));
    if (t.returnReason) row('退单原因', t.returnReason, 'd-return');
    if (t.reply) row('办理答复', t.reply, 'd-reply');
    if (t.closedAt) row('办结时间', time(t.closedAt));
    if (t.satisfaction) row('满意度', t.satisfaction, 'd-satisfaction');
    if (t.callbackNote) row('回访记录', t.callbackNote, 'd-callback');
    row('更新时间', time(t.updatedAt));

    renderActions(t);

    var ol = clear($('detail-history'));
    (t.history || []).forEach(function (h) {
      var li = el('li');
      li.setAttribute('data-action', h.action);
      li.appendChild(el('div', 'when', time(h.at) + ' · ' + (h.actor || '系统')));
      var what = (ACTION_LABEL[h.action] || h.action) + (h.fromStatus && h.toStatus && h.fromStatus !== h.toStatus ? '：' + h.fromStatus + ' → ' + h.toStatus : h.toStatus && !h.fromStatus ? '：' + h.toStatus : '');
      li.appendChild(el('strong', '', what));
      if (h.note) li.appendChild(el('div', 'note', h.note));
      ol.appendChild(li);
    });
  }

  async function act(t, body, box) {
    var buttons = box.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    $('detail-error').textContent = '';
    try {
      var next = await api('PATCH', '/api/tickets/' + encodeURIComponent(t.number), body);
      renderDetail(next);
      loadQueue();
    } catch (e) {
      $('detail-error').textContent = e.message;
      buttons.forEach(function (b) { b.disabled = false; });
      // 409: someone else moved it first; show where it is now.
      if (e.status === 409) {
        try { var fresh = await api('GET', '/api/tickets/' + encodeURIComponent(t.number)); renderDetail(fresh); $('detail-error').textContent = e.message; } catch (x) { /* keep the message */ }
      }
    }
  }

  function textField(placeholder, multiline, max) {
    var f = el(multiline ? 'textarea' : 'input');
    if (!multiline) f.type = 'text';
    f.placeholder = placeholder;
    f.maxLength = max;
    f.setAttribute('aria-label', placeholder);
    return f;
  }
  function opt(s) { s = s.trim(); return s ? s : undefined; }

  function renderActions(t) {
    var box = clear($('detail-actions'));
    var allowed = t.allowedActions || [];
    if (!allowed.length) box.appendChild(el('p', 'muted', t.status === '已回访' ? '本工单已回访，流程结束。' : '当前没有可执行的操作。'));
    allowed.forEach(function (a) {
      var section = el('section', 'action');
      section.setAttribute('data-action', a);
      var err = function (text) { $('detail-error').textContent = text; };
      var row = el('div', 'row');
      switch (a) {
        case 'dispatch': {
          section.appendChild(el('h3', '', t.status === '退单' ? '重新派单' : '派单'));
          var dep = el('select');
          dep.setAttribute('aria-label', '承办单位');
          fillSelect(dep, meta.departments.indexOf(t.department) >= 0 ? meta.departments : [t.department].concat(meta.departments), t.department);
          var note = textField('派单说明（可选）', false, 500);
          row.appendChild(dep);
          row.appendChild(note);
          row.appendChild(button(t.status === '退单' ? '重新派单' : '派单', 'primary', function () {
            act(t, { action: 'dispatch', department: dep.value, note: opt(note.value) }, section);
          }));
          break;
        }
        case 'accept': {
          section.appendChild(el('h3', '', '承办单位签收'));
          var n2 = textField('签收说明（可选）', false, 500);
          row.appendChild(n2);
          row.appendChild(button('签收', 'primary', function () { act(t, { action: 'accept', note: opt(n2.value) }, section); }));
          break;
        }
        case 'return': {
          section.appendChild(el('h3', '', '退单'));
          var reason = textField('退单原因（必填）', true, 500);
          section.appendChild(reason);
          row.appendChild(button('退单', '', function () {
            if (!reason.value.trim()) { err('请填写退单原因。'); reason.focus(); return; }
            act(t, { action: 'return', reason: reason.value.trim() }, section);
          }));
          break;
        }
        case 'close': {
          section.appendChild(el('h3', '', '办结'));
          var reply = textField('办理答复（必填，回复来电人的内容）', true, 2000);
          section.appendChild(reply);
          var wage = el('div', 'row');
          var workers = el('input');
          workers.type = 'number';
          workers.min = '1';
          workers.step = '1';
          workers.setAttribute('aria-label', '农民工人数');
          var yuan = el('input');
          yuan.type = 'number';
          yuan.min = '0';
          yuan.step = '0.01';
          yuan.setAttribute('aria-label', '追回金额(元)');
          var wl = el('label', '', '农民工人数 ');
          wl.appendChild(workers);
          var yl = el('label', '', '追回金额(元) ');
          yl.appendChild(yuan);
          wage.appendChild(wl);
          wage.appendChild(yl);
          var toggle = null;
          if (!t.wageArrears) {
            var tl = el('label');
            toggle = el('input');
            toggle.type = 'checkbox';
            tl.appendChild(toggle);
            tl.appendChild(document.createTextNode(' 欠薪案件：登记农民工人数和追回金额'));
            section.appendChild(tl);
            show(wage, false);
            toggle.addEventListener('change', function () { show(wage, toggle.checked); });
          }
          section.appendChild(wage);
          row.appendChild(button('办结', 'primary', function () {
            if (!reply.value.trim()) { err('请填写办理答复。'); reply.focus(); return; }
            var body = { action: 'close', reply: reply.value.trim() };
            var useWage = t.wageArrears || (toggle && toggle.checked);
            if (useWage && (workers.value !== '' || yuan.value !== '')) {
              var w = Number(workers.value);
              var y = Number(yuan.value);
              if (!Number.isInteger(w) || w < 1) { err('农民工人数应为正整数。'); workers.focus(); return; }
              if (yuan.value === '' || !isFinite(y) || y < 0) { err('请填写追回金额（元），没有追回填 0。'); yuan.focus(); return; }
              body.wageArrears = { workers: w, recoveredYuan: y };
            }
            act(t, body, section);
          }));
          break;
        }
        case 'callback': {
          section.appendChild(el('h3', '', '回访'));
          var group = el('div', 'row');
          group.setAttribute('role', 'radiogroup');
          group.setAttribute('aria-label', '满意度');
          var name = 'sat-' + t.number;
          meta.satisfaction.forEach(function (s) {
            var l = el('label');
            var r = el('input');
            r.type = 'radio';
            r.name = name;
            r.value = s;
            l.appendChild(r);
            l.appendChild(document.createTextNode(' ' + s));
            group.appendChild(l);
          });
          section.appendChild(group);
          var cbNote = textField('回访记录（可选）', true, 500);
          section.appendChild(cbNote);
          row.appendChild(button('提交回访', 'primary', function () {
            var picked = section.querySelector('input[type=radio]:checked');
            if (!picked) { err('请选择满意度。'); return; }
            act(t, { action: 'callback', satisfaction: picked.value, note: opt(cbNote.value) }, section);
          }));
          break;
        }
        case 'supervise': {
          section.appendChild(el('h3', '', '督办'));
          var sNote = textField('督办意见（必填）', false, 500);
          row.appendChild(sNote);
          row.appendChild(button('督办', '', function () {
            if (!sNote.value.trim()) { err('请填写督办意见。'); sNote.focus(); return; }
            act(t, { action: 'supervise', note: sNote.value.trim() }, section);
          }));
          break;
        }
        case 'recategorize': {
          section.appendChild(el('h3', '', '改分类'));
          var cat = el('select');
          cat.setAttribute('aria-label', '分类');
          fillSelect(cat, meta.categories, t.category);
          var rNote = textField('说明（可选）', false, 500);
          row.appendChild(cat);
          row.appendChild(rNote);
          row.appendChild(button('改分类', '', function () {
            if (cat.value === t.category) { err('分类没有变化。'); return; }
            act(t, { action: 'recategorize', category: cat.value, note: opt(rNote.value) }, section);
          }));
          section.appendChild(el('p', 'muted score-text', '承办单位随分类自动调整。'));
          break;
        }
        default:
          return;
      }
      section.appendChild(row);
      box.appendChild(section);
    });
  }

  // =====================================================================
  // 统计: dashboard
  // =====================================================================
  var charts = {};
  function chart(id) {
    if (!window.echarts) return null;
    var node = $(id);
    if (!charts[id]) charts[id] = window.echarts.init(node, null, { renderer: 'canvas' });
    return charts[id];
  }
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });

  async function loadStats() {
    try {
      var s = await api('GET', '/api/stats?days=' + encodeURIComponent($('s-days').value));
      if (current === 'stats') renderStats(s);
    } catch (e) {
      $('stats-range').textContent = e.message;
    }
  }
  $('s-days').addEventListener('change', loadStats);
  $('s-refresh').addEventListener('click', loadStats);

  function metric(label, value, sub) {
    var m = el('div', 'metric');
    m.appendChild(el('div', 'metric__label', label));
    m.appendChild(el('div', 'metric__value', value));
    if (sub) m.appendChild(el('div', 'metric__sub', sub));
    return m;
  }

  function renderStats(s) {
    $('stats-range').textContent = time(s.from) + ' 至 ' + time(s.to);
    var cards = clear($('stats-cards'));
    var sla = s.sla || {};
    var sat = s.satisfaction || {};
    var bot = s.bot || { rates: {} };
    var rates = bot.rates || {};
    var t = metric('受理工单', String(s.tickets), '');
    t.id = 'm-tickets';
    cards.appendChild(t);
    cards.appendChild(metric('按期办结率', pct(sla.onTimeRate), '办结 ' + (sla.closed || 0) + ' 件，按期 ' + (sla.closedOnTime || 0) + ' 件'));
    cards.appendChild(metric('在办工单', String(sla.open || 0), '其中超期 ' + (sla.openOverdue || 0) + ' 件'));
    cards.appendChild(metric('回访满意率', pct(sat.rate), '满意 ' + (sat['满意'] || 0) + ' · 基本满意 ' + (sat['基本满意'] || 0) + ' · 不满意 ' + (sat['不满意'] || 0)));
    cards.appendChild(metric('智能问答解答率', pct(rates.answer), '共 ' + (bot.turns || 0) + ' 轮对话'));
    cards.appendChild(metric('追问澄清率', pct(rates.clarify), '追问 ' + (bot.clarify || 0) + ' 次'));
    cards.appendChild(metric('转人工率', pct(rates.handoff), '转人工 ' + (bot.handoff || 0) + ' 次'));
    cards.appendChild(metric('紧急分流', String(bot.urgent || 0), '提示拨打 110/120/119'));

    var list = clear($('unanswered'));
    (s.topUnanswered || []).forEach(function (q) {
      var li = el('li');
      li.appendChild(document.createTextNode(q.text));
      li.appendChild(el('span', 'muted', '（' + q.count + ' 次）'));
      list.appendChild(li);
    });
    show($('unanswered-empty'), !(s.topUnanswered || []).length);

    if (!window.echarts) {
      ['chart-volume', 'chart-category', 'chart-department', 'chart-satisfaction'].forEach(function (id) {
        clear($(id)).appendChild(el('p', 'muted', '图表组件未能加载。'));
      });
      return;
    }
    var days = s.volumeByDay || [];
    chart('chart-volume').setOption({
      grid: { left: 36, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map(function (d) { return d.day.slice(5); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '受理量', type: 'line', showSymbol: days.length <= 31, data: days.map(function (d) { return d.count; }), areaStyle: { opacity: 0.15 }, itemStyle: { color: '#b3261e' } }],
    }, true);
    barChart('chart-category', s.byCategory || [], '#b3261e');
    barChart('chart-department', s.byDepartment || [], '#0b57d0');
    var rated = (sat['满意'] || 0) + (sat['基本满意'] || 0) + (sat['不满意'] || 0);
    var SAT_COLOR = { 满意: '#2e7d32', 基本满意: '#f9a825', 不满意: '#c62828' };
    chart('chart-satisfaction').setOption({
      title: rated ? undefined : { text: '暂无回访', left: 'center', top: 'middle', textStyle: { color: '#5b6570', fontSize: 14, fontWeight: 'normal' } },
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
      legend: { bottom: 0, data: ['满意', '基本满意', '不满意'] },
      series: [{
        name: '满意度', type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
        // slices of 0 are left out so their labels do not pile up
        data: ['满意', '基本满意', '不满意'].filter(function (k) { return sat[k]; }).map(function (k) { return { name: k, value: sat[k], itemStyle: { color: SAT_COLOR[k] } }; }),
        label: { formatter: '{b} {c}' },
      }],
    }, true);
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  }

  function barChart(id, counts, color) {
    var rows = counts.slice(0, 15).reverse();
    chart(id).setOption({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(function (c) { return c.name; }), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [{ name: '工单数', type: 'bar', data: rows.map(function (c) { return c.count; }), itemStyle: { color: color }, barMaxWidth: 26, label: { show: true, position: 'right' } }],
    }, true);
  }

  // =====================================================================
  // start
  // =====================================================================
  async function init() {
    var s;
    try {
      var res = await request('GET', '/api/session');
      if (res.status === 401) { location.replace(loginUrl()); return; }
      if (!res.ok) throw new Error('会话读取失败（' + res.status + '）');
      s = await res.json();
    } catch (e) {
      globalError(e.message || '网络连接失败，请刷新重试。');
      return;
    }
    csrf = s.csrfToken;
    me = s;
    $('me-name').textContent = s.name;
    $('me-role').textContent = ROLE_LABEL[s.role] || s.role;
    if (roleAtLeast(s.role, 'supervisor')) {
      $('tab-report').href = '/console/report?month=' + currentMonth();
      show($('tab-report'), true);
    }
    try {
      meta = await api('GET', '/api/console/meta');
    } catch (e) {
      globalError(e.message);
      return;
    }
    meta.statuses.forEach(function (v) { $('f-status').appendChild(option(v)); });
    meta.categories.forEach(function (v) { $('f-category').appendChild(option(v)); });
    meta.departments.forEach(function (v) { $('f-department').appendChild(option(v)); });
    fillSelect($('d-type'), meta.requestTypes);
    fillSelect($('d-category'), meta.categories);
    if (meta.calendarMissingYears && meta.calendarMissingYears.length) {
      $('calendar-notice').textContent = '节假日安排缺少 ' + meta.calendarMissingYears.join('、') + ' 年的数据：这些年份的办理期限只跳过周末，请管理员按国务院办公厅通知补充 knowledge/calendar。';
    }
    document.body.setAttribute('data-ready', '1');
    transcript.focus();
  }
  init();
})();

// The printable monthly report: GET /api/reports/monthly?month=YYYY-MM, rendered with textContent only.
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
  function pct(x) { return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + '%'; }
  function share(n, total) { return total ? ((n / total) * 100).toFixed(1) + '%' : '—'; }
  function yuan(n) { return Number(n || 0).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) + ' 元'; }

  function thisMonth() {
    var p = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date()).forEach(function (x) { p[x.type] = x.value; });
    return p.year + '-' + p.month;
  }
  var asked = new URLSearchParams(location.search).get('month') || '';
  var month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : thisMonth();
  var label = month.slice(0, 4) + '年' + month.slice(5, 7) + '月';

  document.title = '榆树市12345热线 月度报告 ' + label;
  $('title').textContent = '榆树市12345热线 月度报告 ' + label;
  $('month').value = month;
  $('csv').href = '/api/reports/monthly.csv?month=' + encodeURIComponent(month);
  $('csv').setAttribute('download', 'xiaofa-' + month + '.csv');
  $('print').addEventListener('click', function () { window.print(); });
  function go() {
    var m = $('month').value;
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) location.assign('/console/report?month=' + encodeURIComponent(m));
  }
  $('go').addEventListener('click', go);
  $('month').addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });

  function kv(tbody, label, value) {
    var tr = el('tr');
    tr.appendChild(el('th', '', label));
    tr.appendChild(el('td', 'num', value));
    tbody.appendChild(tr);
  }
  function counts(table, rows, total) {
    var tbody = clear(table.querySelector('tbody'));
    if (!rows.length) {
      var tr = el('tr');
      var td = el('td', 'muted', '本月无数据');
      td.colSpan = 3;
      tr.appendChild(td);
      tbody.appendChild(tr);
      return;
    }
    rows.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', '', r.name));
      tr.appendChild(el('td', 'num', r.count));
      tr.appendChild(el('td', 'num', share(r.count, total)));
      tbody.appendChild(tr);
    });
  }

  function render(r) {
    var s = clear($('sentences'));
    (r.sentences || []).forEach(function (t) { s.appendChild(el('p', '', t)); });
    var sum = clear($('summary').querySelector('tbody'));
    kv(sum, '受理诉求', r.received + ' 件');
    kv(sum, '办结', r.closed + ' 件');
    kv(sum, '按期办结', r.closedOnTime + ' 件');
    kv(sum, '按期办结率', pct(r.onTimeRate));
    kv(sum, '回访满意率', pct(r.satisfactionRate));
    counts($('by-category'), r.byCategory || [], r.received);
    counts($('by-type'), r.byRequestType || [], r.received);
    var w = r.wageArrears || {};
    var wage = clear($('wage').querySelector('tbody'));
    kv(wage, '受理欠薪案件', (w.received || 0) + ' 件');
    kv(wage, '办结欠薪案件', (w.closed || 0) + ' 件');
    kv(wage, '登记追回情况', (w.withFigures || 0) + ' 件');
    kv(wage, '涉及农民工', (w.workers || 0) + ' 人');
    kv(wage, '追回欠薪', yuan(w.recoveredYuan));
    $('generated').textContent = '生成时间：' + new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' });
    $('loading').classList.add('hidden');
    $('body').classList.remove('hidden');
  }

  fetch('/api/reports/monthly?month=' + encodeURIComponent(month), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (res) {
      if (res.status === 401) { location.replace('/console/login?next=' + encodeURIComponent('/console/report?month=' + month)); return null; }
      return res.json().catch(function () { return null; }).then(function (data) {
        if (!res.ok) throw new Error(data && data.error && data.error.message ? data.error.message : '报告生成失败（' + res.status + '）');
        return data;
      });
    })
    .then(function (data) { if (data) render(data); })
    .catch(function (e) {
      $('loading').textContent = '';
      $('error').textContent = e.message || '网络连接失败，请刷新重试。';
    });
})();

// The chat page. Every piece of text from the user or the server is inserted with textContent
// (never innerHTML), so nothing a person types can become markup.
(function () {
  'use strict';
  var log = document.getElementById('log');
  var chips = document.getElementById('chips');
  var form = document.getElementById('form');
  var input = document.getElementById('input');
  var socket = null;
  // Embedded on another site the browser may withhold our cookie: the server's signed session value
  // also comes back in a header, kept for this tab only.
  var SID_KEY = 'xiaofa-sid';
  function sid() { try { return sessionStorage.getItem(SID_KEY); } catch (e) { return null; } }
  function keepSid(res) {
    var v = res.headers.get('X-Xiaofa-Session');
    if (v) { try { sessionStorage.setItem(SID_KEY, v); } catch (e) { /* storage disabled */ } }
    return res;
  }
  var socketReady = false;
  var pending = [];

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  // **bold** is the only markup the answers use; built as DOM nodes, not parsed as HTML.
  function richText(parent, text) {
    var parts = String(text).split(/\*\*([^*]+)\*\*/);
    for (var i = 0; i < parts.length; i++) {
      if (i % 2 === 1) parent.appendChild(el('strong', '', parts[i]));
      else if (parts[i]) parent.appendChild(document.createTextNode(parts[i]));
    }
  }

  function scroll() { log.scrollTop = log.scrollHeight; }

  function addUser(text) {
    var li = el('li', 'msg msg--user', text);
    log.appendChild(li);
    scroll();
  }

  function addBot(msg) {
    var li = el('li', 'msg msg--bot' + (msg.action === 'urgent' ? ' msg--urgent' : ''));
    li.setAttribute('data-action', msg.action || '');
    richText(li, msg.text || '');
    if (msg.ticketNumber) {
      li.appendChild(document.createElement('br'));
      li.appendChild(el('span', 'ticket', '工单号 ' + msg.ticketNumber));
    }
    var cites = msg.citations || [];
    if (cites.length) {
      var ul = el('ul', 'citations');
      ul.setAttribute('aria-label', '法律依据');
      cites.forEach(function (c) {
        var item = el('li');
        item.appendChild(el('cite', '', '《' + c.law + '》' + c.article));
        item.appendChild(document.createTextNode('：“' + c.quote + '”'));
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
    log.appendChild(li);
    setChips(msg.quick_replies || []);
    scroll();
  }

  function setChips(list) {
    while (chips.firstChild) chips.removeChild(chips.firstChild);
    list.forEach(function (q) {
      var title = typeof q === 'string' ? q : q.title;
      var b = el('button', 'chip', title);
      b.type = 'button';
      b.addEventListener('click', function () { send(title === '找人工 / 登记工单' ? '转人工' : title); });
      chips.appendChild(b);
    });
  }

  function viaWebhook(text) {
    var headers = { 'Content-Type': 'application/json' };
    if (sid()) headers['X-Xiaofa-Session'] = sid();
    fetch('/api/messages', {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify({ type: 'message', text: text })
    })
      .then(keepSid)
      .then(function (r) { return r.json(); })
      .then(function (list) {
        (Array.isArray(list) ? list : []).forEach(addBot);
        if (!socket && sid()) connect();
      })
      .catch(function () { addBot({ text: '网络不太好，请稍后再试，或直接拨打 12345。' }); });
  }

  function connect() {
    try {
      var proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
      socket = new WebSocket(proto + location.host + '/ws' + (sid() ? '?sid=' + encodeURIComponent(sid()) : ''));
    } catch (e) { socket = null; return; }
    socket.onopen = function () {
      socketReady = true;
      pending.splice(0).forEach(function (t) { socket.send(JSON.stringify({ type: 'message', text: t })); });
    };
    socket.onmessage = function (ev) {
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg && msg.type === 'message') addBot(msg);
    };
    socket.onclose = function () {
      var wasReady = socketReady;
      socketReady = false;
      socket = null;
      // Queued messages go by webhook so nothing typed is lost.
      pending.splice(0).forEach(viaWebhook);
      if (wasReady) setTimeout(connect, 2000);
    };
  }

  function send(text) {
    text = String(text || '').trim();
    if (!text) return;
    addUser(text);
    setChips([]);
    if (socket && socketReady) socket.send(JSON.stringify({ type: 'message', text: text }));
    else if (socket) pending.push(text);
    else viaWebhook(text);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value;
    input.value = '';
    send(text);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });
  document.getElementById('human').addEventListener('click', function () { send('转人工'); });

  addBot({ text: '您好，我是小法。请说说您遇到的法律问题，或把可疑短信粘贴给我看看。', quick_replies: ['老板不给工资怎么办', '这条短信是不是诈骗', '我要登记工单'] });
  connect();
})();

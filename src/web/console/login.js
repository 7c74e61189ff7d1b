// Console sign-in: POST /api/session, then on to `next` (only a /console path) or the console.
(function () {
  'use strict';
  var form = document.getElementById('login-form');
  var nameInput = document.getElementById('name');
  var passInput = document.getElementById('password');
  var errorBox = document.getElementById('login-error');
  var submit = document.getElementById('login-submit');

  // Only our own console pages: "/console", "/console/…" or "/console?…" — never another site.
  function target() {
    var next = new URLSearchParams(location.search).get('next') || '';
    return /^\/console(?:[/?#]|$)/.test(next) && next.indexOf('\\') < 0 ? next : '/console';
  }

  function showError(text) { errorBox.textContent = text; }

  // Already signed in (a second tab, the back button): go straight on.
  fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { if (r.ok) location.replace(target()); })
    .catch(function () { /* offline: the form still works once the network is back */ });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var name = nameInput.value.trim();
    var password = passInput.value;
    if (!name || !password) { showError('请输入用户名和密码。'); return; }
    showError('');
    submit.disabled = true;
    submit.textContent = '正在登录…';
    fetch('/api/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name: name, password: password })
    })
      .then(function (res) {
        if (res.status === 204 || res.ok) { location.assign(target()); return; }
        if (res.status === 401) showError('用户名或密码错误，请重新输入。');
        else if (res.status === 429) {
          var wait = Number(res.headers.get('Retry-After'));
          showError('登录尝试次数过多，请' + (wait > 0 ? ' ' + Math.ceil(wait / 60) + ' 分钟后' : '稍后') + '再试。');
        } else if (res.status === 400) showError('请输入用户名和密码。');
        else showError('登录失败（' + res.status + '），请稍后再试。');
        passInput.value = '';
        passInput.focus();
      })
      .catch(function () { showError('网络连接失败，请检查网络后重试。'); })
      .then(function () {
        submit.disabled = false;
        submit.textContent = '登录';
      });
  });
})();

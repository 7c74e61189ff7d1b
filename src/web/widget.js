// Embeddable widget: <script src="https://HOST/widget.js" async></script> adds a chat button and a
// panel (an iframe of the chat page, so the host page's styles and scripts cannot touch it).
(function () {
  'use strict';
  if (window.__xiaofaWidget) return;
  window.__xiaofaWidget = true;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : location.origin;

  var button = document.createElement('button');
  button.type = 'button';
  button.id = 'xiaofa-widget-button';
  button.textContent = '小法 · 问法律';
  button.setAttribute('aria-expanded', 'false');
  button.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483000;background:#b3261e;color:#fff;border:0;border-radius:24px;padding:12px 18px;font-size:15px;box-shadow:0 4px 12px rgba(0,0,0,.25);cursor:pointer;';

  var panel = null;
  button.addEventListener('click', function () {
    if (!panel) {
      panel = document.createElement('iframe');
      panel.id = 'xiaofa-widget-panel';
      panel.title = '小法 普法助手';
      panel.src = origin + '/?embed=1';
      panel.style.cssText = 'position:fixed;right:16px;bottom:72px;z-index:2147483000;width:min(380px,calc(100vw - 32px));height:min(600px,calc(100vh - 96px));border:0;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.3);background:#fff;';
      document.body.appendChild(panel);
    } else {
      panel.style.display = panel.style.display === 'none' ? 'block' : 'none';
    }
    button.setAttribute('aria-expanded', panel.style.display === 'none' ? 'false' : 'true');
  });

  if (document.body) document.body.appendChild(button);
  else document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(button); });
})();

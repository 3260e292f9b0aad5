/* Live preview for a Markdown textarea (data-preview-url, data-preview-target): after a short pause in typing, the
   server renders and sanitises the text (the same nh3 rules as every authored page) and the preview shows it.
   Rendering on the server keeps one sanitiser and the strict Content Security Policy (no script libraries). */
(function () {
  'use strict';
  var tokenInput = document.querySelector('input[name="csrf_token"]');
  var token = tokenInput ? tokenInput.value : '';
  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-preview-url]'), function (box) {
    var target = document.getElementById(box.dataset.previewTarget);
    if (!target) { return; }
    var timer = null;
    var sent = 0;
    function render() {
      var mine = ++sent;
      fetch(box.dataset.previewUrl, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token, 'Accept': 'application/json' },
        body: JSON.stringify({ text: box.value })
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (body) {
        if (body && mine === sent) {   // an older answer never overwrites a newer one
          target.innerHTML = body.html;   // sanitised by the server (web/rendering.py authored_markdown)
          target.dataset.rendered = String(mine);
        }
      }).catch(function () { /* offline: the preview waits for the next change */ });
    }
    function later() { window.clearTimeout(timer); timer = window.setTimeout(render, 400); }
    box.addEventListener('input', later);
    box.addEventListener('draft:restored', later);
    if (box.value !== box.defaultValue) { render(); }   // draft.js (run first) put back a newer copy from this device
  });
}());

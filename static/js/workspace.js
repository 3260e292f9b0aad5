/* The practice workspace: live character counter (X's weighted count), the simulated SLA clock, the
   coach panel (practice mode only), canned responses, double-submit guard and triage ordering. */
(function () {
  'use strict';
  var tokenInput = document.querySelector('input[name="csrf_token"]');
  var token = tokenInput ? tokenInput.value : '';

  // ---- X weighted length, as twitter-text v3 counts it: URLs 23, emoji 2, CJK and most symbols 2.
  var URL_RE = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:com|co\.uk|uk|org|net|io|ly|co|me|info|gov|ac\.uk|app|dev)(?:\/[^\s]*)?/gi;
  var EMOJI_RE = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
  var LIGHT = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
  function cpWeight(cp) {
    for (var i = 0; i < LIGHT.length; i++) { if (cp >= LIGHT[i][0] && cp <= LIGHT[i][1]) { return 1; } }
    return 2;
  }
  function weightedLength(text) {
    var total = 0;
    text = text.normalize('NFC').replace(URL_RE, function () { total += 23; return ''; });
    var parts;
    if (window.Intl && Intl.Segmenter) {
      parts = Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), function (s) { return s.segment; });
    } else { parts = Array.from(text); }
    parts.forEach(function (g) {
      if (EMOJI_RE.test(g)) { total += 2; return; }
      Array.from(g).forEach(function (ch) { total += cpWeight(ch.codePointAt(0)); });
    });
    return total;
  }
  window.replyReadyWeightedLength = weightedLength;

  function channelOf(form) {
    var checked = form.querySelector('input[name="channel"]:checked') || form.querySelector('input[name="channel"]');
    return checked ? checked.value : '';
  }
  function updateCounter(form) {
    var box = form.querySelector('.reply-box');
    var counter = form.querySelector('.counter');
    if (!box || !counter) { return; }
    var limits = JSON.parse(form.dataset.limits || '{}');
    var lim = limits[channelOf(form)] || { max: 0, weighted: false };
    var n = lim.weighted ? weightedLength(box.value) : Array.from(box.value).length;
    counter.textContent = n + ' of ' + lim.max + (lim.weighted ? ' characters (X counts emoji as 2 and links as 23)' : ' characters');
    var over = lim.max && n > lim.max;
    counter.classList.toggle('over-limit', !!over);
    if (over) { counter.textContent += ': ' + (n - lim.max) + ' over the limit' + (lim.words ? ' (' + lim.words + ')' : ''); }
  }

  // ---- coach panel
  function renderCoach(panel, result) {
    var body = panel.querySelector('.coach-body');
    body.textContent = '';
    var p = document.createElement('p');
    p.className = 'coach-grade';
    p.textContent = 'Grade so far: ' + result.grade;
    body.appendChild(p);
    var ul = document.createElement('ul');
    ul.className = 'coach-list';
    var ORDER = ['hear', 'empathise', 'apologise', 'take_ownership', 'acknowledge', 'act', 'greeting', 'personalisation',
      'signposting', 'closing', 'tone_of_voice', 'plain_language', 'data_protection', 'take_private', 'clarify',
      'escalation', 'accuracy', 'timeliness', 'platform_fit'];
    var keys = ORDER.filter(function (k) { return k in result.criteria; })
      .concat(Object.keys(result.criteria).filter(function (k) { return ORDER.indexOf(k) < 0; }));
    keys.forEach(function (key) {
      var c = result.criteria[key];
      if (c.level === null) { return; }
      var li = document.createElement('li');
      var lv = String(c.level);
      li.className = 'coach-item level-' + lv;
      var b = document.createElement('span');
      b.className = 'level level-' + lv;
      b.textContent = lv;
      li.appendChild(b);
      li.appendChild(document.createTextNode(' ' + key.replace(/_/g, ' ') + ': ' + (c.reason || '')));
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }
  function coach(form) {
    if (form.dataset.mode !== 'practice') { return; }
    var box = form.querySelector('.reply-box');
    var panel = document.querySelector('.coach[data-coach-for="' + box.id + '"]');
    if (!panel || !box.value.trim()) { return; }
    fetch('/api/v1/score', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token, 'Accept': 'application/json' },
      body: JSON.stringify({ attempt_id: parseInt(form.dataset.attempt, 10), thread: form.dataset.thread,
        channel: channelOf(form), reply: box.value })
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (res.ok) { renderCoach(panel, res.body); } else {
          panel.querySelector('.coach-body').textContent = res.body.error || 'The coach could not check this draft.';
        }
      }).catch(function () { /* offline: the coach waits */ });
  }

  var lastBox = null;
  Array.prototype.forEach.call(document.querySelectorAll('.reply-form'), function (form) {
    var box = form.querySelector('.reply-box');
    var timer = null;
    updateCounter(form);
    box.addEventListener('focus', function () { lastBox = box; });
    box.addEventListener('input', function () {
      updateCounter(form);
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { coach(form); }, 900);
    });
    box.addEventListener('draft:restored', function () { updateCounter(form); if (box.value) { coach(form); } });
    Array.prototype.forEach.call(form.querySelectorAll('input[name="channel"]'), function (r) {
      r.addEventListener('change', function () { updateCounter(form); coach(form); });
    });
  });

  // ---- double-submit guard: every form is sent once
  Array.prototype.forEach.call(document.querySelectorAll('#workspace form'), function (form) {
    form.addEventListener('submit', function (ev) {
      if (ev.defaultPrevented) { return; }
      if (form.dataset.sent) { ev.preventDefault(); return; }
      form.dataset.sent = '1';
      var btn = form.querySelector('button[type="submit"]');
      if (btn) { window.setTimeout(function () { btn.disabled = true; btn.textContent = 'Sending…'; }, 0); }
    });
  });

  // ---- SLA clock on simulated time
  var opened = Date.now();
  function tick() {
    Array.prototype.forEach.call(document.querySelectorAll('.sla[data-sla]'), function (el) {
      var speed = parseFloat(el.dataset.speed || '1');
      var mins = parseFloat(el.dataset.since || '0') + (Date.now() - opened) / 60000 * speed;
      var sla = parseFloat(el.dataset.sla);
      var v = el.querySelector('.sla-value');
      v.textContent = Math.floor(mins) + ' min' + (mins > sla ? ' (past the target)' : '');
      el.classList.toggle('sla-late', mins > sla);
    });
  }
  tick();
  window.setInterval(tick, 5000);

  // ---- canned responses go into the reply box last used (or the first)
  Array.prototype.forEach.call(document.querySelectorAll('.insert-canned'), function (btn) {
    btn.addEventListener('click', function () {
      var box = lastBox || document.querySelector('.reply-box');
      if (!box) { return; }
      var start = box.selectionStart || box.value.length;
      box.value = box.value.slice(0, start) + btn.dataset.text + box.value.slice(box.selectionEnd || start);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.focus();
    });
  });

  // ---- triage: move by keyboard (Up / Down buttons) or drag
  var list = document.getElementById('triage-list');
  if (list) {
    var status = document.getElementById('triage-status');
    var announce = function (item) {
      var pos = Array.prototype.indexOf.call(list.children, item) + 1;
      status.textContent = item.dataset.label + ' is now at position ' + pos + ' of ' + list.children.length + '.';
    };
    list.addEventListener('click', function (ev) {
      var btn = ev.target.closest('button');
      if (!btn) { return; }
      var item = btn.closest('li');
      if (btn.classList.contains('move-up') && item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
      } else if (btn.classList.contains('move-down') && item.nextElementSibling) {
        list.insertBefore(item.nextElementSibling, item);
      }
      btn.focus();
      announce(item);
    });
    var dragged = null;
    list.addEventListener('dragstart', function (ev) {
      dragged = ev.target.closest('li');
      if (dragged) { dragged.classList.add('dragging'); ev.dataTransfer.effectAllowed = 'move'; ev.dataTransfer.setData('text/plain', dragged.dataset.id); }
    });
    list.addEventListener('dragover', function (ev) {
      ev.preventDefault();
      var over = ev.target.closest('li');
      if (!dragged || !over || over === dragged) { return; }
      var rect = over.getBoundingClientRect();
      list.insertBefore(dragged, ev.clientY > rect.top + rect.height / 2 ? over.nextElementSibling : over);
    });
    list.addEventListener('dragend', function () {
      if (dragged) { dragged.classList.remove('dragging'); announce(dragged); dragged = null; }
    });
  }
}());

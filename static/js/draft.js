/* Drafts: every textarea with data-draft-key is saved as the learner types, to this device (localStorage)
   at once and to the server after a short pause. On load the newer copy wins, so a reload, a lost
   connection or an expired session loses nothing: after signing in again the text comes back. */
(function () {
  'use strict';
  var PREFIX_ALL = 'replyready:draft:';
  // Signing out on purpose (a shared computer): forget this device's copies; the server keeps the drafts.
  Array.prototype.forEach.call(document.querySelectorAll('form[action$="/logout"]'), function (f) {
    f.addEventListener('submit', function () {
      try {
        for (var i = window.localStorage.length - 1; i >= 0; i--) {
          var k = window.localStorage.key(i);
          if (k && k.indexOf(PREFIX_ALL) === 0) { window.localStorage.removeItem(k); }
        }
      } catch (e) { /* storage off */ }
    });
  });
  var boxes = Array.prototype.slice.call(document.querySelectorAll('textarea[data-draft-key]'));
  if (!boxes.length) { return; }
  var tokenInput = document.querySelector('input[name="csrf_token"]');
  var token = tokenInput ? tokenInput.value : '';
  var PREFIX = 'replyready:draft:';
  var sessionEnded = false;
  var timers = {};

  function storeKey(box) { return PREFIX + (box.dataset.user || '0') + ':' + box.dataset.draftKey; }
  function statusEl(box) {
    var form = box.closest('form');
    return form ? form.querySelector('.draft-status') : null;
  }
  function say(box, text, withLogin) {
    var el = statusEl(box);
    if (!el) { return; }
    el.textContent = text;
    if (withLogin) {
      var a = document.createElement('a');
      a.href = '/login?next=' + encodeURIComponent(window.location.pathname);
      a.textContent = 'Sign in again';
      el.appendChild(document.createTextNode(' '));
      el.appendChild(a);
    }
  }
  function readLocal(box) {
    try { return JSON.parse(window.localStorage.getItem(storeKey(box)) || 'null'); } catch (e) { return null; }
  }
  function writeLocal(box) {
    try { window.localStorage.setItem(storeKey(box), JSON.stringify({ text: box.value, ms: Date.now() })); } catch (e) { /* storage full or off */ }
  }
  function saveServer(box) {
    // A box may name its own endpoint (a supervisory exercise keeps its draft on the attempt); the body is the same.
    return fetch(box.dataset.draftUrl || '/api/v1/drafts', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token, 'Accept': 'application/json' },
      body: JSON.stringify({ key: box.dataset.draftKey, text: box.value })
    }).then(function (r) {
      if (r.status === 401 || r.redirected) {
        sessionEnded = true;
        say(box, 'Your session has ended. Your text is kept on this device and will be waiting after you sign in.', true);
      } else if (!r.ok) {
        r.json().then(function (body) {
          say(box, 'Draft kept on this device. The server did not save it: ' + ((body && body.error) || r.status));
        }).catch(function () { say(box, 'Draft kept on this device (the server did not save it).'); });
      } else {
        sessionEnded = false;
        say(box, 'Draft saved.');
      }
    }).catch(function () {
      say(box, 'You seem to be offline. Your draft is kept on this device and will be saved when you reconnect.');
    });
  }
  function schedule(box) {
    writeLocal(box);
    var k = storeKey(box);
    window.clearTimeout(timers[k]);
    timers[k] = window.setTimeout(function () { saveServer(box); }, 600);
  }

  // Forget this device's copies of earlier turns of the same attempt (their replies were sent).
  var current = {};
  boxes.forEach(function (b) { current[storeKey(b)] = true; });
  boxes.forEach(function (b) {
    var m = /^(attempt-\d+-)/.exec(b.dataset.draftKey);
    if (!m) { return; }
    var stem = PREFIX + (b.dataset.user || '0') + ':' + m[1];
    for (var i = window.localStorage.length - 1; i >= 0; i--) {
      var key = window.localStorage.key(i);
      if (key && key.indexOf(stem) === 0 && !current[key]) { window.localStorage.removeItem(key); }
    }
  });

  boxes.forEach(function (box) {
    var local = readLocal(box);
    var serverMs = parseInt(box.dataset.serverMs || '0', 10);
    if (local && local.text && local.text !== box.value && local.ms > serverMs) {
      box.value = local.text;
      say(box, 'Your draft was restored from this device.');
      saveServer(box);
    } else if (box.value) {
      say(box, 'Your saved draft was restored.');
      writeLocal(box);
    }
    if (box.value) { box.setSelectionRange(box.value.length, box.value.length); }   // carry on where you left off
    box.dispatchEvent(new Event('draft:restored', { bubbles: true }));
    box.addEventListener('input', function () { schedule(box); });
    var form = box.closest('form');
    if (form) {
      form.addEventListener('submit', function (ev) {
        writeLocal(box);
        if (sessionEnded) {
          ev.preventDefault();
          ev.stopImmediatePropagation();
          say(box, 'Your session has ended, so this was not sent. Your text is kept: sign in again, then send it.', true);
        }
      });
    }
  });
  window.addEventListener('online', function () { boxes.forEach(function (b) { saveServer(b); }); });
}());

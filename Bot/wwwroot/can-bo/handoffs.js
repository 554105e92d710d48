// A handoff's conversation: asks for the messages after the last one shown every few seconds and appends them as text.
(function () {
  'use strict';
  var list = document.getElementById('conversation');
  if (!list) { return; }
  var every = 4000;
  var cursor = list.getAttribute('data-cursor') || '0';
  var poll = function () {
    fetch(list.getAttribute('data-messages') + '?sau=' + encodeURIComponent(cursor),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (page) {
        if (!page) { return; }
        page.messages.forEach(function (message) {
          var item = document.createElement('li');
          item.className = message.staffName ? 'from-staff' : 'from-resident';
          var who = document.createElement('span');
          who.className = 'who';
          who.textContent = (message.staffName ? list.getAttribute('data-staff') + ' ' + message.staffName : list.getAttribute('data-resident')) + ' · ' + message.at;
          var body = document.createElement('p');
          body.textContent = message.text;
          item.appendChild(who);
          item.appendChild(body);
          list.appendChild(item);
        });
        cursor = String(page.cursor);
        if (!page.closed) { setTimeout(poll, every); }
      }, function () { setTimeout(poll, every * 2); });
  };
  setTimeout(poll, every);
})();

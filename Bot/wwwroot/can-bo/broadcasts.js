// The broadcasts page: the phone preview follows what the clerk types, and each broadcast still under way asks for its
// delivery counts every few seconds until nothing is pending. Text is set as text, never as markup.
(function () {
  'use strict';
  var text = document.getElementById('text');
  var preview = document.getElementById('preview-text');
  if (text && preview) {
    var show = function () {
      var value = text.value.trim();
      preview.textContent = value || preview.getAttribute('data-empty');
      preview.classList.toggle('empty', !value);
    };
    text.addEventListener('input', show);
    show();
  }
  var every = 5000;
  document.querySelectorAll('tr[data-progress]').forEach(function (row) {
    var poll = function () {
      fetch(row.getAttribute('data-progress'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (status) {
          if (!status) { return; }
          row.querySelector('[data-count="sent"]').textContent = status.sent;
          row.querySelector('[data-count="pending"]').textContent = status.pending;
          row.querySelector('[data-count="failed"]').textContent = status.failed;
          if (status.pending > 0) { setTimeout(poll, every); }
        }, function () { setTimeout(poll, every * 2); });
    };
    setTimeout(poll, every);
  });
})();

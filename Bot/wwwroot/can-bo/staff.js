// The staff chat: asks the workspace for a staff token (the session cookie proves who it is, the page's antiforgery
// token that the page is the workspace's own) and hands it to chat.js, which opens the chat. The token lives only in
// this page's memory.
(function () {
  'use strict';

  var root = document.getElementById('webchat');
  var error = document.getElementById('chat-error');

  function tell(text) {
    document.getElementById('loading').hidden = true;
    error.textContent = text;
    error.hidden = false;
  }

  async function start() {
    try {
      var response = await fetch(new URL(root.dataset.tokenUrl, window.location.href), {
        method: 'POST',
        headers: { 'RequestVerificationToken': root.dataset.antiforgery },
        credentials: 'same-origin'
      });
      if (response.status === 401) {
        window.location.reload();
        return;
      }
      if (!response.ok) {
        tell(response.status === 429 ? error.dataset.busy : error.dataset.unreachable);
        return;
      }
      var signedIn = await response.json();
      root.dispatchEvent(new CustomEvent('onestop:signed-in', { detail: { token: signedIn.token } }));
    } catch (failure) {
      tell(error.dataset.unreachable);
    }
  }

  start();
})();

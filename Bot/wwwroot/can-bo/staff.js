// The staff sign-in form: posts the name and password as JSON (never as a form) and hands the token to chat.js,
// which opens the staff chat. The token lives only in this page's memory: signing out forgets it by reloading.
(function () {
  'use strict';

  var form = document.getElementById('sign-in');
  var error = document.getElementById('sign-in-error');
  var root = document.getElementById('webchat');
  var signOut = document.getElementById('sign-out');
  var button = form.querySelector('button[type="submit"]');
  var texts = form.dataset;
  var busy = false;

  function tell(text, field) {
    error.textContent = text;
    error.hidden = false;
    if (field) {
      field.focus();
    }
  }

  // The polite words for what the server answered: its Direct Line error code tells a blocked address from a busy host.
  async function refusal(response) {
    if (response.status === 401) {
      return texts.wrong;
    }
    var code = '';
    try {
      code = (await response.json()).error.code;
    } catch (ignored) {
      // Not Direct Line's shape (the host's limits answer with a problem document).
    }
    if (response.status === 429) {
      return code === 'TooManyConversations' ? texts.busy : texts.tooMany;
    }
    return texts.unreachable;
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    if (busy) {
      return;
    }
    var user = form.elements.user;
    var password = form.elements.password;
    if (!user.value.trim() || !password.value) {
      tell(texts.missing, user.value.trim() ? password : user);
      return;
    }
    busy = true;
    button.disabled = true;
    error.hidden = true;
    try {
      var response = await fetch(new URL(root.dataset.directline + '/staff/tokens', window.location.href), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: user.value.trim(), password: password.value }),
        credentials: 'omit'
      });
      if (!response.ok) {
        var words = await refusal(response);
        password.value = '';
        tell(words, response.status === 401 ? password : null);
        return;
      }
      var signedIn = await response.json();
      password.value = '';
      form.hidden = true;
      document.getElementById('loading').hidden = false;
      root.hidden = false;
      signOut.hidden = false;
      root.dispatchEvent(new CustomEvent('onestop:signed-in', { detail: { token: signedIn.token } }));
    } catch (failure) {
      tell(texts.unreachable, null);
    } finally {
      busy = false;
      button.disabled = false;
    }
  });

  signOut.addEventListener('click', function () {
    window.location.replace(window.location.pathname);
  });

  form.elements.user.focus();
})();

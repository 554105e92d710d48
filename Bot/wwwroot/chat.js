// Starts Web Chat against this host's Direct Line endpoint. The bundle (window.WebChat) is served by the host.
(function () {
  'use strict';

  var root = document.getElementById('webchat');
  var api = new URL(root.dataset.directline, window.location.href).href;
  var procedureId = root.dataset.procedureId;
  var procedureName = root.dataset.procedureName;

  // One id per browser tab; random, so nothing personal is sent.
  function userId() {
    var key = 'onestop.userId';
    var id = window.sessionStorage.getItem(key);
    if (!id) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = 'dl_' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
      window.sessionStorage.setItem(key, id);
    }
    return id;
  }

  function showOffline() {
    document.getElementById('offline').hidden = false;
  }

  async function start() {
    var user = userId();
    var response = await fetch(api + '/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: user } })
    });
    if (!response.ok) {
      throw new Error('Direct Line token: HTTP ' + response.status);
    }
    var token = (await response.json()).token;

    var asked = false;
    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          // A QR link (/?hoi=khai-sinh) asks about its procedure as soon as the chat is connected.
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && procedureId && !asked) {
            asked = true;
            var result = next(action);
            api.dispatch({
              type: 'WEB_CHAT/SEND_MESSAGE_BACK',
              payload: { text: procedureId, value: { procedure: procedureId }, displayText: 'Hỏi thủ tục: ' + procedureName }
            });
            window.history.replaceState(null, '', window.location.pathname);
            return result;
          }
          if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
            showOffline();
          }
          return next(action);
        };
      };
    });

    window.WebChat.renderWebChat(
      {
        directLine: window.WebChat.createDirectLine({ token: token, domain: api, webSocket: true }),
        store: store,
        userID: user,
        locale: 'vi-VN',
        styleOptions: {
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
          accent: '#0b5cad',
          backgroundColor: '#ffffff',
          bubbleBackground: '#eef3f8',
          bubbleBorderRadius: 14,
          bubbleFromUserBackground: '#0b5cad',
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderRadius: 14,
          bubbleMinHeight: 44,
          bubbleMaxWidth: 560,
          botAvatarInitials: 'MC',
          avatarSize: 36,
          hideUploadButton: true,
          sendBoxHeight: 60,
          sendBoxTextWrap: true,
          suggestedActionLayout: 'flow',
          suggestedActionHeight: 48,
          suggestedActionBorderRadius: 24,
          suggestedActionBorderWidth: 2,
          suggestedActionBorderColor: '#0b5cad',
          suggestedActionTextColor: '#0b5cad',
          suggestedActionBackgroundColor: '#ffffff',
          suggestedActionBackgroundColorOnHover: '#e3edf8',
          transcriptVisualKeyboardIndicatorWidth: 0
        }
      },
      root
    );
    var input = root.querySelector('input, textarea');
    if (input) {
      input.focus();
    }
  }

  start().catch(function (error) {
    console.error(error);
    showOffline();
  });
})();

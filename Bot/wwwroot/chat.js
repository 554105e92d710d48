// Starts Web Chat against this host's Direct Line endpoint. The bundle (window.WebChat) is served by the host.
(function () {
  'use strict';

  var root = document.getElementById('webchat');
  var api = new URL(root.dataset.directline, window.location.href).href;
  var procedureId = root.dataset.procedureId;
  var procedureName = root.dataset.procedureName;

  // The server chooses who the visitor is; the tab keeps its last token so that a reload continues as the same
  // user (and still sees its own dossiers) without the page ever naming an id.
  var tokenKey = 'onestop.token';

  function showOffline() {
    document.getElementById('offline').hidden = false;
  }

  // The user id the server put in the token (Web Chat must show messages from it as the visitor's own).
  function userOf(token) {
    var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(window.atob(payload + '==='.slice((payload.length + 3) % 4))).user;
  }

  function requestToken(earlier) {
    var headers = { 'Content-Type': 'application/json' };
    if (earlier) {
      headers.Authorization = 'Bearer ' + earlier;
    }
    return fetch(api + '/tokens/generate', { method: 'POST', headers: headers, body: '{}' });
  }

  async function start() {
    var response = await requestToken(window.sessionStorage.getItem(tokenKey));
    if (response.status === 401) {
      // The earlier token is no longer accepted: start as a new visitor.
      response = await requestToken(null);
    }
    if (!response.ok) {
      throw new Error('Direct Line token: HTTP ' + response.status);
    }
    var token = (await response.json()).token;
    window.sessionStorage.setItem(tokenKey, token);

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
        userID: userOf(token),
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

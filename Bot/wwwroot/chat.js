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
    document.getElementById('loading').hidden = true;
    document.getElementById('offline').hidden = false;
  }

  // Bare office sites ("dichvucong.gov.vn") would be linked as http://; phone numbers become tap-to-call.
  // Citizen ID numbers (12 digits) and dossier codes are left alone: only 10–11 digit numbers starting with 0.
  var bareGovSite = /(^|[\s(])((?:[a-z0-9-]+\.)+gov\.vn(?:\/[^\s)]*)?)/gi;
  var phoneNumber = /(^|[^\w\/.:\[-])(0\d{2,3}(?:[ .]?\d{3,4}){2})(?![\w\]])/g;

  function linkify(text) {
    return text.replace(bareGovSite, '$1https://$2').replace(phoneNumber, function (match, before, number) {
      var digits = number.replace(/\D/g, '');
      return digits.length === 10 || digits.length === 11 ? before + '[' + number + '](tel:' + digits + ')' : match;
    });
  }

  function withLinks(activity) {
    if (activity.type !== 'message' || !activity.text || (activity.from && activity.from.role === 'user') || activity.textFormat === 'plain') {
      return activity;
    }
    return Object.assign({}, activity, { text: linkify(activity.text) });
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
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: withLinks(action.payload.activity) }) });
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
        // The bot says "anh/chị"; the bundle's Vietnamese placeholder says "của bạn".
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Anh/chị gõ câu hỏi ở đây' },
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
    document.getElementById('loading').hidden = true;
    // Inside the portal's iframe, focusing would scroll the portal's page down to the chat on load.
    var input = root.querySelector('input, textarea');
    if (input && window.self === window.top) {
      input.focus();
    }
  }

  start().catch(function (error) {
    console.error(error);
    showOffline();
  });
})();

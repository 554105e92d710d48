// Starts Web Chat against this host's Direct Line endpoint. The bundle (window.WebChat) is served by the host and
// loaded by the next script on the page.
(function () {
  'use strict';

  var root = document.getElementById('webchat');
  var api = new URL(root.dataset.directline, window.location.href).href;
  var procedureId = root.dataset.procedureId;
  var procedureName = root.dataset.procedureName;

  // The server chooses who the visitor is. The tab keeps its conversation and latest token, so that a reload, a
  // restart of the host or a phone woken after an hour carries on in the same chat, with its transcript.
  var chatKey = 'onestop.chat';
  var connectionExpiredToken = 3;
  var connectionFailed = 4;
  var connectionEnded = 5;

  var directLine = null;
  var ended = false;
  var renewing = false;
  var retryDelay = 5000;

  function savedChat() {
    try {
      return JSON.parse(window.sessionStorage.getItem(chatKey));
    } catch (error) {
      return null;
    }
  }

  function saveChat(conversationId, token) {
    window.sessionStorage.setItem(chatKey, JSON.stringify({ conversationId: conversationId, token: token }));
  }

  // Said once the chat cannot carry on; "Bắt đầu lại" opens a new conversation as the same visitor.
  function showOffline() {
    ended = true;
    document.getElementById('loading').hidden = true;
    document.getElementById('offline').hidden = false;
  }

  document.getElementById('restart').addEventListener('click', function () {
    var earlier = savedChat();
    if (earlier && earlier.token) {
      window.sessionStorage.setItem(chatKey, JSON.stringify({ token: earlier.token }));
    }
    window.location.reload();
  });

  function call(method, path, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    return fetch(api + path, { method: method, headers: headers, body: method === 'POST' ? '{}' : undefined });
  }

  // A new token for the conversation of this one (the server accepts a recently expired one); null when the server
  // says the conversation cannot go on, an error when it could not be asked (offline, restarting).
  async function renew(token) {
    var response = await call('POST', '/tokens/refresh', token);
    if (response.ok) {
      return response.json();
    }
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      return null;
    }
    throw new Error('Direct Line refresh: HTTP ' + response.status);
  }

  // Renews the token before it expires, and after anything that may have cut the chat: the stream closing, the phone
  // waking, the network coming back. A stream cut by an expired token is reopened with the new one.
  async function keepAlive() {
    if (!directLine || ended || renewing) {
      return;
    }
    renewing = true;
    try {
      var fresh = await renew(directLine.token);
      if (!fresh) {
        showOffline();
        return;
      }
      directLine.token = fresh.token;
      saveChat(fresh.conversationId, fresh.token);
      retryDelay = 5000;
      if (directLine.connectionStatus$.getValue() === connectionExpiredToken) {
        var path = '/conversations/' + encodeURIComponent(fresh.conversationId) + '?watermark=' + encodeURIComponent(directLine.watermark || '');
        var reconnect = await call('GET', path, fresh.token);
        if (reconnect.ok) {
          directLine.reconnect(await reconnect.json());
        }
      }
    } catch (error) {
      // Not reachable yet (a restart, no signal): ask again a little later, less often each time.
      window.setTimeout(keepAlive, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    } finally {
      renewing = false;
    }
  }

  // The stream's socket, watched: when it closes, the token is checked at once instead of after minutes of retries.
  var NativeWebSocket = window.WebSocket;
  function WatchedSocket(url, protocols) {
    var socket = new NativeWebSocket(url, protocols);
    socket.addEventListener('close', function () {
      window.setTimeout(keepAlive, 1000);
    });
    return socket;
  }

  // Web Chat's createDirectLine passes no WebSocket option on; DirectLineJS takes the global one when it is built.
  function createWatchedDirectLine(options) {
    window.WebSocket = WatchedSocket;
    try {
      return window.WebChat.createDirectLine(options);
    } finally {
      window.WebSocket = NativeWebSocket;
    }
  }

  // The saved conversation with a fresh token, else a new conversation (as the same visitor while its token is good).
  async function connect() {
    var earlier = savedChat();
    if (earlier && earlier.conversationId) {
      var resumed = await renew(earlier.token).catch(function () { return null; });
      if (resumed) {
        return { conversationId: resumed.conversationId, token: resumed.token, expiresIn: resumed.expires_in, resumed: true };
      }
    }
    var response = await call('POST', '/tokens/generate', earlier && earlier.token);
    if (response.status === 401) {
      response = await call('POST', '/tokens/generate', null);
    }
    if (!response.ok) {
      throw new Error('Direct Line token: HTTP ' + response.status);
    }
    var created = await response.json();
    return { conversationId: created.conversationId, token: created.token, expiresIn: created.expires_in, resumed: false };
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

  // The page runs this file before the bundle's script, so the token is asked for while the bundle still downloads.
  function bundleLoaded() {
    return new Promise(function (resolve) {
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', resolve, { once: true });
      } else {
        resolve();
      }
    });
  }

  async function start() {
    var chat = await connect();
    await bundleLoaded();
    var token = chat.token;
    saveChat(chat.conversationId, token);

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
            // DirectLineJS renews the token on its own too: the tab keeps whichever is newest.
            saveChat(chat.conversationId, directLine.token);
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: withLinks(action.payload.activity) }) });
          }
          return next(action);
        };
      };
    });

    // A resumed conversation is reopened from its start, so the reloaded page shows the transcript again.
    directLine = createWatchedDirectLine({
      token: token,
      conversationId: chat.resumed ? chat.conversationId : undefined,
      domain: api,
      webSocket: true
    });
    directLine.connectionStatus$.subscribe(function (status) {
      if (status === connectionExpiredToken) {
        keepAlive();
      } else if (status === connectionFailed || status === connectionEnded) {
        showOffline();
      }
    });
    window.setInterval(keepAlive, Math.max(60, (chat.expiresIn || 1800) / 3) * 1000);
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) {
        keepAlive();
      }
    });
    window.addEventListener('online', keepAlive);

    window.WebChat.renderWebChat(
      {
        directLine: directLine,
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

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
  // One chat per commune: a tab that opens another commune's page starts that commune's chat.
  var chatKey = 'onestop.chat' + (root.dataset.commune ? '.' + root.dataset.commune : '');
  var connectionOnline = 2;
  var connectionExpiredToken = 3;
  var connectionFailed = 4;
  var connectionEnded = 5;

  var directLine = null;
  var stream = null;
  var reopen = null;
  var afterDisconnect = null;
  var ended = false;
  var renewing = false;
  var retryDelay = 5000;

  // The only access to the tab's storage. A page framed by another site (a commune portal) may be refused it
  // (SecurityError when the browser blocks third-party storage) or find it gone; the chat then keeps what it would
  // have stored in memory, for as long as the page is open. The staff page keeps nothing in the tab at all.
  var tabMemory = {};
  var tabStorage = root.dataset.signIn ? null : (function () {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null;
    }
  })();

  function remembered(key) {
    if (tabStorage) {
      try {
        return tabStorage.getItem(key);
      } catch (error) {
        tabStorage = null;
      }
    }
    return Object.prototype.hasOwnProperty.call(tabMemory, key) ? tabMemory[key] : null;
  }

  function remember(key, value) {
    tabMemory[key] = value;
    if (tabStorage) {
      try {
        tabStorage.setItem(key, value);
      } catch (error) {
        // Refused or full: from now on memory is the only copy, so that reading never finds an older one.
        tabStorage = null;
      }
    }
  }

  function savedChat() {
    try {
      return JSON.parse(remembered(chatKey));
    } catch (error) {
      return null;
    }
  }

  // The watermark is how far the page has shown the conversation: a new connection starts there.
  function saveChat(conversationId, token, watermark) {
    remember(chatKey, JSON.stringify({ conversationId: conversationId, token: token, watermark: watermark || '' }));
  }

  // While the host cannot be reached (a restart, no signal) the page says so, and takes the notice away as soon as the
  // chat is connected again; the retries below reconnect by themselves.
  var reconnectingText = 'Mất kết nối, đang thử lại…';

  function showReconnecting() {
    if (ended || document.getElementById('reconnecting')) {
      return;
    }
    var banner = document.createElement('p');
    banner.id = 'reconnecting';
    banner.className = 'reconnecting';
    banner.setAttribute('role', 'status');
    banner.textContent = reconnectingText;
    root.parentNode.insertBefore(banner, root);
  }

  function hideReconnecting() {
    var banner = document.getElementById('reconnecting');
    if (banner) {
      banner.remove();
    }
  }

  // Said once the chat cannot carry on; "Bắt đầu lại" opens a new conversation as the same visitor.
  function showOffline() {
    hideReconnecting();
    ended = true;
    document.getElementById('loading').hidden = true;
    document.getElementById('offline').hidden = false;
  }

  document.getElementById('restart').addEventListener('click', function () {
    var earlier = savedChat();
    if (earlier && earlier.token) {
      remember(chatKey, JSON.stringify({ token: earlier.token }));
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
  // waking, the network coming back. A stream cut by an expired token is reopened with the new one; a stream that
  // closed (a restart, no signal) is reopened at once from where the page was, not after DirectLineJS's own delays.
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
      saveChat(fresh.conversationId, fresh.token, directLine.watermark);
      retryDelay = 5000;
      if (directLine.connectionStatus$.getValue() === connectionExpiredToken) {
        directLine.reconnect(await streamOf(fresh.conversationId, fresh.token, directLine.watermark));
      } else if (stream && stream.readyState === NativeWebSocket.CLOSED) {
        var from = savedChat().watermark;
        var reopened = await streamOf(fresh.conversationId, fresh.token, from);
        reopen({ conversationId: fresh.conversationId, token: reopened.token, streamUrl: reopened.streamUrl, watermark: from });
      } else {
        hideReconnecting();
      }
    } catch (error) {
      // Not reachable yet (a restart, no signal): ask again a little later, less often each time.
      showReconnecting();
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
    stream = socket;
    socket.addEventListener('close', function () {
      // Only the stream in use: a stream let go for a new one closes too.
      if (socket === stream) {
        showReconnecting();
      }
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

  // The stream of a conversation from a watermark, with a token good for it.
  async function streamOf(conversationId, token, watermark) {
    var response = await call('GET', '/conversations/' + encodeURIComponent(conversationId) + '?watermark=' + encodeURIComponent(watermark || ''), token);
    if (!response.ok) {
      throw new Error('Direct Line reconnect: HTTP ' + response.status);
    }
    return response.json();
  }

  // The saved conversation with a fresh token, else a new conversation (as the same visitor while its token is good).
  // Everything Direct Line needs, stream address included, is asked for here while the bundle still loads: Web Chat
  // then opens the socket at once instead of making these round trips after the bundle has run.
  async function connect() {
    if (root.dataset.signIn) {
      return startConversation(await signedIn());
    }
    var earlier = savedChat();
    if (earlier && earlier.conversationId) {
      var resumed = await renew(earlier.token).catch(function () { return null; });
      if (resumed) {
        // From the start of what the server kept: the reloaded page shows the transcript again.
        var stream = await streamOf(resumed.conversationId, resumed.token, '').catch(function () { return null; });
        if (stream) {
          return { conversationId: resumed.conversationId, token: stream.token, streamUrl: stream.streamUrl, expiresIn: resumed.expires_in };
        }
      }
    }
    var token = null;
    if (earlier && earlier.token) {
      var again = await call('POST', '/tokens/generate', earlier.token);
      token = again.ok ? (await again.json()).token : null;
    }
    return startConversation(token);
  }

  // The staff page hands over the token its sign-in form got; until then there is no chat to start.
  function signedIn() {
    return new Promise(function (resolve) {
      root.addEventListener('onestop:signed-in', function (event) {
        resolve(event.detail.token);
      }, { once: true });
    });
  }

  // One request makes the conversation, the greeting and the token of a first visit (or of the token's conversation).
  async function startConversation(token) {
    var response = await call('POST', '/conversations', token);
    if (!response.ok) {
      throw new Error('Direct Line conversation: HTTP ' + response.status);
    }
    var created = await response.json();
    return { conversationId: created.conversationId, token: created.token, streamUrl: created.streamUrl, expiresIn: created.expires_in };
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

  // The Markdown the bot sends Web Chat is small: lines ending in a hard break ("  \n"), paragraphs, backslash escapes
  // (dialogs escape every other Markdown character), and the links made above. The minimal bundle has no renderer,
  // so this one renders exactly that; anything else shows as typed. Everything is HTML-escaped: only <p>, <br> and
  // https:/tel: links come out.
  var escapable = /[!-\/:-@\[-`{-~]/;
  var markdownLink = /^\[([^\]\n]{1,200})\]\(((?:https:\/\/|tel:)[^\s()]{1,2000})\)/;
  var bareUrl = /https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"]/g;

  function html(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function anchor(href, label) {
    var external = href.indexOf('tel:') === 0 ? '' : ' target="_blank" rel="noopener noreferrer"';
    return '<a href="' + html(href) + '"' + external + '>' + html(label) + '</a>';
  }

  function withBareLinks(text) {
    var out = '';
    var last = 0;
    text.replace(bareUrl, function (url, at) {
      out += withCodes(text.slice(last, at)) + anchor(url, url);
      last = at + url.length;
      return url;
    });
    return out + withCodes(text.slice(last));
  }

  // A dossier code (000.32.30.H49-261207-0001) is never broken inside a part: a narrow phone may wrap it only after a
  // dot of the agency code. Each part is a span that chat.css keeps on one line; nothing is added to the text, so a
  // copied code is the code.
  var dossierCode = /[0-9A-Za-z]{1,10}(?:\.[0-9A-Za-z]{1,10}){0,5}-\d{6}-\d{4}(?![\w-])/g;

  function codeHtml(code) {
    var parts = code.split('.');
    return '<span class="dossier-code">' + parts.map(function (part, i) {
      return '<span>' + html(i < parts.length - 1 ? part + '.' : part) + '</span>';
    }).join('<wbr>') + '</span>';
  }

  function withCodes(text) {
    var out = '';
    var last = 0;
    text.replace(dossierCode, function (code, at) {
      out += html(text.slice(last, at)) + codeHtml(code);
      last = at + code.length;
      return code;
    });
    return out + html(text.slice(last));
  }

  function renderLine(line) {
    var out = '';
    var plain = '';
    for (var i = 0; i < line.length; i++) {
      var c = line.charAt(i);
      if (c === '\\' && i + 1 < line.length && escapable.test(line.charAt(i + 1))) {
        plain += line.charAt(++i);
        continue;
      }
      var link = c === '[' ? markdownLink.exec(line.slice(i)) : null;
      if (link) {
        out += withBareLinks(plain) + anchor(link[2], link[1]);
        plain = '';
        i += link[0].length - 1;
        continue;
      }
      plain += c;
    }
    return out + withBareLinks(plain);
  }

  function renderMarkdown(markdown) {
    return markdown.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).filter(function (block) {
      return block.trim().length > 0;
    }).map(function (block) {
      return '<p>' + block.split('\n').map(function (line) {
        return renderLine(line.replace(/ {2,}$/, '').replace(/^ {1,3}/, ''));
      }).join('<br>') + '</p>';
    }).join('');
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
    // Marks for the page's timeline (how long the connection and the bundle took), read by the speed test.
    window.performance.mark('chat:connected');
    await bundleLoaded();
    window.performance.mark('chat:bundle');
    var token = chat.token;
    saveChat(chat.conversationId, token, '');

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
          if (action.type === 'DIRECT_LINE/DISCONNECT_FULFILLED' && afterDisconnect) {
            // After Web Chat has gone back to waiting for a connection.
            window.setTimeout(afterDisconnect, 0);
            afterDisconnect = null;
          }
          if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
            showOffline();
          }
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            // DirectLineJS takes a new token on its own too when it reconnects: the tab keeps whichever is newest.
            if (!window.performance.getEntriesByName('chat:first-activity').length) {
              window.performance.mark('chat:first-activity');
            }
            saveChat(chat.conversationId, directLine.token, directLine.watermark);
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: withLinks(action.payload.activity) }) });
          }
          return next(action);
        };
      };
    });

    window.setInterval(keepAlive, Math.max(60, (chat.expiresIn || 1800) / 3) * 1000);
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) {
        keepAlive();
      }
    });
    window.addEventListener('online', keepAlive);
    window.addEventListener('offline', showReconnecting);

    // The connection Web Chat uses; replaced by a new one when the stream is reopened. Web Chat keeps its transcript
    // (its store) across the swap and the new stream starts at the saved watermark, so nothing shows twice or goes
    // missing. Web Chat's own swap (rendering it again) can lose the new connection, so the page makes it itself:
    // disconnect, and connect the new one once the old one is let go.
    var subscription = null;
    function connectTo(connection) {
      if (subscription) {
        subscription.unsubscribe();
      }
      directLine = createWatchedDirectLine({
        token: connection.token,
        conversationId: connection.conversationId,
        streamUrl: connection.streamUrl,
        watermark: connection.watermark,
        domain: api,
        webSocket: true
      });
      subscription = directLine.connectionStatus$.subscribe(function (status) {
        if (status === connectionOnline) {
          hideReconnecting();
        } else if (status === connectionExpiredToken) {
          keepAlive();
        } else if (status === connectionFailed || status === connectionEnded) {
          showOffline();
        }
      });
      return directLine;
    }
    reopen = function (connection) {
      var previous = directLine;
      var next = connectTo(connection);
      afterDisconnect = function () {
        previous.end();
        store.dispatch({ type: 'DIRECT_LINE/CONNECT', payload: { directLine: next, userID: userOf(token) } });
      };
      store.dispatch({ type: 'DIRECT_LINE/DISCONNECT' });
    };
    connectTo(chat);
    render(store, token);
    document.getElementById('loading').hidden = true;
    // Inside the portal's iframe, focusing would scroll the portal's page down to the chat on load.
    var input = root.querySelector('input, textarea');
    if (input && window.self === window.top) {
      input.focus();
    }
    keepFiles();
  }

  function render(store, token) {
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: userOf(token),
        locale: 'vi-VN',
        renderMarkdown: renderMarkdown,
        // The bot says "anh/chị"; the bundle's Vietnamese placeholder says "của bạn". The staff page names a command.
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: root.dataset.placeholder || 'Anh/chị gõ câu hỏi ở đây' },
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
  }

  // Once the chat is up (never competing with the first download), the service worker keeps the page's files, so a
  // later visit starts without downloading or compiling the bundle again. Not available: the page works as before.
  function keepFiles() {
    if (!('serviceWorker' in window.navigator)) {
      return;
    }
    var register = function () {
      window.navigator.serviceWorker.register('sw.js').catch(function (error) {
        console.warn('Service worker not registered', error);
      });
    };
    if (document.readyState === 'complete') {
      register();
    } else {
      window.addEventListener('load', register, { once: true });
    }
  }

  start().catch(function (error) {
    console.error(error);
    showOffline();
  });
})();

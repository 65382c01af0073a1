import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from '@/lib/auth';
import { freshAccessToken, refreshAheadMs, refreshSession } from '@/lib/auth/session-refresh';
import { tokenStorage } from '@/lib/auth/token-storage';

/** The server drops sockets silent for 90 s; every live socket says "__ping__" this often and ignores "__pong__". */
export const heartbeatIntervalMs = 30_000;
/** Reconnect backoff: 1 s, 2 s, 4 s … capped at 30 s, reset once the server has sent something. */
export const firstReconnectDelayMs = 1_000;
export const maxReconnectDelayMs = 30_000;

/** Close codes after which reconnecting cannot help: 4401 bad token, 4403 not yours or closed, 4404 no such thing. */
export const terminalCloseCodes = [4401, 4403, 4404] as const;
export type TerminalCloseCode = (typeof terminalCloseCodes)[number];

/**
 * `connecting` until the first connection opens; `open` while connected; `reconnecting` after the socket
 * dropped or failed to open (a retry is scheduled); `offline` when there is no WebSocket or token, the browser
 * is offline, or the server closed for good.
 */
export type LiveSocketStatus = 'connecting' | 'open' | 'reconnecting' | 'offline';

/** ws(s)://<this host><path>. The token never goes in the URL (it would land in proxy logs). */
export function liveSocketUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${path}`;
}

/** The subprotocols that carry the access token: the server answers with the first, never echoing the token. */
export const bearerProtocol = 'ottobon.bearer';
export function socketProtocols(token: string): string[] {
  return [bearerProtocol, token];
}

type LiveSocketOptions = {
  /** e.g. /ws/admin/ingestion or /ws/chat/<id>; null keeps the socket closed. */
  path: string | null;
  /** Each JSON message the server sends (messages that are not JSON are ignored). */
  onMessage: (message: unknown) => void;
  /** The server closed with a terminal code; no reconnect follows. 4401 has already signed the user out. */
  onTerminalClose?: (code: TerminalCloseCode) => void;
};

/**
 * A WebSocket to the backend that keeps itself alive with a heartbeat and reconnects with backoff when it drops,
 * until the component unmounts or the server closes for good. The access token (refreshed first when about to lapse)
 * goes in the Sec-WebSocket-Protocol header at every (re)connect. A 4401 close (token expired, session ended) is
 * answered like a 401 from the API client: refresh once and reconnect, else sign the user out. `send` writes a text
 * frame if the socket is open and says whether it did.
 */
export function useLiveSocket({ path, onMessage, onTerminalClose }: LiveSocketOptions) {
  // Kept with the path it belongs to, so a new path reads as `connecting` until its socket reports.
  const [state, setState] = useState<{ path: string | null; status: LiveSocketStatus }>({ path, status: 'connecting' });
  const socketRef = useRef<WebSocket | null>(null);
  const { logout } = useAuth();
  const handlers = useRef({ onMessage, onTerminalClose, logout });
  useEffect(() => {
    handlers.current = { onMessage, onTerminalClose, logout };
  }, [onMessage, onTerminalClose, logout]);

  useEffect(() => {
    if (path === null) return;
    let stopped = false;
    let failures = 0;
    let refreshedAfterRefusal = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let socket: WebSocket | null = null;
    const setStatus = (status: LiveSocketStatus) => {
      if (!stopped) setState({ path, status });
    };

    const scheduleReconnect = () => {
      const delay = Math.min(maxReconnectDelayMs, firstReconnectDelayMs * 2 ** failures);
      failures += 1;
      setStatus('reconnecting');
      clearTimeout(retryTimer);
      retryTimer = setTimeout(connect, delay);
    };

    function connect() {
      if (stopped) return;
      retryTimer = undefined;
      const token = tokenStorage.get();
      if (typeof WebSocket === 'undefined' || !tokenStorage.hasSession()) {
        setStatus('offline');
        return;
      }
      // Open at once with a token that has a while to live; otherwise renew it first.
      if (token && (tokenStorage.msUntilExpiry() ?? 0) >= refreshAheadMs) {
        open(token);
        return;
      }
      void freshAccessToken().then((renewed) => {
        if (stopped) return;
        if (renewed) open(renewed);
        else setStatus('offline');
      });
    }

    function open(token: string) {
      let opened: WebSocket;
      try {
        opened = new WebSocket(liveSocketUrl(path!), socketProtocols(token));
      } catch {
        scheduleReconnect();
        return;
      }
      socket = opened;
      opened.onopen = () => {
        if (stopped || socket !== opened) return;
        socketRef.current = opened;
        setStatus('open');
        clearInterval(heartbeat);
        heartbeat = setInterval(() => {
          if (opened.readyState === WebSocket.OPEN) opened.send('__ping__');
        }, heartbeatIntervalMs);
      };
      opened.onmessage = (event: MessageEvent) => {
        if (stopped || socket !== opened || typeof event.data !== 'string') return;
        // The connection works: the next drop starts the backoff from the beginning.
        failures = 0;
        refreshedAfterRefusal = false;
        if (event.data === '__pong__') return;
        let message: unknown;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        handlers.current.onMessage(message);
      };
      // An error is always followed by close; reconnecting happens there, once.
      opened.onclose = (event: CloseEvent) => {
        if (socket !== opened) return;
        socket = null;
        socketRef.current = null;
        clearInterval(heartbeat);
        if (stopped) return;
        if (event.code === 4401 && !refreshedAfterRefusal) {
          // The token lapsed or the session ended: a refresh tells which; reconnect with the new token.
          refreshedAfterRefusal = true;
          setStatus('reconnecting');
          void refreshSession().then((renewed) => {
            if (stopped) return;
            if (renewed) connect();
            else {
              setStatus('offline');
              handlers.current.logout(); // RequireAuth then sends the user to sign in
              handlers.current.onTerminalClose?.(4401);
            }
          });
          return;
        }
        if ((terminalCloseCodes as readonly number[]).includes(event.code)) {
          setStatus('offline');
          if (event.code === 4401) handlers.current.logout();
          handlers.current.onTerminalClose?.(event.code as TerminalCloseCode);
          return;
        }
        scheduleReconnect();
      };
    }

    // Back online after a network loss: don't wait out the backoff.
    const handleOnline = () => {
      if (retryTimer !== undefined && !socket) {
        clearTimeout(retryTimer);
        connect();
      }
    };
    const handleOffline = () => {
      if (!socket) setStatus('offline');
    };
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    connect();

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
      socketRef.current = null;
      if (socket) {
        const closing = socket;
        socket = null;
        closing.onmessage = null;
        closing.onclose = null;
        // Closing a socket that is still connecting logs a warning in browsers; close it once it opens.
        if (closing.readyState === WebSocket.CONNECTING) closing.onopen = () => closing.close();
        else {
          closing.onopen = null;
          closing.close();
        }
      }
    };
  }, [path]);

  const send = useCallback((text: string): boolean => {
    const socket = socketRef.current;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(text);
    return true;
  }, []);

  const status: LiveSocketStatus = path === null ? 'offline' : state.path === path ? state.status : 'connecting';
  return { status, send };
}

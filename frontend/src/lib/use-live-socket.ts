import { useEffect, useRef, useState } from 'react';
import { tokenStorage } from '@/lib/auth/token-storage';

/** Waits before each reconnect; the last one repeats. Reset once the server has sent something. */
export const defaultReconnectDelaysMs: readonly number[] = [1000, 2000, 4000, 8000, 15000];

/**
 * `connecting` until the first connection opens; `open` while connected; `reconnecting` after the socket
 * dropped or failed to open (a retry is scheduled); `unavailable` when there is no WebSocket or no token.
 */
export type LiveSocketStatus = 'connecting' | 'open' | 'reconnecting' | 'unavailable';

/** ws(s)://<this host><path>?access_token=…: the backend reads the JWT from the query for WebSockets. */
export function liveSocketUrl(path: string, token: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const separator = path.includes('?') ? '&' : '?';
  return `${protocol}//${location.host}${path}${separator}access_token=${encodeURIComponent(token)}`;
}

type LiveSocketOptions = {
  /** e.g. /ws/admin/ingestion; null keeps the socket closed. */
  path: string | null;
  /** Each JSON message the server sends (messages that are not JSON are ignored). */
  onMessage: (message: unknown) => void;
  reconnectDelaysMs?: readonly number[];
};

/**
 * A WebSocket to the backend that reconnects with backoff when it drops, until the component unmounts.
 * The access token is read at every (re)connect, so a renewed session is picked up.
 */
export function useLiveSocket({ path, onMessage, reconnectDelaysMs = defaultReconnectDelaysMs }: LiveSocketOptions): LiveSocketStatus {
  // Kept with the path it belongs to, so a new path reads as `connecting` until its socket reports.
  const [state, setState] = useState<{ path: string | null; status: LiveSocketStatus }>({ path, status: 'connecting' });
  const onMessageRef = useRef(onMessage);
  useEffect(() => {
    onMessageRef.current = onMessage;
  }, [onMessage]);
  const delaysRef = useRef(reconnectDelaysMs);

  useEffect(() => {
    if (path === null) return;
    let socket: WebSocket | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const setStatus = (status: LiveSocketStatus) => setState({ path, status });

    const scheduleReconnect = () => {
      if (stopped) return;
      const delays = delaysRef.current;
      const delay = delays[Math.min(failures, delays.length - 1)] ?? 1000;
      failures += 1;
      setStatus('reconnecting');
      retryTimer = setTimeout(connect, delay);
    };

    function connect() {
      if (stopped) return;
      const token = tokenStorage.get();
      if (typeof WebSocket === 'undefined' || !token || path === null) {
        setStatus('unavailable');
        return;
      }
      let opened: WebSocket;
      try {
        opened = new WebSocket(liveSocketUrl(path, token));
      } catch {
        scheduleReconnect();
        return;
      }
      socket = opened;
      opened.onopen = () => {
        if (!stopped) setStatus('open');
      };
      opened.onmessage = (event: MessageEvent) => {
        if (stopped || typeof event.data !== 'string') return;
        // The connection works: the next drop starts the backoff from the beginning.
        failures = 0;
        let message: unknown;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        onMessageRef.current(message);
      };
      // An error is always followed by close; reconnecting happens there, once.
      opened.onclose = () => {
        if (socket !== opened) return;
        socket = null;
        scheduleReconnect();
      };
    }

    connect();

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      if (socket) {
        const closing = socket;
        socket = null;
        closing.onopen = null;
        closing.onmessage = null;
        closing.onclose = null;
        // Closing a socket that is still connecting logs a warning in browsers; close it once it opens.
        if (closing.readyState === WebSocket.CONNECTING) closing.onopen = () => closing.close();
        else closing.close();
      }
    };
  }, [path]);

  if (path === null) return 'unavailable';
  return state.path === path ? state.status : 'connecting';
}

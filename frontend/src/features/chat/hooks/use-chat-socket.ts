import { useCallback, useEffect, useRef, useState } from 'react';
import { tokenStorage } from '@/lib/auth';
import { liveSocketUrl } from '@/lib/use-live-socket';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

export const pingIntervalMs = 30_000;
export const firstReconnectDelayMs = 1_000;
export const maxReconnectDelayMs = 30_000;

/** Close codes after which reconnecting cannot help. */
export const terminalCloseCodes = [4401, 4403, 4404] as const;
export type TerminalCloseCode = (typeof terminalCloseCodes)[number];

type ChatSocketOptions = {
  /** e.g. /ws/chat/<id>; null keeps the socket closed. */
  path: string | null;
  onFrame: (frame: unknown) => void;
  /** The server closed for good: 4401 bad token, 4403 not yours or closed, 4404 no such session. */
  onTerminalClose: (code: TerminalCloseCode) => void;
};

/**
 * The chat's WebSocket: JSON frames in, text out; "__ping__" every 30 s (the server drops sockets silent for
 * 90 s); reconnects after any other close with backoff 1 s, 2 s, 4 s … 30 s, reset once the server has spoken.
 * The token is read at each connect.
 */
export function useChatSocket({ path, onFrame, onTerminalClose }: ChatSocketOptions) {
  const [state, setState] = useState<{ path: string | null; status: ConnectionStatus }>({ path, status: 'connecting' });
  const socketRef = useRef<WebSocket | null>(null);
  const handlers = useRef({ onFrame, onTerminalClose });
  useEffect(() => {
    handlers.current = { onFrame, onTerminalClose };
  }, [onFrame, onTerminalClose]);

  useEffect(() => {
    if (path === null) return;
    let stopped = false;
    let failures = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let pingTimer: ReturnType<typeof setInterval> | undefined;
    let socket: WebSocket | null = null;
    const setStatus = (status: ConnectionStatus) => {
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
      if (typeof WebSocket === 'undefined' || !token) {
        setStatus('offline');
        return;
      }
      let opened: WebSocket;
      try {
        opened = new WebSocket(liveSocketUrl(path!, token));
      } catch {
        scheduleReconnect();
        return;
      }
      socket = opened;
      opened.onopen = () => {
        if (stopped || socket !== opened) return;
        socketRef.current = opened;
        setStatus('online');
        clearInterval(pingTimer);
        pingTimer = setInterval(() => {
          if (opened.readyState === WebSocket.OPEN) opened.send('__ping__');
        }, pingIntervalMs);
      };
      opened.onmessage = (event: MessageEvent) => {
        if (stopped || socket !== opened || typeof event.data !== 'string') return;
        failures = 0;
        if (event.data === '__pong__') return;
        let frame: unknown;
        try {
          frame = JSON.parse(event.data);
        } catch {
          return;
        }
        handlers.current.onFrame(frame);
      };
      opened.onclose = (event: CloseEvent) => {
        if (socket !== opened) return;
        socket = null;
        socketRef.current = null;
        clearInterval(pingTimer);
        if (stopped) return;
        if ((terminalCloseCodes as readonly number[]).includes(event.code)) {
          setStatus('offline');
          handlers.current.onTerminalClose(event.code as TerminalCloseCode);
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
      clearInterval(pingTimer);
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
      socketRef.current = null;
      if (socket) {
        const closing = socket;
        socket = null;
        closing.onmessage = null;
        closing.onclose = null;
        if (closing.readyState === WebSocket.CONNECTING) closing.onopen = () => closing.close();
        else {
          closing.onopen = null;
          closing.close();
        }
      }
    };
  }, [path]);

  /** Writes a frame if the socket is open; false otherwise. */
  const send = useCallback((text: string): boolean => {
    const socket = socketRef.current;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(text);
    return true;
  }, []);

  const status: ConnectionStatus = path === null ? 'offline' : state.path === path ? state.status : 'connecting';
  return { status, send };
}

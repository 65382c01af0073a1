import { act } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * A WebSocket stand-in: the app opens it as usual, and the test plays the server with `open()`, `send()`
 * and `drop()`. Every socket the app creates is in `MockWebSocket.instances`, oldest first.
 */
export class MockWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: MockWebSocket[] = [];
  /** The header bell's /ws/notifications sockets, kept apart so a page's own sockets stay `instances` and `latest()`. */
  static notificationSockets: MockWebSocket[] = [];

  static latest(): MockWebSocket {
    const socket = MockWebSocket.instances.at(-1);
    if (!socket) throw new Error('The app has not opened a WebSocket.');
    return socket;
  }

  readonly url: string;
  /** The subprotocols the app offered (the access token travels here, never in the URL). */
  readonly protocols: string[];
  readyState = MockWebSocket.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  /** Set when the app closed the socket itself. */
  closedByApp = false;

  constructor(url: string, protocols: string | string[] = []) {
    this.url = url;
    this.protocols = typeof protocols === 'string' ? [protocols] : protocols;
    if (url.endsWith('/ws/notifications')) MockWebSocket.notificationSockets.push(this);
    else MockWebSocket.instances.push(this);
  }

  /** Frames the app sent, oldest first. */
  sent: string[] = [];

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.closedByApp = true;
    this.readyState = MockWebSocket.CLOSED;
  }

  // --- The server's side.

  open(): void {
    act(() => {
      this.readyState = MockWebSocket.OPEN;
      this.onopen?.(new Event('open'));
    });
  }

  /** The server pushes a JSON message. */
  push(message: unknown): void {
    act(() => {
      this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
    });
  }

  /** The server pushes a text frame as is (e.g. "__pong__"). */
  pushText(text: string): void {
    act(() => {
      this.onmessage?.(new MessageEvent('message', { data: text }));
    });
  }

  /** The server closes with a code, e.g. 4401 (bad token) or 4404 (no such session). */
  closeWith(code: number): void {
    act(() => {
      this.readyState = MockWebSocket.CLOSED;
      this.onclose?.(new CloseEvent('close', { code }));
    });
  }

  /** The connection fails or drops (error, then close, as browsers report it). */
  drop(): void {
    act(() => {
      this.readyState = MockWebSocket.CLOSED;
      this.onerror?.(new Event('error'));
      this.onclose?.(new CloseEvent('close', { code: 1006 }));
    });
  }
}

/** Replace the global WebSocket with MockWebSocket for every test in the file. */
export function installMockWebSocket(): void {
  beforeEach(() => {
    MockWebSocket.instances = [];
    vi.stubGlobal('WebSocket', MockWebSocket);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

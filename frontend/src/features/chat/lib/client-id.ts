import { apiLimits } from '@/lib/api-limits.generated';

/** A random UUID v4, also where crypto.randomUUID is missing (plain http on a LAN address). */
export function newClientId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The server refuses frames over this many UTF-8 bytes of the whole JSON frame: its chat message limit
 * (ChatRules.MaxMessageBytes), which the OpenAPI document states on the agent's reply.
 */
export const maxFrameBytes = apiLimits.schemas.AdminReply.content.maxBytes;

export function messageFrame(content: string, clientId: string): string {
  return JSON.stringify({ type: 'message', content, client_id: clientId });
}

const encoder = new TextEncoder();
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

import type { Server } from 'node:http';

export const MIME_TYPES: Record<string, string>;

export function startServer(
  dir?: string,
  base?: string,
  port?: number,
  host?: string,
): Promise<{ server: Server; url: string; close: () => Promise<void> }>;

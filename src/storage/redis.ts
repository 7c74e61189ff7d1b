import { createClient } from 'redis';
import { redactUrl, StorageError } from './errors.js';

export type Redis = ReturnType<typeof createClient>;

/**
 * Connects or fails fast with the address (password hidden). Afterwards the client reconnects by itself;
 * while it is away, commands fail and callers answer 5xx rather than lose a conversation silently.
 */
export async function connectRedis(url: string, onError: (err: Error) => void = () => undefined): Promise<Redis> {
  let connected = false;
  const client = createClient({
    url,
    socket: {
      connectTimeout: 5000,
      // Before the first connection a failure ends the start (fail fast); after it, keep trying with back-off.
      reconnectStrategy: (retries, cause) => (connected ? Math.min(retries * 200, 5000) : cause),
    },
  });
  client.on('error', (err: Error) => {
    if (connected) onError(err);
  });
  try {
    await client.connect();
  } catch (err) {
    if (client.isOpen) client.destroy();
    throw new StorageError(`Redis at ${redactUrl(url)}: ${(err as Error).message}`);
  }
  connected = true;
  return client;
}

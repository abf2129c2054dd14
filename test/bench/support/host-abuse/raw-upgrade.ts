/**
 * A WebSocket upgrade over a bare TCP socket, so an attack can write frame headers and payloads
 * exactly as it likes (the `ws` client would refuse to send a 64 MiB frame lazily).
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export interface RawUpgrade {
  socket: net.Socket;
  /** The HTTP status of the upgrade answer (101 when upgraded). */
  status: number;
  /** Resolves when the TCP connection is gone (closed, reset or destroyed). */
  gone: Promise<void>;
}

/** Connects from `localAddress` (e.g. 127.0.0.2) and sends the upgrade request for `path`. */
export function rawUpgrade(port: number, path: string, localAddress = '127.0.0.1', timeoutMs = 5000): Promise<RawUpgrade> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress });
    const gone = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no upgrade answer in time'));
    }, timeoutMs);
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      clearTimeout(timer);
      socket.off('data', onData);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      // Whatever followed the headers (the challenge) is left for the caller to ignore.
      resolve({ socket, status, gone });
    };
    socket.on('data', onData);
    socket.once('close', () => {
      clearTimeout(timer);
      reject(new Error('connection closed before the upgrade answer'));
    });
    socket.once('connect', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
  });
}

/**
 * A client frame header (FIN set, masked with an all-zero key, so the payload goes out as is).
 * opcode 1 = text, 2 = binary.
 */
export function frameHeader(opcode: 1 | 2, length: number): Buffer {
  if (length < 126) return Buffer.from([0x80 | opcode, 0x80 | length, 0, 0, 0, 0]);
  if (length < 65_536) {
    const header = Buffer.alloc(8);
    header[0] = 0x80 | opcode;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(14);
  header[0] = 0x80 | opcode;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

/** One complete masked client frame. */
export function clientFrame(opcode: 1 | 2, payload: Buffer): Buffer {
  return Buffer.concat([frameHeader(opcode, payload.length), payload]);
}

const CHUNK = Buffer.alloc(1024 * 1024);

/**
 * Writes the header of a `length`-byte frame and then the payload in 1 MiB chunks, honouring
 * backpressure, until it is all sent or the host drops the connection. Returns the bytes written.
 */
export async function streamFrame(socket: net.Socket, opcode: 1 | 2, length: number): Promise<number> {
  let written = 0;
  if (!socket.writable) return written;
  socket.write(frameHeader(opcode, length));
  while (written < length && socket.writable && !socket.destroyed) {
    const size = Math.min(CHUNK.length, length - written);
    const ok = socket.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size));
    written += size;
    if (!ok) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          socket.off('drain', done);
          socket.off('close', done);
          resolve();
        };
        socket.once('drain', done);
        socket.once('close', done);
      });
    }
  }
  return written;
}

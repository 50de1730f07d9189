/**
 * The bench's browser stand-in: HTTP/1.1 over one kept-alive loopback socket, one request
 * at a time, as a page's fetch calls the local door. It speaks the protocol in full —
 * request line, Host, Content-Type, Content-Length, Authorization, the answer's status
 * line, headers and Content-Length body, then JSON — but without Node's general-purpose
 * client around it (agent queue, request and response streams, header objects): a
 * browser's network stack is native code, and Node's client cost the client process about
 * 0.4 ms of CPU per call, on the same two cores as the app.
 */
import { connect, type Socket } from 'node:net';

export interface Answer {
  status: number;
  /** header names in lower case */
  headers: Map<string, string>;
  body: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection to 127.0.0.1:port; a new one is opened when the server closed the last. */
export class KeepAliveClient {
  private socket: Socket | null = null;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { socket: Socket; resolve(a: Answer): void; reject(e: Error): void } | null = null;

  constructor(readonly port: number) {}

  post(path: string, body: string, headers: Record<string, string>): Promise<Answer> {
    if (this.waiting) return Promise.reject(new Error('one request at a time on a keep-alive connection'));
    const socket = this.open();
    let head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nConnection: keep-alive\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    return new Promise<Answer>((resolve, reject) => {
      this.waiting = { socket, resolve, reject };
      // the request in one write: headers and body in one segment
      socket.write(`${head}\r\n${body}`);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    if (this.socket && !this.socket.destroyed && this.socket.writable) return this.socket;
    const socket = connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    this.received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.answerIfWhole(socket);
    });
    const ended = (err?: Error) => {
      if (this.socket === socket) this.socket = null;
      // only the request sent on this socket is lost with it
      const w = this.waiting;
      if (w?.socket !== socket) return;
      this.waiting = null;
      w.reject(err ?? new Error('the server closed the connection before answering'));
    };
    socket.on('error', ended);
    socket.on('close', () => ended());
    this.socket = socket;
    return socket;
  }

  /** Hands the answer over once its headers and Content-Length bytes of body are in. */
  private answerIfWhole(socket: Socket): void {
    const end = this.received.indexOf(HEAD_END);
    if (end < 0) return;
    const lines = this.received.toString('latin1', 0, end).split('\r\n');
    const status = /^HTTP\/1\.1 (\d{3}) /.exec(lines[0]!);
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const length = Number(headers.get('content-length'));
    const w = this.waiting;
    if (!status || !Number.isInteger(length)) {
      this.waiting = null;
      socket.destroy();
      w?.reject(new Error(`not an HTTP/1.1 answer with a Content-Length: ${lines.slice(0, 3).join(' | ')}`));
      return;
    }
    const start = end + HEAD_END.length;
    if (this.received.length < start + length) return;
    const body = this.received.toString('utf8', start, start + length);
    this.received = this.received.subarray(start + length);
    this.waiting = null;
    if (headers.get('connection')?.toLowerCase() === 'close') {
      socket.destroy();
      if (this.socket === socket) this.socket = null;
    }
    w?.resolve({ status: Number(status[1]), headers, body });
  }
}

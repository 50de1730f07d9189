/**
 * A small RFC 822 / MIME reader for tests: headers (with RFC 2047 encoded words) and the
 * text/plain and text/html parts (quoted-printable or base64). Enough to prove that what
 * Bottega wrote or sent says what it should.
 */
export interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

function decodeWords(v: string): string {
  return v.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*/g, (_m, _cs: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(qp(data.replace(/_/g, ' ')), 'latin1').toString('utf8'),
  );
}

/** quoted-printable → bytes as a latin1 string (re-read as UTF-8 by the caller) */
function qp(s: string): string {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function splitHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? '7bit').toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return Buffer.from(qp(body), 'latin1').toString('utf8');
  return body;
}

export function parseEml(raw: string): ParsedMail {
  const cut = raw.search(/\r?\n\r?\n/);
  const headers = splitHeaders(raw.slice(0, cut));
  const body = raw.slice(cut).replace(/^\r?\n\r?\n/, '');
  const parts: { headers: Map<string, string>; body: string }[] = [];
  const collect = (h: Map<string, string>, b: string) => {
    const type = h.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
    if (type.startsWith('multipart/') && boundary) {
      for (const chunk of b.split(`--${boundary}`).slice(1)) {
        if (chunk.startsWith('--')) break;
        const c = chunk.replace(/^\r?\n/, '');
        const k = c.search(/\r?\n\r?\n/);
        collect(splitHeaders(c.slice(0, k)), c.slice(k).replace(/^\r?\n\r?\n/, ''));
      }
    } else parts.push({ headers: h, body: decodeBody(b, h.get('content-transfer-encoding')) });
  };
  collect(headers, body);
  const part = (t: string) => parts.find((p) => (p.headers.get('content-type') ?? 'text/plain').startsWith(t))?.body ?? '';
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), text: part('text/plain'), html: part('text/html') };
}

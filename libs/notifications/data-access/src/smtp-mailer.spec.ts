import net from 'node:net';
import { SmtpMailer } from './smtp-mailer';

interface Received {
  auth: string[];
  mailFrom: string[];
  rcptTo: string[];
  data: string[];
}

/**
 * Just enough of an SMTP server (RFC 5321) to accept or refuse mail: greeting, EHLO with
 * AUTH PLAIN, MAIL, RCPT, DATA, QUIT. It records what the client sent.
 */
function smtpServer(options: { refuseRecipient?: boolean } = {}) {
  const received: Received = { auth: [], mailFrom: [], rcptTo: [], data: [] };
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let message = '';
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test.local ESMTP ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.data.push(message);
            message = '';
            reply('250 2.0.0 queued');
          } else {
            message += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-test.local\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO') reply('250 test.local');
        else if (verb === 'AUTH') {
          received.auth.push(Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8'));
          reply('235 2.7.0 accepted');
        } else if (verb === 'MAIL') {
          received.mailFrom.push(line);
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          received.rcptTo.push(line);
          reply(options.refuseRecipient ? '550 5.1.1 no such user' : '250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.2 not implemented');
      }
    });
    socket.on('error', () => undefined);
  });
  return {
    received,
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers (unfolded) and body of a received message, quoted-printable and encoded-words decoded. */
function parse(raw: string): { headers: Record<string, string>; body: string } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const qp = (text: string) => Buffer.from(text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  const decodeWords = (value: string) =>
    value
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
        enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
      );
  for (const key of Object.keys(headers)) headers[key] = decodeWords(headers[key]);
  let body = rest.join('\r\n\r\n');
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) body = qp(body);
  else if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) body = Buffer.from(body, 'base64').toString('utf8');
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

describe('SMTP mailer', () => {
  it('hands a plain-text message to the server, authenticated, with recipient, subject and body as given', async () => {
    const server = smtpServer();
    const port = await server.listen();
    const mailer = new SmtpMailer(`smtp://alerts:s3cret@127.0.0.1:${port}`, 'Alternance <no-reply@alternance.test>', { timeoutMs: 5000 });
    try {
      await mailer.send({
        to: 'camille@example.test',
        subject: 'Votre offre « Boulanger » expire dans 7 jours',
        text: 'Elle quitte le site le 2027-01-22.\nLes candidatures déjà reçues restent.\n',
      });
    } finally {
      await mailer.close();
      await server.close();
    }
    expect(server.received.auth).toEqual(['\u0000alerts\u0000s3cret']);
    expect(server.received.mailFrom).toEqual([expect.stringMatching(/^MAIL FROM:<no-reply@alternance\.test>/)]);
    expect(server.received.rcptTo).toEqual(['RCPT TO:<camille@example.test>']);
    expect(server.received.data).toHaveLength(1);
    const { headers, body } = parse(server.received.data[0]);
    expect(headers.to).toBe('camille@example.test');
    expect(headers.from).toBe('Alternance <no-reply@alternance.test>');
    expect(headers.subject).toBe('Votre offre « Boulanger » expire dans 7 jours');
    expect(headers['content-type']).toMatch(/^text\/plain; charset=utf-8/i);
    expect(body).toBe('Elle quitte le site le 2027-01-22.\nLes candidatures déjà reçues restent.\n');
  });

  it('fails when the server refuses the recipient, so the dispatcher retries', async () => {
    const server = smtpServer({ refuseRecipient: true });
    const port = await server.listen();
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@alternance.test', { timeoutMs: 5000 });
    try {
      await expect(mailer.send({ to: 'nobody@example.test', subject: 'Hello', text: 'Hi' })).rejects.toThrow(/550|no such user|recipients/i);
    } finally {
      await mailer.close();
      await server.close();
    }
    expect(server.received.data).toEqual([]);
  });

  it('fails when no server answers', async () => {
    const server = smtpServer();
    const port = await server.listen();
    await server.close();
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@alternance.test', { timeoutMs: 2000 });
    await expect(mailer.send({ to: 'a@example.test', subject: 'Hello', text: 'Hi' })).rejects.toThrow();
    await mailer.close();
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileMailer, FiledMail } from './file-mailer';

describe('file mailer', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-mail-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each message as one JSON line under the mail folder and logs a line without personal data', async () => {
    const logged: string[] = [];
    const mailer = new FileMailer(path.join(dir, 'mail'), 'Alternance <no-reply@alternance.test>', (line) => logged.push(line));
    await mailer.send({ to: 'camille@example.test', subject: 'Nouvelle offre « Boulanger »', text: 'Ligne 1\nLigne 2' });
    await Promise.all([1, 2, 3].map((i) => mailer.send({ to: `p${i}@example.test`, subject: `S${i}`, text: `T${i}` })));

    const lines = readFileSync(path.join(dir, 'mail', 'mail.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const mails = lines.map((l) => JSON.parse(l) as FiledMail);
    expect(mails[0]).toEqual({
      id: expect.any(String),
      date: expect.any(String),
      from: 'Alternance <no-reply@alternance.test>',
      to: 'camille@example.test',
      subject: 'Nouvelle offre « Boulanger »',
      text: 'Ligne 1\nLigne 2',
    });
    expect(mails.slice(1).map((m) => m.to).sort()).toEqual(['p1@example.test', 'p2@example.test', 'p3@example.test']);
    expect(logged).toHaveLength(4);
    expect(logged[0]).toBe(`mail ${mails[0].id} written to ${path.join(dir, 'mail', 'mail.jsonl')}`);
    expect(logged.join('\n')).not.toMatch(/example\.test|Boulanger|Ligne/);
  });
});

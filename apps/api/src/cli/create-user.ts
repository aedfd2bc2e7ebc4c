import { randomBytes } from 'node:crypto';
import { Role } from '@alternance/platform/domain';
import { createStaffAccount } from '@alternance/identity/data-access';
import { parseFlags, runCli } from './cli-support';

const USAGE =
  'usage: npm run user:create -- --role RECRUITER|ADMIN|MENTOR --email someone@example.org [--name "Display Name"] [--password ...] [--disability-referent-trained-at YYYY-MM-DD (staff only)]';

runCli(async (orm) => {
  const flags = parseFlags(process.argv.slice(2));
  if (!flags.role || !flags.email) throw new Error(USAGE);
  const generated = !flags.password;
  const password = flags.password ?? randomBytes(18).toString('base64url');
  const user = await createStaffAccount(orm.em.fork(), {
    email: flags.email,
    role: flags.role.toUpperCase() as Role,
    displayName: flags.name ?? flags.email.split('@')[0],
    password,
    disabilityReferentTrainedAt: flags['disability-referent-trained-at'] ?? null,
  });
  console.log(`created ${user.role} ${user.email} (id ${user.id})${user.disabilityReferentTrainedAt ? `, disability referent trained on ${user.disabilityReferentTrainedAt}` : ''}`);
  if (generated) console.log(`password: ${password}  (shown once: store it now)`);
});

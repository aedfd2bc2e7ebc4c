import { Migration } from '@mikro-orm/migrations';

const COLUMNS = '`id`, `application_id`, `status`, `rejection_reason`, `actor_user_id`, `actor_role`, `note`, `at`';
const table = (roles: string) =>
  `create table \`application_history__new\` (\`id\` integer not null primary key autoincrement, \`application_id\` text not null, \`status\` text check (\`status\` in ('SUBMITTED', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')) not null, \`rejection_reason\` text check (\`rejection_reason\` in ('SKILLS_MISMATCH', 'EXPERIENCE_MISMATCH', 'AVAILABILITY_MISMATCH', 'LOCATION_MISMATCH', 'POSITION_FILLED', 'NO_RESPONSE', 'OTHER')) null, \`actor_user_id\` text null, \`actor_role\` text check (\`actor_role\` in (${roles})) not null, \`note\` text null, \`at\` datetime not null, constraint \`application_history_application_id_foreign\` foreign key(\`application_id\`) references \`applications\`(\`id\`) on delete cascade on update cascade);`;

// Written by hand. The history's actor role takes the roles' list too, so its check is widened
// with MENTOR by rebuilding the table, as for users (foreign keys off, see SqliteMigrator).
export class Migration20261205191100_mentor_history_role extends Migration {

  override async up(): Promise<void> {
    await this.rebuild(`'CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN', 'MENTOR'`, '');
  }

  override async down(): Promise<void> {
    await this.rebuild(`'CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN'`, ` where \`actor_role\` <> 'MENTOR'`);
  }

  private async rebuild(roles: string, where: string): Promise<void> {
    const [row] = await this.execute('pragma foreign_keys;');
    if (Number(Object.values(row ?? {})[0]) !== 0) {
      throw new Error('this migration rebuilds the application_history table and needs foreign keys off: run it through SqliteMigrator (npm run migrate)');
    }
    await this.execute(table(roles));
    await this.execute(`insert into \`application_history__new\` (${COLUMNS}) select ${COLUMNS} from \`application_history\`${where};`);
    await this.execute('drop table `application_history`;');
    await this.execute('alter table `application_history__new` rename to `application_history`;');
    await this.execute('create index `application_history_application_id_index` on `application_history` (`application_id`);');
    const broken = await this.execute('pragma foreign_key_check;');
    if (broken.length > 0) throw new Error(`rebuilding application_history broke ${broken.length} foreign key(s)`);
  }

}

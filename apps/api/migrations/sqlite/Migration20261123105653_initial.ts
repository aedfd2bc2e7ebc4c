import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105653_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`communes\` (\`id\` integer not null primary key autoincrement, \`insee_code\` text not null, \`name\` text not null, \`postcode\` text not null, \`lat\` double null, \`lng\` double null);`);
    this.addSql(`create index \`communes_insee_code_index\` on \`communes\` (\`insee_code\`);`);
    this.addSql(`create index \`communes_postcode_index\` on \`communes\` (\`postcode\`);`);

    this.addSql(`create table \`job_titles\` (\`code\` text not null, \`label\` text not null, \`search_label\` text not null, \`rome_code\` text not null, primary key (\`code\`));`);
    this.addSql(`create index \`job_titles_rome_code_index\` on \`job_titles\` (\`rome_code\`);`);

    this.addSql(`create table \`occupations\` (\`code\` text not null, \`label\` text not null, \`search_label\` text not null, \`parent_code\` text null, primary key (\`code\`));`);
    this.addSql(`create index \`occupations_search_label_index\` on \`occupations\` (\`search_label\`);`);

    this.addSql(`create table \`occupation_mobilities\` (\`rome_code\` text not null, \`target_code\` text not null, \`rank\` integer not null, primary key (\`rome_code\`, \`target_code\`));`);

    this.addSql(`create table \`occupation_skills\` (\`rome_code\` text not null, \`skill_code\` text not null, \`block\` integer null, \`core\` integer not null default false, primary key (\`rome_code\`, \`skill_code\`));`);
    this.addSql(`create index \`occupation_skills_skill_code_index\` on \`occupation_skills\` (\`skill_code\`);`);

    this.addSql(`create table \`organizations\` (\`id\` text not null, \`name\` text not null, \`siret\` text null, \`country\` text check (\`country\` in ('FR', 'UK', 'US')) not null, \`sector\` text null, \`size\` text check (\`size\` in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')) null, \`disability_referent\` integer not null default false, \`accommodations\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`organizations_siret_unique\` on \`organizations\` (\`siret\`);`);

    this.addSql(`create table \`offers\` (\`id\` text not null, \`organization_id\` text not null, \`title\` text not null, \`description\` text not null, \`contract_type\` text check (\`contract_type\` in ('APPRENTICESHIP', 'PROFESSIONALISATION', 'POEI', 'POEC')) not null, \`hire_contract_type\` text check (\`hire_contract_type\` in ('CDI', 'CDD', 'PROFESSIONALISATION', 'APPRENTICESHIP')) null, \`hire_contract_duration_months\` integer null, \`rome_code\` text not null, \`skills\` json not null, \`program_ids\` json not null, \`city\` text null, \`postcode\` text null, \`insee_code\` text null, \`country\` text check (\`country\` in ('FR', 'UK', 'US')) not null, \`lat\` double not null, \`lng\` double not null, \`remote_policy\` text check (\`remote_policy\` in ('ONSITE', 'HYBRID', 'REMOTE')) not null, \`start_earliest\` text not null, \`start_latest\` text not null, \`positions\` integer not null default 1, \`salary_min\` integer null, \`salary_max\` integer null, \`salary_currency\` text null, \`salary_period\` text check (\`salary_period\` in ('MONTH', 'YEAR', 'HOUR')) null, \`status\` text check (\`status\` in ('DRAFT', 'PUBLISHED', 'FILLED', 'CLOSED')) not null default 'DRAFT', \`published_at\` datetime null, \`expires_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`offers_organization_id_foreign\` foreign key(\`organization_id\`) references \`organizations\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`offers_organization_id_index\` on \`offers\` (\`organization_id\`);`);
    this.addSql(`create index \`offers_rome_code_index\` on \`offers\` (\`rome_code\`);`);
    this.addSql(`create index \`offers_status_published_at_index\` on \`offers\` (\`status\`, \`published_at\`);`);

    this.addSql(`create table \`programs\` (\`id\` text not null, \`code\` text not null, \`title\` text not null, \`search_title\` text not null, \`country\` text check (\`country\` in ('FR', 'UK', 'US')) not null default 'FR', \`rncp_code\` text null, \`level\` integer null, \`rome_codes\` json not null, \`rome_codes_key\` text not null default '||', \`duration_months\` integer not null, \`training_days_per_week\` integer not null, \`training_hours\` integer not null, \`poe_eligible\` integer not null default false, \`open_to_apprenticeship\` integer not null default true, \`competency_blocks\` json not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`programs_code_unique\` on \`programs\` (\`code\`);`);
    this.addSql(`create index \`programs_search_title_index\` on \`programs\` (\`search_title\`);`);
    this.addSql(`create index \`programs_rncp_code_index\` on \`programs\` (\`rncp_code\`);`);
    this.addSql(`create index \`programs_rome_codes_key_index\` on \`programs\` (\`rome_codes_key\`);`);

    this.addSql(`create table \`skills\` (\`code\` text not null, \`label\` text not null, \`search_label\` text not null, \`kind\` text check (\`kind\` in ('KNOW_HOW', 'SOFT_SKILL', 'KNOWLEDGE')) not null, \`category\` text null, primary key (\`code\`));`);
    this.addSql(`create index \`skills_search_label_index\` on \`skills\` (\`search_label\`);`);

    this.addSql(`create table \`users\` (\`id\` text not null, \`email\` text not null, \`password_hash\` text not null, \`role\` text check (\`role\` in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN')) not null, \`display_name\` text not null, \`organization_id\` text null, \`created_at\` datetime not null, \`last_login_at\` datetime null, constraint \`users_organization_id_foreign\` foreign key(\`organization_id\`) references \`organizations\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);
    this.addSql(`create index \`users_organization_id_index\` on \`users\` (\`organization_id\`);`);

    this.addSql(`create table \`candidates\` (\`id\` text not null, \`user_id\` text not null, \`headline\` text null, \`skills\` json not null, \`desired_rome_codes\` json not null, \`program_ids\` json not null, \`city\` text null, \`postcode\` text null, \`insee_code\` text null, \`country\` text check (\`country\` in ('FR', 'UK', 'US')) null, \`lat\` double null, \`lng\` double null, \`mobility_radius_km\` integer not null default 30, \`remote_preference\` text check (\`remote_preference\` in ('ONSITE', 'HYBRID', 'REMOTE', 'ANY')) not null default 'ANY', \`available_from\` text null, \`education_level\` text check (\`education_level\` in ('NONE', 'LOWER_SECONDARY', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6', 'LEVEL_7', 'LEVEL_8')) null, \`visibility\` text check (\`visibility\` in ('PUBLIC', 'ANONYMOUS', 'HIDDEN')) not null default 'HIDDEN', \`birth_date\` text null, \`job_seeker\` integer not null default false, \`disability_recognised\` integer null, \`gender\` text check (\`gender\` in ('FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED')) null, \`sensitive_data_consent\` integer not null default false, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, constraint \`candidates_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`candidates_user_id_unique\` on \`candidates\` (\`user_id\`);`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105653_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "communes" ("id" serial primary key, "insee_code" varchar(5) not null, "name" varchar(100) not null, "postcode" varchar(5) not null, "lat" double precision null, "lng" double precision null);`);
    this.addSql(`create index "communes_insee_code_index" on "communes" ("insee_code");`);
    this.addSql(`create index "communes_postcode_index" on "communes" ("postcode");`);

    this.addSql(`create table "job_titles" ("code" varchar(12) not null, "label" varchar(300) not null, "search_label" varchar(300) not null, "rome_code" varchar(5) not null, constraint "job_titles_pkey" primary key ("code"));`);
    this.addSql(`create index "job_titles_rome_code_index" on "job_titles" ("rome_code");`);

    this.addSql(`create table "occupations" ("code" varchar(5) not null, "label" varchar(200) not null, "search_label" varchar(200) not null, "parent_code" varchar(5) null, constraint "occupations_pkey" primary key ("code"));`);
    this.addSql(`create index "occupations_search_label_index" on "occupations" ("search_label");`);

    this.addSql(`create table "occupation_mobilities" ("rome_code" varchar(5) not null, "target_code" varchar(5) not null, "rank" int not null, constraint "occupation_mobilities_pkey" primary key ("rome_code", "target_code"));`);

    this.addSql(`create table "occupation_skills" ("rome_code" varchar(5) not null, "skill_code" varchar(12) not null, "block" int null, "core" boolean not null default false, constraint "occupation_skills_pkey" primary key ("rome_code", "skill_code"));`);
    this.addSql(`create index "occupation_skills_skill_code_index" on "occupation_skills" ("skill_code");`);

    this.addSql(`create table "organizations" ("id" uuid not null, "name" varchar(200) not null, "siret" varchar(14) null, "country" text check ("country" in ('FR', 'UK', 'US')) not null, "sector" varchar(120) null, "size" text check ("size" in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')) null, "disability_referent" boolean not null default false, "accommodations" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "organizations_pkey" primary key ("id"));`);
    this.addSql(`alter table "organizations" add constraint "organizations_siret_unique" unique ("siret");`);

    this.addSql(`create table "offers" ("id" uuid not null, "organization_id" uuid not null, "title" varchar(200) not null, "description" text not null, "contract_type" text check ("contract_type" in ('APPRENTICESHIP', 'PROFESSIONALISATION', 'POEI', 'POEC')) not null, "hire_contract_type" text check ("hire_contract_type" in ('CDI', 'CDD', 'PROFESSIONALISATION', 'APPRENTICESHIP')) null, "hire_contract_duration_months" int null, "rome_code" varchar(5) not null, "skills" jsonb not null, "program_ids" jsonb not null, "city" varchar(100) null, "postcode" varchar(10) null, "insee_code" varchar(5) null, "country" text check ("country" in ('FR', 'UK', 'US')) not null, "lat" double precision not null, "lng" double precision not null, "remote_policy" text check ("remote_policy" in ('ONSITE', 'HYBRID', 'REMOTE')) not null, "start_earliest" varchar(10) not null, "start_latest" varchar(10) not null, "positions" int not null default 1, "salary_min" int null, "salary_max" int null, "salary_currency" varchar(3) null, "salary_period" text check ("salary_period" in ('MONTH', 'YEAR', 'HOUR')) null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'FILLED', 'CLOSED')) not null default 'DRAFT', "published_at" timestamptz null, "expires_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "offers_pkey" primary key ("id"));`);
    this.addSql(`create index "offers_rome_code_index" on "offers" ("rome_code");`);
    this.addSql(`create index "offers_status_published_at_index" on "offers" ("status", "published_at");`);

    this.addSql(`create table "programs" ("id" uuid not null, "code" varchar(40) not null, "title" varchar(400) not null, "search_title" varchar(400) not null, "country" text check ("country" in ('FR', 'UK', 'US')) not null default 'FR', "rncp_code" varchar(20) null, "level" int null, "rome_codes" jsonb not null, "rome_codes_key" varchar(200) not null default '||', "duration_months" int not null, "training_days_per_week" int not null, "training_hours" int not null, "poe_eligible" boolean not null default false, "open_to_apprenticeship" boolean not null default true, "competency_blocks" jsonb not null, constraint "programs_pkey" primary key ("id"));`);
    this.addSql(`alter table "programs" add constraint "programs_code_unique" unique ("code");`);
    this.addSql(`create index "programs_search_title_index" on "programs" ("search_title");`);
    this.addSql(`create index "programs_rncp_code_index" on "programs" ("rncp_code");`);
    this.addSql(`create index "programs_rome_codes_key_index" on "programs" ("rome_codes_key");`);

    this.addSql(`create table "skills" ("code" varchar(12) not null, "label" varchar(400) not null, "search_label" varchar(400) not null, "kind" text check ("kind" in ('KNOW_HOW', 'SOFT_SKILL', 'KNOWLEDGE')) not null, "category" varchar(200) null, constraint "skills_pkey" primary key ("code"));`);
    this.addSql(`create index "skills_search_label_index" on "skills" ("search_label");`);

    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(254) not null, "password_hash" varchar(300) not null, "role" text check ("role" in ('CANDIDATE', 'EMPLOYER', 'RECRUITER', 'ADMIN')) not null, "display_name" varchar(120) not null, "organization_id" uuid null, "created_at" timestamptz not null, "last_login_at" timestamptz null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(`create table "candidates" ("id" uuid not null, "user_id" uuid not null, "headline" varchar(200) null, "skills" jsonb not null, "desired_rome_codes" jsonb not null, "program_ids" jsonb not null, "city" varchar(100) null, "postcode" varchar(10) null, "insee_code" varchar(5) null, "country" text check ("country" in ('FR', 'UK', 'US')) null, "lat" double precision null, "lng" double precision null, "mobility_radius_km" int not null default 30, "remote_preference" text check ("remote_preference" in ('ONSITE', 'HYBRID', 'REMOTE', 'ANY')) not null default 'ANY', "available_from" varchar(10) null, "education_level" text check ("education_level" in ('NONE', 'LOWER_SECONDARY', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6', 'LEVEL_7', 'LEVEL_8')) null, "visibility" text check ("visibility" in ('PUBLIC', 'ANONYMOUS', 'HIDDEN')) not null default 'HIDDEN', "birth_date" varchar(10) null, "job_seeker" boolean not null default false, "disability_recognised" boolean null, "gender" text check ("gender" in ('FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED')) null, "sensitive_data_consent" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "candidates_pkey" primary key ("id"));`);
    this.addSql(`alter table "candidates" add constraint "candidates_user_id_unique" unique ("user_id");`);

    this.addSql(`alter table "offers" add constraint "offers_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "users" add constraint "users_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "candidates" add constraint "candidates_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`drop table if exists "import_check_tmp"."communes" cascade;`);

    this.addSql(`drop table if exists "import_check_tmp"."job_titles" cascade;`);

    this.addSql(`drop table if exists "import_check_tmp"."occupation_mobilities" cascade;`);

    this.addSql(`drop table if exists "import_check_tmp"."occupation_skills" cascade;`);

    this.addSql(`drop table if exists "import_check_tmp"."occupations" cascade;`);

    this.addSql(`drop table if exists "import_check_tmp"."programs" cascade;`);

    this.addSql(`drop table if exists "import_check_tmp"."skills" cascade;`);

    this.addSql(`drop schema if exists "import_check_tmp";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create schema if not exists "import_check_tmp";`);
    this.addSql(`alter table "offers" drop constraint "offers_organization_id_foreign";`);

    this.addSql(`alter table "users" drop constraint "users_organization_id_foreign";`);

    this.addSql(`alter table "candidates" drop constraint "candidates_user_id_foreign";`);

    this.addSql(`create table "import_check_tmp"."communes" ("id" serial primary key, "insee_code" varchar(5) not null, "name" varchar(100) not null, "postcode" varchar(5) not null, "lat" float8 null, "lng" float8 null);`);
    this.addSql(`create index "communes_insee_code_index" on "import_check_tmp"."communes" ("insee_code");`);
    this.addSql(`create index "communes_postcode_index" on "import_check_tmp"."communes" ("postcode");`);

    this.addSql(`create table "import_check_tmp"."job_titles" ("code" varchar(12) not null, "label" varchar(300) not null, "search_label" varchar(300) not null, "rome_code" varchar(5) not null, constraint "job_titles_pkey" primary key ("code"));`);
    this.addSql(`create index "job_titles_rome_code_index" on "import_check_tmp"."job_titles" ("rome_code");`);

    this.addSql(`create table "import_check_tmp"."occupation_mobilities" ("rome_code" varchar(5) not null, "target_code" varchar(5) not null, "rank" int4 not null, constraint "occupation_mobilities_pkey" primary key ("rome_code", "target_code"));`);

    this.addSql(`create table "import_check_tmp"."occupation_skills" ("rome_code" varchar(5) not null, "skill_code" varchar(12) not null, "block" int4 null, "core" bool not null default false, constraint "occupation_skills_pkey" primary key ("rome_code", "skill_code"));`);
    this.addSql(`create index "occupation_skills_skill_code_index" on "import_check_tmp"."occupation_skills" ("skill_code");`);

    this.addSql(`create table "import_check_tmp"."occupations" ("code" varchar(5) not null, "label" varchar(200) not null, "search_label" varchar(200) not null, "parent_code" varchar(5) null, constraint "occupations_pkey" primary key ("code"));`);
    this.addSql(`create index "occupations_search_label_index" on "import_check_tmp"."occupations" ("search_label");`);

    this.addSql(`create table "import_check_tmp"."programs" ("id" uuid not null, "code" varchar(40) not null, "title" varchar(400) not null, "search_title" varchar(400) not null, "country" text check ("country" in ('FR', 'UK', 'US')) not null default 'FR', "rncp_code" varchar(20) null, "level" int4 null, "rome_codes" jsonb not null, "rome_codes_key" varchar(200) not null default '||', "duration_months" int4 not null, "training_days_per_week" int4 not null, "training_hours" int4 not null, "poe_eligible" bool not null default false, "open_to_apprenticeship" bool not null default true, "competency_blocks" jsonb not null, constraint "programs_pkey" primary key ("id"));`);
    this.addSql(`alter table "import_check_tmp"."programs" add constraint "programs_code_unique" unique ("code");`);
    this.addSql(`create index "programs_rncp_code_index" on "import_check_tmp"."programs" ("rncp_code");`);
    this.addSql(`create index "programs_rome_codes_key_index" on "import_check_tmp"."programs" ("rome_codes_key");`);
    this.addSql(`create index "programs_search_title_index" on "import_check_tmp"."programs" ("search_title");`);

    this.addSql(`create table "import_check_tmp"."skills" ("code" varchar(12) not null, "label" varchar(400) not null, "search_label" varchar(400) not null, "kind" text check ("kind" in ('KNOW_HOW', 'SOFT_SKILL', 'KNOWLEDGE')) not null, "category" varchar(200) null, constraint "skills_pkey" primary key ("code"));`);
    this.addSql(`create index "skills_search_label_index" on "import_check_tmp"."skills" ("search_label");`);

    this.addSql(`drop table if exists "communes" cascade;`);

    this.addSql(`drop table if exists "job_titles" cascade;`);

    this.addSql(`drop table if exists "occupations" cascade;`);

    this.addSql(`drop table if exists "occupation_mobilities" cascade;`);

    this.addSql(`drop table if exists "occupation_skills" cascade;`);

    this.addSql(`drop table if exists "organizations" cascade;`);

    this.addSql(`drop table if exists "offers" cascade;`);

    this.addSql(`drop table if exists "programs" cascade;`);

    this.addSql(`drop table if exists "skills" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "candidates" cascade;`);
  }

}

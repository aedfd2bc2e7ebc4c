import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImportRunEntity, ImportRunStatus } from '@alternance/imports/data-access';

registerEnumType(ImportRunStatus, {
  name: 'ImportRunStatus',
  description: 'How an import of a partner feed ended.',
  valuesMap: {
    RUNNING: { description: 'Still importing.' },
    SUCCEEDED: { description: 'The feed was read to its end.' },
    FAILED: { description: 'The feed could not be read to its end: what was read is kept, nothing was closed.' },
  },
});

@ObjectType({ description: 'A partner-feed record that could not be imported, and where it is in the feed.' })
@Directive('@shareable')
export class ImportRejection {
  @Field(() => Int, { description: 'Record number in the feed, from 1, in reading order.' })
  record!: number;

  @Field({ description: 'Where in the feed: an element path, a JSON path or a CSV row.' })
  location!: string;

  @Field({ description: 'Stable reason code, e.g. MISSING_TITLE, UNKNOWN_PLACE, FEED_MALFORMED.' })
  reason!: string;

  @Field({ description: 'The reason in a sentence.' })
  detail!: string;
}

@ObjectType({ description: 'One import of a partner feed, with what it did.' })
@Directive('@shareable')
export class ImportRun {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'The partner source (hellowork, apec, france-travail…).' })
  source!: string;

  @Field({ description: 'The file or URL read.' })
  location!: string;

  @Field(() => ImportRunStatus, { description: 'How the run ended.' })
  status!: ImportRunStatus;

  @Field({ description: 'Whether the feed lists every offer of the source, so that absences count toward closing.' })
  complete!: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When the run started.' })
  startedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it ended; null while running.' })
  finishedAt!: Date | null;

  @Field(() => Int, { description: 'Records read.' })
  read!: number;

  @Field(() => Int, { description: 'Offers created.' })
  created!: number;

  @Field(() => Int, { description: 'Offers changed by the partner since the last run, updated.' })
  updated!: number;

  @Field(() => Int, { description: 'Offers listed as before: nothing written.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Offers closed because the source stopped listing them.' })
  closed!: number;

  @Field(() => Int, { description: 'Records that are not work-study offers, left out on purpose.' })
  skipped!: number;

  @Field(() => Int, { description: 'Records that could not be imported (see rejections).' })
  rejected!: number;

  @Field(() => Int, { description: 'Offers kept as drafts for staff because their occupation could not be told from their title with confidence.' })
  flagged!: number;

  @Field(() => Int, { description: "Records found to be another partner's offer, attached to it as one more source." })
  merged!: number;

  @Field(() => String, { nullable: true, description: 'Why this run closed nothing, when it could not: PARTIAL_FEED, FEED_FAILED, FEED_SHRANK.' })
  closingSkipped!: string | null;

  @Field(() => [ImportRejection], { description: 'The first 100 rejections, with their place in the feed.' })
  rejections!: ImportRejection[];

  @Field(() => String, { nullable: true, description: 'What stopped the run, if something did.' })
  error!: string | null;
}

export function toImportRun(run: ImportRunEntity): ImportRun {
  return {
    id: run.id,
    source: run.source,
    location: run.location,
    status: run.status,
    complete: run.complete,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    read: run.read,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    closed: run.closed,
    skipped: run.skipped,
    rejected: run.rejected,
    flagged: run.flagged,
    merged: run.merged,
    closingSkipped: run.closingSkipped,
    rejections: run.rejections,
    error: run.error,
  };
}

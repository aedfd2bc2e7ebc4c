import { Directive, Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One published cell of an impact table.' })
@Directive('@shareable')
export class ImpactRow {
  @Field({ description: 'What is counted (a category, a group, a kind, a bucket; "Total" for the total).' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'The column, for two-way tables (the situation after, the measure of exposure); null in one-way tables.' })
  column!: string | null;

  @Field(() => Int, { nullable: true, description: 'How many people; null when suppressed.' })
  count!: number | null;

  @Field(() => Float, { nullable: true, description: 'The count over the table’s base (0 to 1); null when the count or the base is suppressed.' })
  share!: number | null;

  @Field({ description: 'The count is not published: under the minimum, or hidden so that another suppressed cell cannot be recomputed.' })
  suppressed!: boolean;

  @Field({ description: 'This row is the base of the shares (a total, or a group’s eligible pool).' })
  total!: boolean;

  @Field(() => Float, { nullable: true, description: 'Fair exposure: this group’s rate over the highest published rate of its dimension.' })
  ratio!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Fair exposure: the ratio is under four fifths (0.8).' })
  flagged!: boolean | null;
}

@ObjectType({ description: 'One table of the impact report, with small counts suppressed.' })
@Directive('@shareable')
export class ImpactTable {
  @Field({ description: 'A stable key, e.g. hiresByContract.' })
  key!: string;

  @Field({ description: 'The table’s title.' })
  title!: string;

  @Field({ description: 'Who is counted and how.' })
  description!: string;

  @Field(() => Float, { nullable: true, description: 'The mission’s goal for the headline share (0 to 1), if any.' })
  goal!: number | null;

  @Field(() => Float, { nullable: true, description: 'An outside reference for the headline share (0 to 1), if any.' })
  reference!: number | null;

  @Field(() => Float, { nullable: true, description: 'The median, for tables of durations (days); null when fewer than the minimum count are behind it.' })
  median!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the table is empty or partial, if it is.' })
  note!: string | null;

  @Field(() => [ImpactRow], { description: 'The cells, totals included.' })
  rows!: ImpactRow[];
}

@ObjectType({ description: 'The impact report for a period: staff only, built from consented declarations, small counts suppressed.' })
@Directive('@shareable')
export class ImpactReport {
  @Field({ description: 'Start of the period (included).' })
  from!: Date;

  @Field({ description: 'End of the period (excluded).' })
  to!: Date;

  @Field(() => Int, { description: 'No published count is under this.' })
  minimumCount!: number;

  @Field(() => [ImpactTable], { description: 'Every table.' })
  tables!: ImpactTable[];

  @Field({ description: 'The same tables as CSV (table,label,column,count,share,suppressed,total,ratio,flagged), one line per cell.' })
  csv!: string;
}

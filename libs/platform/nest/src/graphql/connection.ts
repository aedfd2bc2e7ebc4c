import { Type } from '@nestjs/common';
import { ArgsType, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE, Page, encodeCursor } from '@alternance/platform/domain';

@ObjectType({ description: 'Where a page stands in its list.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'True when a further page follows this one.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page does not start the list.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge: pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return (0 to ${MAX_PAGE_SIZE}, default 20).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for `node`, named `<Name>Connection`. */
export function ConnectionType<T>(node: Type<T>, name: string, description: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor.` })
  @Directive('@shareable')
  class EdgeType {
    @Field({ description: 'Opaque position of this item: pass it as `after`.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  @Directive('@shareable')
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has.' })
    totalCount!: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

export function toConnection<T, N>(page: Page<T>, map: (item: T) => N): Connection<N> {
  const edges = page.items.map((item, i) => ({ cursor: encodeCursor(page.offset + i), node: map(item) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.offset + page.items.length < page.totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

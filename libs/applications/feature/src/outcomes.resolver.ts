import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '@alternance/platform/nest';
import { OutcomeAnswer, RecordOutcomeInput } from '@alternance/applications/graphql';
import { OutcomeFollowUp } from './outcomes';

/** The answer to the six-month outcome question, from anyone holding its signed link. */
@Resolver()
export class OutcomesResolver {
  constructor(private readonly outcomes: OutcomeFollowUp) {}

  @Public()
  @Mutation(() => OutcomeAnswer, {
    description:
      'Answer the six-month outcome question through the signed link of its notice (no sign-in). The link is bound to one question and expires 60 days after it was asked; answering again replaces the answer.',
  })
  async recordOutcome(@Args('input', { description: 'The link’s token and the answer.' }) input: RecordOutcomeInput): Promise<OutcomeAnswer> {
    const o = await this.outcomes.record(input.token, input.employed, input.kind ?? null);
    return { employed: o.employed!, kind: o.kind, answeredAt: o.answeredAt!, plannedEnd: o.plannedEnd };
  }
}

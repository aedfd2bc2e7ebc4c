import { RomeAppellation, RomeInferrer, RomeOccupation } from '@alternance/imports/domain';

/** The occupation an offer's title names, and whether the guess is sure enough to publish on. */
export interface OccupationGuess {
  romeCode: string;
  unsure: boolean;
}

export interface OccupationGuesser {
  guess(title: string): OccupationGuess | null;
}

/**
 * ROME inference over ROME's job titles (see `RomeInferrer` and tools/eval/rome): null when
 * no word of the title is known to ROME, unsure when the answer should be reviewed.
 */
export function buildOccupationGuesser(appellations: readonly RomeAppellation[], occupations: readonly RomeOccupation[]): OccupationGuesser {
  const inferrer = new RomeInferrer(appellations, occupations);
  return {
    guess(title: string): OccupationGuess | null {
      const inference = inferrer.infer(title);
      return inference.romeCode ? { romeCode: inference.romeCode, unsure: inference.unsure } : null;
    },
  };
}

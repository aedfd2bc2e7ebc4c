/**
 * Mentor assignment: every hired apprentice gets a mentor, computed for everyone at once by a
 * min-cost flow (successive shortest paths with potentials), never greedily.
 *
 * The objective is lexicographic, folded into one integer cost per pair:
 *   1. the most apprentices with a recognised disability who consent get a trained mentor;
 *   2. then the most apprentices get a mentor;
 *   3. then the best total fit (occupation, skills, language).
 * A pair needs a shared language. Capacities are never exceeded; pinned pairs are kept as given.
 *
 * The input carries only what the assignment needs: it never reads gender, origin, or any
 * other priority category (a test hands it objects that throw on any other field).
 */

export interface MentoringApprentice {
  id: string;
  /** ROME code of the hired offer's occupation, e.g. "M1805". */
  occupation: string;
  skills: readonly string[];
  /** Languages spoken, most comfortable first. */
  languages: readonly string[];
  /** A recognised disability declared with consent to use it for the mentor assignment. */
  needsTrainedMentor: boolean;
}

export interface MentoringMentor {
  id: string;
  occupations: readonly string[];
  skills: readonly string[];
  languages: readonly string[];
  /** Mentees per week the mentor can take (0 or more). */
  capacity: number;
  trainedInDisability: boolean;
}

export interface PinnedPair {
  apprenticeId: string;
  mentorId: string;
}

export type FitReasonCode = 'SAME_OCCUPATION' | 'SAME_OCCUPATION_FAMILY' | 'SHARED_SKILLS' | 'SHARED_LANGUAGE' | 'TRAINED_IN_DISABILITY' | 'PINNED';

export interface FitReason {
  code: FitReasonCode;
  text: string;
}

export interface AssignedPair {
  apprenticeId: string;
  mentorId: string;
  fit: number;
  reasons: FitReason[];
  pinned: boolean;
  /** The apprentice needs a trained mentor and has one. */
  disabilityGuaranteeMet: boolean;
}

export interface MissingTrainedPlaces {
  occupation: string;
  missing: number;
}

export interface AssignmentResult {
  pairs: AssignedPair[];
  unassigned: string[];
  totalFit: number;
  /** Apprentices needing a trained mentor, and how many have one. */
  guarantee: { needed: number; met: number; missingTrainedPlaces: MissingTrainedPlaces[] };
}

export const FIT_WEIGHTS = {
  sameOccupation: 50,
  sameFamily: 20,
  perSharedSkill: 5,
  maxSkills: 30,
  preferredLanguage: 20,
  otherLanguage: 10,
} as const;
/** The highest fit a pair can reach. */
export const MAX_FIT = FIT_WEIGHTS.sameOccupation + FIT_WEIGHTS.maxSkills + FIT_WEIGHTS.preferredLanguage;

const norm = (s: string) => s.trim().toLowerCase();

/** ROME's family: the domain letter and the two digits of the subdomain ("M18" for "M1805"). */
export function occupationFamily(rome: string): string {
  return rome.trim().toUpperCase().slice(0, 3);
}

/** The fit of a pair and its reasons, or null when they share no language. */
export function pairFit(a: MentoringApprentice, m: MentoringMentor): { fit: number; reasons: FitReason[] } | null {
  const mentorLanguages = new Set(m.languages.map(norm));
  const languageIndex = a.languages.findIndex((l) => mentorLanguages.has(norm(l)));
  if (languageIndex < 0) return null;
  const reasons: FitReason[] = [];
  let fit = 0;
  const occupation = a.occupation.trim().toUpperCase();
  const occupations = m.occupations.map((o) => o.trim().toUpperCase());
  if (occupations.includes(occupation)) {
    fit += FIT_WEIGHTS.sameOccupation;
    reasons.push({ code: 'SAME_OCCUPATION', text: `Mentors this occupation (${occupation})` });
  } else if (occupations.some((o) => occupationFamily(o) === occupationFamily(occupation))) {
    fit += FIT_WEIGHTS.sameFamily;
    reasons.push({ code: 'SAME_OCCUPATION_FAMILY', text: `Mentors a neighbouring occupation (family ${occupationFamily(occupation)})` });
  }
  const mentorSkills = new Set(m.skills.map(norm));
  const shared = [...new Set(a.skills.map(norm))].filter((s) => mentorSkills.has(s)).sort();
  if (shared.length > 0) {
    fit += Math.min(FIT_WEIGHTS.maxSkills, shared.length * FIT_WEIGHTS.perSharedSkill);
    reasons.push({ code: 'SHARED_SKILLS', text: `${shared.length} shared skill${shared.length > 1 ? 's' : ''}: ${shared.join(', ')}` });
  }
  const language = a.languages[languageIndex];
  fit += languageIndex === 0 ? FIT_WEIGHTS.preferredLanguage : FIT_WEIGHTS.otherLanguage;
  reasons.push({ code: 'SHARED_LANGUAGE', text: languageIndex === 0 ? `Speaks the apprentice's first language (${language})` : `Speaks ${language} with the apprentice` });
  return { fit, reasons };
}

interface Edge {
  to: number;
  rev: number;
  cap: number;
  cost: number;
}

class MinCostFlow {
  readonly g: Edge[][];
  constructor(n: number) {
    this.g = Array.from({ length: n }, () => []);
  }
  add(from: number, to: number, cap: number, cost: number): number {
    this.g[from].push({ to, rev: this.g[to].length, cap, cost });
    this.g[to].push({ to: from, rev: this.g[from].length - 1, cap: 0, cost: -cost });
    return this.g[from].length - 1;
  }
  /** Primal-dual: pushes flow along shortest paths while they lower the cost (the cost is convex in the flow). */
  run(s: number, t: number, initialPotential: number[]): void {
    const n = this.g.length;
    const pot = initialPotential.slice();
    const dist = new Array<number>(n);
    for (;;) {
      dist.fill(Infinity);
      dist[s] = 0;
      const heap = new MinHeap();
      heap.push(0, s);
      while (heap.size > 0) {
        const [d, u] = heap.pop();
        if (d > dist[u]) continue;
        const edges = this.g[u];
        for (let i = 0; i < edges.length; i++) {
          const e = edges[i];
          if (e.cap <= 0) continue;
          const nd = d + e.cost + pot[u] - pot[e.to];
          if (nd < dist[e.to]) {
            dist[e.to] = nd;
            heap.push(nd, e.to);
          }
        }
      }
      if (dist[t] === Infinity) return;
      const pathCost = dist[t] + pot[t] - pot[s];
      if (pathCost >= 0) return;
      for (let v = 0; v < n; v++) if (dist[v] !== Infinity) pot[v] += dist[v];
      // Every shortest path now has reduced cost 0: push a blocking flow along them all (Dinic on
      // the admissible edges) before the next Dijkstra.
      const admissible = (u: number, e: Edge) => e.cap > 0 && dist[e.to] !== Infinity && e.cost + pot[u] - pot[e.to] === 0;
      const level = new Int32Array(n);
      const iter = new Int32Array(n);
      for (;;) {
        level.fill(-1);
        level[s] = 0;
        const queue = [s];
        for (let qi = 0; qi < queue.length; qi++) {
          const u = queue[qi];
          for (const e of this.g[u]) {
            if (level[e.to] < 0 && admissible(u, e)) {
              level[e.to] = level[u] + 1;
              queue.push(e.to);
            }
          }
        }
        if (level[t] < 0) break;
        iter.fill(0);
        const dfs = (u: number, limit: number): number => {
          if (u === t) return limit;
          const edges = this.g[u];
          for (; iter[u] < edges.length; iter[u]++) {
            const e = edges[iter[u]];
            if (level[e.to] !== level[u] + 1 || !admissible(u, e)) continue;
            const pushed = dfs(e.to, Math.min(limit, e.cap));
            if (pushed > 0) {
              e.cap -= pushed;
              this.g[e.to][e.rev].cap += pushed;
              return pushed;
            }
          }
          return 0;
        };
        while (dfs(s, Infinity) > 0);
      }
    }
  }
}

class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(k: number, v: number): void {
    const keys = this.keys;
    const vals = this.vals;
    let i = keys.length;
    keys.push(k);
    vals.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= k) break;
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  pop(): [number, number] {
    const keys = this.keys;
    const vals = this.vals;
    const top: [number, number] = [keys[0], vals[0]];
    const k = keys.pop() as number;
    const v = vals.pop() as number;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= k) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = k;
      vals[i] = v;
    }
    return top;
  }
}

export class AssignmentInputError extends Error {
  constructor(
    readonly code: 'UNKNOWN_APPRENTICE' | 'UNKNOWN_MENTOR' | 'DUPLICATE_PIN' | 'MENTOR_FULL' | 'NO_SHARED_LANGUAGE' | 'INVALID_CAPACITY',
    message: string,
  ) {
    super(message);
  }
}

/** Copies only the fields the assignment may read. */
function pickApprentice(a: MentoringApprentice): MentoringApprentice {
  return { id: a.id, occupation: a.occupation, skills: [...a.skills], languages: [...a.languages], needsTrainedMentor: a.needsTrainedMentor === true };
}
function pickMentor(m: MentoringMentor): MentoringMentor {
  return { id: m.id, occupations: [...m.occupations], skills: [...m.skills], languages: [...m.languages], capacity: m.capacity, trainedInDisability: m.trainedInDisability === true };
}

/** The exact assignment (see the file's comment for the objective). */
export function assignMentors(
  apprenticesIn: readonly MentoringApprentice[],
  mentorsIn: readonly MentoringMentor[],
  pins: readonly PinnedPair[] = [],
): AssignmentResult {
  const apprentices = apprenticesIn.map(pickApprentice);
  const mentors = mentorsIn.map(pickMentor);
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
  const apprenticeIndex = new Map(apprentices.map((a, i) => [a.id, i]));
  const remaining = mentors.map((m) => {
    if (!Number.isInteger(m.capacity) || m.capacity < 0) throw new AssignmentInputError('INVALID_CAPACITY', `Mentor ${m.id} has an invalid capacity`);
    return m.capacity;
  });

  const pairs: AssignedPair[] = [];
  const pinnedApprentices = new Set<number>();
  for (const pin of pins) {
    const ai = apprenticeIndex.get(pin.apprenticeId);
    const mi = mentorIndex.get(pin.mentorId);
    if (ai === undefined) throw new AssignmentInputError('UNKNOWN_APPRENTICE', `Unknown apprentice ${pin.apprenticeId}`);
    if (mi === undefined) throw new AssignmentInputError('UNKNOWN_MENTOR', `Unknown mentor ${pin.mentorId}`);
    if (pinnedApprentices.has(ai)) throw new AssignmentInputError('DUPLICATE_PIN', `Apprentice ${pin.apprenticeId} is pinned twice`);
    if (remaining[mi] <= 0) throw new AssignmentInputError('MENTOR_FULL', `Mentor ${pin.mentorId} has no place left`);
    const fit = pairFit(apprentices[ai], mentors[mi]);
    if (!fit) throw new AssignmentInputError('NO_SHARED_LANGUAGE', `Apprentice ${pin.apprenticeId} and mentor ${pin.mentorId} share no language`);
    remaining[mi]--;
    pinnedApprentices.add(ai);
    pairs.push(makePair(apprentices[ai], mentors[mi], fit, true));
  }

  const free = apprentices.map((_, i) => i).filter((i) => !pinnedApprentices.has(i));
  // Interchangeable apprentices (and mentors) form one node each: the flow carries counts.
  const apprenticeClasses = groupBy(free, (i) => apprenticeKey(apprentices[i]));
  const mentorClasses = groupBy(
    mentors.map((_, j) => j).filter((j) => remaining[j] > 0),
    (j) => mentorKey(mentors[j]),
  );
  // Lexicographic weights: B outweighs any total fit, A outweighs any count of B plus fits.
  const B = MAX_FIT * (free.length + 1) + 1;
  const A = (B + MAX_FIT) * (free.length + 1) + 1;
  const S = 0;
  const T = 1;
  const aNode = (k: number) => 2 + k;
  const mNode = (c: number) => 2 + apprenticeClasses.length + c;
  const nodes = 2 + apprenticeClasses.length + mentorClasses.length;
  const flow = new MinCostFlow(nodes);
  const pot = new Array<number>(nodes).fill(0);
  const edges: { k: number; c: number; edge: number; cap: number }[] = [];
  apprenticeClasses.forEach((members, k) => {
    flow.add(S, aNode(k), members.length, 0);
    const a = apprentices[members[0]];
    mentorClasses.forEach((mentorMembers, c) => {
      const m = mentors[mentorMembers[0]];
      const fit = pairFit(a, m);
      if (!fit) return;
      const cost = -(B + fit.fit + (a.needsTrainedMentor && m.trainedInDisability ? A : 0));
      const cap = Math.min(members.length, mentorMembers.reduce((sum, j) => sum + remaining[j], 0));
      edges.push({ k, c, edge: flow.add(aNode(k), mNode(c), cap, cost), cap });
      pot[mNode(c)] = Math.min(pot[mNode(c)], cost);
    });
  });
  mentorClasses.forEach((mentorMembers, c) => {
    flow.add(mNode(c), T, mentorMembers.reduce((sum, j) => sum + remaining[j], 0), 0);
    pot[T] = Math.min(pot[T], pot[mNode(c)]);
  });
  flow.run(S, T, pot);

  // Hand the counts out to people: apprentices in input order, mentors filled in input order.
  const assigned = new Set<number>(pinnedApprentices);
  const nextApprentice = apprenticeClasses.map(() => 0);
  const nextMentor = mentorClasses.map(() => 0);
  for (const e of edges) {
    let count = e.cap - flow.g[aNode(e.k)][e.edge].cap;
    while (count-- > 0) {
      const ai = apprenticeClasses[e.k][nextApprentice[e.k]++];
      const mentorMembers = mentorClasses[e.c];
      while (remaining[mentorMembers[nextMentor[e.c]]] === 0) nextMentor[e.c]++;
      const mj = mentorMembers[nextMentor[e.c]];
      remaining[mj]--;
      assigned.add(ai);
      pairs.push(makePair(apprentices[ai], mentors[mj], pairFit(apprentices[ai], mentors[mj])!, false));
    }
  }
  pairs.sort((x, y) => apprenticeIndex.get(x.apprenticeId)! - apprenticeIndex.get(y.apprenticeId)!);

  const needing = apprentices.filter((a) => a.needsTrainedMentor);
  const met = new Set(pairs.filter((p) => p.disabilityGuaranteeMet).map((p) => p.apprenticeId));
  const missingByOccupation = new Map<string, number>();
  for (const a of needing) {
    if (met.has(a.id)) continue;
    const occupation = a.occupation.trim().toUpperCase();
    missingByOccupation.set(occupation, (missingByOccupation.get(occupation) ?? 0) + 1);
  }
  return {
    pairs,
    unassigned: apprentices.filter((_, i) => !assigned.has(i)).map((a) => a.id),
    totalFit: pairs.reduce((s, p) => s + p.fit, 0),
    guarantee: {
      needed: needing.length,
      met: met.size,
      missingTrainedPlaces: [...missingByOccupation]
        .map(([occupation, missing]) => ({ occupation, missing }))
        .sort((x, y) => y.missing - x.missing || x.occupation.localeCompare(y.occupation)),
    },
  };
}

function groupBy(indices: number[], key: (i: number) => string): number[][] {
  const groups = new Map<string, number[]>();
  for (const i of indices) {
    const k = key(i);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.values()];
}

const setKey = (xs: readonly string[]) => [...new Set(xs.map(norm))].sort().join(',');

function apprenticeKey(a: MentoringApprentice): string {
  // Language order matters (the first one weighs more); the spelling shows in the reasons.
  return [a.occupation.trim().toUpperCase(), setKey(a.skills), a.languages.join(','), a.needsTrainedMentor].join('|');
}

function mentorKey(m: MentoringMentor): string {
  return [setKey(m.occupations.map((o) => o.toUpperCase())), setKey(m.skills), setKey(m.languages), m.trainedInDisability].join('|');
}

function makePair(a: MentoringApprentice, m: MentoringMentor, fit: { fit: number; reasons: FitReason[] }, pinned: boolean): AssignedPair {
  const guaranteed = a.needsTrainedMentor && m.trainedInDisability;
  const reasons = [...fit.reasons];
  if (guaranteed) reasons.push({ code: 'TRAINED_IN_DISABILITY', text: 'Trained in disability management' });
  if (pinned) reasons.unshift({ code: 'PINNED', text: 'Pinned by staff' });
  return { apprenticeId: a.id, mentorId: m.id, fit: fit.fit, reasons, pinned, disabilityGuaranteeMet: guaranteed };
}

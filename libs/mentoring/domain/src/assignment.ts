/**
 * Mentor assignment: every hired apprentice gets a mentor, computed for everyone at once by a
 * min-cost flow (primal-dual: Dijkstra with potentials on a binary heap, then a blocking flow
 * along every shortest path), never greedily. The graph is sparse (see `assignMentors` for
 * which pairs are arcs and what exactness that gives).
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


/**
 * A min-cost flow on typed arrays: arcs in pairs (an arc and its reverse at `e ^ 1`), adjacency
 * as linked lists. `run` is the primal-dual method: one Dijkstra (binary heap, reduced costs
 * kept non-negative by potentials) finds the shortest augmenting distance, then a blocking flow
 * (Dinic, iterative) pushes along every path of that distance before the next Dijkstra.
 */
class FlowGraph {
  private to = new Int32Array(1024);
  private cap = new Int32Array(1024);
  private cost = new Float64Array(1024);
  private nextArc = new Int32Array(1024);
  private arcs = 0;
  readonly head: Int32Array;

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
  }

  /** Adds an arc and its reverse; returns the arc's index. */
  add(from: number, to: number, cap: number, cost: number): number {
    if (this.arcs + 2 > this.to.length) this.grow();
    const e = this.arcs;
    this.to[e] = to;
    this.cap[e] = cap;
    this.cost[e] = cost;
    this.nextArc[e] = this.head[from];
    this.head[from] = e;
    this.to[e + 1] = from;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.nextArc[e + 1] = this.head[to];
    this.head[to] = e + 1;
    this.arcs += 2;
    return e;
  }

  /** Units sent along an arc (its reverse's residual capacity). */
  flowOn(e: number): number {
    return this.cap[e + 1];
  }

  get arcCount(): number {
    return this.arcs;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
    this.to = copy(this.to, new Int32Array(size));
    this.cap = copy(this.cap, new Int32Array(size));
    this.cost = copy(this.cost, new Float64Array(size));
    this.nextArc = copy(this.nextArc, new Int32Array(size));
  }

  /** Pushes flow from s to t along shortest paths while they lower the cost; returns the number of Dijkstra phases. */
  /** Where the time went (for benchmarks). */
  readonly timing = { dijkstraMs: 0, blockingMs: 0, bfsRounds: 0, paths: 0 };

  run(s: number, t: number, pot: Float64Array): number {
    const n = this.nodes;
    const { head, to, cap, cost, nextArc } = this;
    const dist = new Float64Array(n);
    const heap = new ArcHeap(this.arcs + n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    const pathArcs = new Int32Array(n + 1);
    const pathNodes = new Int32Array(n + 1);
    const zhead = new Int32Array(n);
    let zarc = new Int32Array(1024);
    let znext = new Int32Array(1024);
    let phases = 0;
    for (;;) {
      let clock = Date.now();
      dist.fill(Infinity);
      dist[s] = 0;
      heap.clear();
      heap.push(0, s);
      while (heap.size > 0) {
        const d = heap.topKey();
        const u = heap.pop();
        if (d > dist[u]) continue;
        const pu = pot[u];
        for (let e = head[u]; e !== -1; e = nextArc[e]) {
          if (cap[e] <= 0) continue;
          const v = to[e];
          const nd = d + cost[e] + pu - pot[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      this.timing.dijkstraMs += Date.now() - clock;
      clock = Date.now();
      if (dist[t] === Infinity) return phases;
      if (dist[t] + pot[t] - pot[s] >= 0) return phases;
      phases++;
      for (let v = 0; v < n; v++) if (dist[v] !== Infinity) pot[v] += dist[v];
      // The arcs of reduced cost 0 between reached nodes (an arc and its reverse together): every
      // shortest path uses only them, and pushing flow keeps the set closed.
      zhead.fill(-1);
      let z = 0;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        const pu = pot[u];
        for (let e = head[u]; e !== -1; e = nextArc[e]) {
          const v = to[e];
          if (dist[v] !== Infinity && cost[e] + pu - pot[v] === 0) {
            if (z === zarc.length) {
              const grownArc = new Int32Array(z * 2);
              grownArc.set(zarc);
              zarc = grownArc;
              const grownNext = new Int32Array(z * 2);
              grownNext.set(znext);
              znext = grownNext;
            }
            zarc[z] = e;
            znext[z] = zhead[u];
            zhead[u] = z++;
          }
        }
      }
      // Blocking flow on those arcs (Dinic: BFS levels, then depth-first paths without recursion).
      for (;;) {
        level.fill(-1);
        level[s] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = s;
        while (qh < qt) {
          const u = queue[qh++];
          if (level[t] >= 0 && level[u] >= level[t]) break;
          for (let i = zhead[u]; i !== -1; i = znext[i]) {
            const e = zarc[i];
            const v = to[e];
            if (level[v] < 0 && cap[e] > 0) {
              level[v] = level[u] + 1;
              queue[qt++] = v;
            }
          }
        }
        this.timing.bfsRounds++;
        if (level[t] < 0) break;
        iter.set(zhead);
        for (;;) {
          let depth = 0;
          let u = s;
          pathNodes[0] = s;
          let pushed = 0;
          for (;;) {
            if (u === t) {
              let f = Infinity;
              for (let i = 0; i < depth; i++) f = Math.min(f, cap[pathArcs[i]]);
              for (let i = 0; i < depth; i++) {
                cap[pathArcs[i]] -= f;
                cap[pathArcs[i] ^ 1] += f;
              }
              pushed = f;
              this.timing.paths++;
              break;
            }
            let i = iter[u];
            for (; i !== -1; i = znext[i]) {
              const e = zarc[i];
              if (cap[e] > 0 && level[to[e]] === level[u] + 1) break;
            }
            iter[u] = i;
            if (i !== -1) {
              pathArcs[depth++] = zarc[i];
              u = to[zarc[i]];
              pathNodes[depth] = u;
            } else {
              if (depth === 0) break;
              level[u] = -1; // dead end for this blocking flow
              u = pathNodes[--depth];
              iter[u] = znext[iter[u]];
            }
          }
          if (pushed === 0) break;
        }
      }
      this.timing.blockingMs += Date.now() - clock;
    }
  }
}

/** A binary heap of (key, node) pairs on typed arrays, with lazy deletion. */
class ArcHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.vals = new Int32Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  topKey(): number {
    return this.keys[0];
  }
  push(k: number, v: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      const vals = new Int32Array(this.vals.length * 2);
      vals.set(this.vals);
      this.keys = keys;
      this.vals = vals;
    }
    const { keys, vals } = this;
    let i = this.size++;
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
  pop(): number {
    const { keys, vals } = this;
    const top = vals[0];
    const n = --this.size;
    if (n > 0) {
      const k = keys[n];
      const v = vals[n];
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


/** How many mentors each group of interchangeable apprentices is offered directly (see `assignMentors`). */
export const DEFAULT_CANDIDATES_PER_APPRENTICE = 8;

export interface AssignmentOptions {
  /**
   * Mentors (groups of interchangeable mentors) linked directly to each group of apprentices:
   * the best by fit among those sharing the occupation's family or a skill (and, for apprentices
   * who need one, as many trained ones). Every other mentor sharing a language is reached
   * through a language node priced at the language's fit alone.
   */
  candidatesPerApprentice?: number;
}

/** Statistics of one computation (for benchmarks). */
export interface AssignmentStats {
  apprenticeGroups: number;
  mentorGroups: number;
  arcs: number;
  /** Dijkstra runs, each followed by a blocking flow. */
  phases: number;
  groupingMs: number;
  /** Scoring candidates and building the graph. */
  graphMs: number;
  dijkstraMs: number;
  blockingFlowMs: number;
}

/**
 * The assignment (see the file's comment for the objective).
 *
 * Exactness. The flow is exact on its graph: source → groups of interchangeable apprentices →
 * mentors → sink, where a group is linked (1) directly to its best `candidatesPerApprentice`
 * mentor groups among those sharing the occupation's family or a skill, at their exact fit, and
 * (2) to one node per language it speaks (and one per language for trained mentors, when it
 * needs one), linked to every mentor group speaking it, priced at the language's fit alone
 * (20 for the first language, 10 for another). A mentor sharing neither family nor skill has
 * exactly that fit, so when no candidate is cut off (fewer candidates than the limit, as on the
 * small instances the property test checks against brute force) the result is the optimum over
 * every assignment. Otherwise the first two levels (trained mentors for those who need one,
 * then the number placed) are still optimal, since every pair sharing a language is in the
 * graph at its exact level; the fit is optimal over the graph, where a cut-off pair counts at
 * its language's fit, a lower bound of its real fit (the pairs report their real fit).
 */
export function assignMentors(
  apprenticesIn: readonly MentoringApprentice[],
  mentorsIn: readonly MentoringMentor[],
  pins: readonly PinnedPair[] = [],
  options: AssignmentOptions = {},
  stats?: AssignmentStats,
): AssignmentResult {
  const limit = Math.max(1, options.candidatesPerApprentice ?? DEFAULT_CANDIDATES_PER_APPRENTICE);
  const t0 = Date.now();
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
  const tGroups = Date.now();
  const groups = apprenticeClasses.map((members) => groupFeatures(apprentices[members[0]], members.length));
  const mentorGroups = mentorClasses.map((members) => mentorFeatures(mentors[members[0]], members.reduce((sum, j) => sum + remaining[j], 0)));

  // Fits in units of 5 (every weight is a multiple of 5): fewer distinct path lengths, fewer phases.
  const UNIT = 5;
  const maxUnits = MAX_FIT / UNIT;
  // Lexicographic weights: B outweighs any total fit, A outweighs any count of B plus fits.
  const B = maxUnits * (free.length + 1) + 1;
  const A = (B + maxUnits) * (free.length + 1) + 1;

  const languages = [...new Set(mentorGroups.flatMap((g) => [...g.languages]))].sort();
  const languageIndex = new Map(languages.map((l, i) => [l, i]));
  const anyTrained = languages.map((l) => mentorGroups.some((g) => g.trained && g.languages.has(l)));
  const S = 0;
  const T = 1;
  const aNode = (k: number) => 2 + k;
  const mNode = (c: number) => 2 + apprenticeClasses.length + c;
  const hubNode = (l: number, trained: boolean) => 2 + apprenticeClasses.length + mentorClasses.length + 2 * l + (trained ? 1 : 0);
  const nodes = 2 + apprenticeClasses.length + mentorClasses.length + 2 * languages.length;
  const flow = new FlowGraph(nodes);
  const pot = new Float64Array(nodes);

  // Candidate mentors of a group: those sharing the occupation's family or a skill, scored with
  // integer counters (languages as bit masks) rather than pair by pair.
  const byFamily = new Map<string, number[]>();
  const byOccupation = new Map<string, number[]>();
  const bySkill = new Map<string, number[]>();
  const push = (index: Map<string, number[]>, key: string, c: number) => {
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  };
  mentorGroups.forEach((g, c) => {
    for (const f of g.families) push(byFamily, f, c);
    for (const o of g.occupations) push(byOccupation, o, c);
    for (const s of g.skills) push(bySkill, s, c);
  });
  const languageBit = (l: string) => {
    const i = languageIndex.get(l);
    return i === undefined || i > 30 ? 0 : 1 << i;
  };
  const mentorLanguageMask = mentorGroups.map((g) => [...g.languages].reduce((mask, l) => mask | languageBit(l), 0));
  const wideLanguages = languages.length > 31; // masks cannot hold them: fall back to sets
  const stamp = new Int32Array(mentorGroups.length).fill(-1);
  const sharedSkills = new Int32Array(mentorGroups.length);
  const place = new Int8Array(mentorGroups.length); // 2 same occupation, 1 same family
  const touched: number[] = [];
  const buckets: number[][] = Array.from({ length: maxUnits + 1 }, () => []);
  const direct: { k: number; c: number; arc: number }[] = [];
  const viaHub: { k: number; hub: number; arc: number }[] = [];
  const hubOut: { hub: number; c: number; arc: number }[] = [];

  groups.forEach((g, k) => {
    flow.add(S, aNode(k), g.count, 0);
    touched.length = 0;
    const touch = (c: number) => {
      if (stamp[c] === k) return;
      stamp[c] = k;
      sharedSkills[c] = 0;
      place[c] = 0;
      touched.push(c);
    };
    for (const c of byFamily.get(g.family) ?? []) {
      touch(c);
      place[c] = 1;
    }
    for (const c of byOccupation.get(g.occupation) ?? []) place[c] = 2;
    for (const s of g.skills) {
      for (const c of bySkill.get(s) ?? []) {
        touch(c);
        sharedSkills[c]++;
      }
    }
    const firstMask = languageBit(g.languages[0] ?? '');
    const otherMask = g.languages.slice(1).reduce((mask, l) => mask | languageBit(l), 0);
    for (const b of buckets) b.length = 0;
    for (const c of touched) {
      let units: number;
      if (wideLanguages) {
        units = fitUnits(g, mentorGroups[c]);
        if (units < 0) continue;
      } else {
        const mask = mentorLanguageMask[c];
        if (mask & firstMask) units = FIT_WEIGHTS.preferredLanguage / UNIT;
        else if (mask & otherMask) units = FIT_WEIGHTS.otherLanguage / UNIT;
        else continue;
        units += (place[c] === 2 ? FIT_WEIGHTS.sameOccupation : place[c] === 1 ? FIT_WEIGHTS.sameFamily : 0) / UNIT;
        units += Math.min(FIT_WEIGHTS.maxSkills, sharedSkills[c] * FIT_WEIGHTS.perSharedSkill) / UNIT;
      }
      buckets[units].push(c);
    }
    // The best `limit` by fit, and for apprentices who need one, the best `limit` trained ones too.
    let left = limit;
    let leftTrained = g.needs ? limit : 0;
    for (let units = maxUnits; units >= 0 && (left > 0 || leftTrained > 0); units--) {
      for (const c of buckets[units]) {
        const m = mentorGroups[c];
        const take = left > 0 || (m.trained && leftTrained > 0);
        if (!take) continue;
        if (left > 0) left--;
        if (m.trained && leftTrained > 0) leftTrained--;
        const cost = -(B + units + (g.needs && m.trained ? A : 0));
        direct.push({ k, c, arc: flow.add(aNode(k), mNode(c), Math.min(g.count, m.capacity), cost) });
        pot[mNode(c)] = Math.min(pot[mNode(c)], cost);
      }
    }
    g.languages.forEach((l, position) => {
      const li = languageIndex.get(l);
      if (li === undefined) return;
      const units = position === 0 ? FIT_WEIGHTS.preferredLanguage / UNIT : FIT_WEIGHTS.otherLanguage / UNIT;
      const hubs: [number, number][] = [[hubNode(li, false), -(B + units)]];
      if (g.needs && anyTrained[li]) hubs.push([hubNode(li, true), -(A + B + units)]);
      for (const [hub, cost] of hubs) {
        viaHub.push({ k, hub, arc: flow.add(aNode(k), hub, g.count, cost) });
        pot[hub] = Math.min(pot[hub], cost);
      }
    });
  });
  languages.forEach((l, li) => {
    mentorGroups.forEach((m, c) => {
      if (!m.languages.has(l)) return;
      for (const trained of m.trained ? [false, true] : [false]) {
        const hub = hubNode(li, trained);
        hubOut.push({ hub, c, arc: flow.add(hub, mNode(c), m.capacity, 0) });
        pot[mNode(c)] = Math.min(pot[mNode(c)], pot[hub]);
      }
    });
  });
  mentorGroups.forEach((m, c) => {
    flow.add(mNode(c), T, m.capacity, 0);
    pot[T] = Math.min(pot[T], pot[mNode(c)]);
  });
  const built = Date.now();
  const phases = flow.run(S, T, pot);
  if (stats) {
    Object.assign(stats, {
      apprenticeGroups: groups.length,
      mentorGroups: mentorGroups.length,
      arcs: flow.arcCount,
      phases,
      groupingMs: tGroups - t0,
      graphMs: built - tGroups,
      dijkstraMs: flow.timing.dijkstraMs,
      blockingFlowMs: flow.timing.blockingMs,
    });
  }

  // Group-to-group counts: direct arcs as they are, language nodes matched in and out.
  const counts: { k: number; c: number; count: number }[] = direct.map((d) => ({ k: d.k, c: d.c, count: flow.flowOn(d.arc) })).filter((x) => x.count > 0);
  const outs = new Map<number, { c: number; left: number }[]>();
  for (const o of hubOut) {
    const f = flow.flowOn(o.arc);
    if (f > 0) (outs.get(o.hub) ?? outs.set(o.hub, []).get(o.hub)!).push({ c: o.c, left: f });
  }
  for (const h of viaHub) {
    let f = flow.flowOn(h.arc);
    const list = outs.get(h.hub) ?? [];
    while (f > 0) {
      const o = list[0];
      const take = Math.min(f, o.left);
      counts.push({ k: h.k, c: o.c, count: take });
      f -= take;
      o.left -= take;
      if (o.left === 0) list.shift();
    }
  }

  // Hand the counts out to people: apprentices in input order, mentors filled in input order.
  const assigned = new Set<number>(pinnedApprentices);
  const nextApprentice = apprenticeClasses.map(() => 0);
  const nextMentor = mentorClasses.map(() => 0);
  for (const e of counts) {
    let count = e.count;
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

interface GroupFeatures {
  count: number;
  occupation: string;
  family: string;
  skills: string[];
  /** Normalised, first occurrence kept, in the apprentice's order. */
  languages: string[];
  needs: boolean;
}

interface MentorGroupFeatures {
  capacity: number;
  occupations: Set<string>;
  families: Set<string>;
  skills: Set<string>;
  languages: Set<string>;
  trained: boolean;
}

function groupFeatures(a: MentoringApprentice, count: number): GroupFeatures {
  const occupation = a.occupation.trim().toUpperCase();
  return { count, occupation, family: occupationFamily(occupation), skills: [...new Set(a.skills.map(norm))], languages: [...new Set(a.languages.map(norm))], needs: a.needsTrainedMentor };
}

function mentorFeatures(m: MentoringMentor, capacity: number): MentorGroupFeatures {
  const occupations = new Set(m.occupations.map((o) => o.trim().toUpperCase()));
  return {
    capacity,
    occupations,
    families: new Set([...occupations].map(occupationFamily)),
    skills: new Set(m.skills.map(norm)),
    languages: new Set(m.languages.map(norm)),
    trained: m.trainedInDisability,
  };
}

/** `pairFit` in units of 5, on prepared groups; -1 when they share no language. */
function fitUnits(a: GroupFeatures, m: MentorGroupFeatures): number {
  const position = a.languages.findIndex((l) => m.languages.has(l));
  if (position < 0) return -1;
  let fit = position === 0 ? FIT_WEIGHTS.preferredLanguage : FIT_WEIGHTS.otherLanguage;
  if (m.occupations.has(a.occupation)) fit += FIT_WEIGHTS.sameOccupation;
  else if (m.families.has(a.family)) fit += FIT_WEIGHTS.sameFamily;
  let shared = 0;
  for (const s of a.skills) if (m.skills.has(s)) shared++;
  fit += Math.min(FIT_WEIGHTS.maxSkills, shared * FIT_WEIGHTS.perSharedSkill);
  return fit / 5;
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

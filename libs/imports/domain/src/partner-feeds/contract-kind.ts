/**
 * `classifyContract`: the kind of contract of a partner offer, from the feed's contract fields
 * first, then from its text (title before description).
 *
 * - A field or text naming apprenticeship (`apprentissage`, `apprenti(e)`, `apprentice`…) gives
 *   APPRENTICESHIP; naming professionalisation (`contrat de professionnalisation`, `contrat
 *   pro`) gives PROFESSIONALISATION; naming both (`Contrat d'alternance (pro, apprentissage)`)
 *   gives APPRENTICESHIP.
 * - Work-study without its kind (`alternance`, `alternant(e)s`, `work-study`, `Alternating`) is
 *   work-study all the same: PROFESSIONALISATION when the other fields or the text name only
 *   that, else APPRENTICESHIP. Apprenticeship is the default because it is the common form of
 *   work-study (the great majority of contracts signed) and the one a reader's silence most
 *   likely means; returning null would drop the information that the offer is work-study.
 * - Work-study words win over other contract words in the same field or text: apprenticeships
 *   are CDD or CDI contracts (`CDD - Alternance - Contrat d'apprentissage`).
 * - Otherwise `CDI`, `CDD`, `stage`, `intérim`, `VIE`, `freelance`, `saisonnier`… give OTHER.
 * - A field with none of these words is ignored; when no field decides, the texts are read in
 *   order and the first that says something decides. Nothing at all: null.
 */
import type { PartnerContractKind } from '../partner-offer';

type Signal = 'APPRENTICESHIP' | 'PROFESSIONALISATION' | 'BOTH' | 'WORK_STUDY' | 'OTHER' | null;

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_’']/g, ' ');
}

const APPRENTICESHIP = /\bapprenti(e|es|s|\(e\)|\(es\)|·e|ssage|ssages)?\b|\bapprentice(ship)?s?\b|\bcontrat d apprentissage\b/;
const PROFESSIONALISATION = /\bprofessionn?ali[sz]ation\b|\bcontrat pro\b|\bcontrats pro\b|\(pro[,)]|\bprofessionali[sz]ation contract\b/;
const WORK_STUDY = /\balternance\b|\balternant(e|es|s|\(e\)|·e)\b|\b(l |un |une |d |votre |notre |cet |en tant qu )alternant\b|\bwork[- ]?study\b|\balternating\b|\bdual (study|training)\b/;
/** Other contracts, as texts name them. */
const OTHER_TEXT = /\bcdi\b|\bcdd\b|\bstages?\b|\bstagiaires?\b|\binternships?\b|\binterim(aire)?s?\b|\bfixed[- ]term\b|\bfreelance\b|\bjob etudiant\b|\bservice civique\b|\bcontrat a duree (in)?determinee\b|\bv\.i\.e\b|\bvolontariat international\b/;
/** Other contracts, as contract fields name them (codes included: `VIE`, `Permanent`…). */
const OTHER_FIELD = new RegExp(`${OTHER_TEXT.source}|\\bvie\\b|\\bvia\\b|\\btemporary\\b|\\bpermanent\\b|\\bindependant\\b|\\bsaisonnier\\b|\\bbenevol(e|at)\\b|\\bliberal\\b|\\bfranchise\\b`);

function signalOf(raw: string | null | undefined, other: RegExp): Signal {
  if (!raw) return null;
  const text = normalise(raw);
  const apprenticeship = APPRENTICESHIP.test(text);
  const pro = PROFESSIONALISATION.test(text);
  if (apprenticeship && pro) return 'BOTH';
  if (apprenticeship) return 'APPRENTICESHIP';
  if (pro) return 'PROFESSIONALISATION';
  if (WORK_STUDY.test(text)) return 'WORK_STUDY';
  if (other.test(text)) return 'OTHER';
  return null;
}

function decide(signals: Signal[]): PartnerContractKind | null {
  const present = signals.filter((s): s is Exclude<Signal, null> => s !== null);
  if (present.length === 0) return null;
  if (present.includes('APPRENTICESHIP') || present.includes('BOTH')) return 'APPRENTICESHIP';
  if (present.includes('PROFESSIONALISATION')) return 'PROFESSIONALISATION';
  if (present.includes('WORK_STUDY')) return 'APPRENTICESHIP';
  return 'OTHER';
}

/**
 * The contract kind of an offer (see the file's comment). `fields` are the feed's contract
 * fields (labels or codes), `texts` the title then the description, in that order.
 */
export function classifyContract(fields: ReadonlyArray<string | null | undefined>, texts: ReadonlyArray<string | null | undefined> = []): PartnerContractKind | null {
  const fromFields = fields.map((f) => signalOf(f, OTHER_FIELD));
  const fieldKind = decide(fromFields);
  if (fieldKind === 'OTHER') return 'OTHER';
  if (fieldKind !== null) {
    // Generic work-study in the fields: the text may say which kind.
    const specific = fromFields.some((s) => s === 'APPRENTICESHIP' || s === 'PROFESSIONALISATION' || s === 'BOTH');
    if (!specific) {
      const fromTexts = texts.map((t) => signalOf(t, OTHER_TEXT));
      if (fromTexts.includes('PROFESSIONALISATION') && !fromTexts.includes('APPRENTICESHIP') && !fromTexts.includes('BOTH')) return 'PROFESSIONALISATION';
    }
    return fieldKind;
  }
  for (const text of texts) {
    const kind = decide([signalOf(text, OTHER_TEXT)]);
    if (kind !== null) return kind;
  }
  return null;
}

/** Whether a kind is work-study (imported); null (nothing says) is not decided here. */
export function isWorkStudy(kind: PartnerContractKind | null): boolean {
  return kind === 'APPRENTICESHIP' || kind === 'PROFESSIONALISATION';
}

import type { Messages } from '../../i18n/messages';
import type { EmployerMessages } from '../../i18n/messages/employer.fr';
import type { SpaceMessages } from '../../i18n/space-messages';
import { CONTRACT_TYPES, HIRE_TYPES, MAX_QUESTIONS, REMOTE_POLICIES, SALARY_PERIODS } from '../../lib/offer-form';
import type { OfferEditorLabels } from './offer-editor';

/** The offer form's texts as plain strings, for the client component. */
export function offerEditorLabels(t: Messages, s: SpaceMessages, e: EmployerMessages): OfferEditorLabels {
  const { editTitle: _edit, question, errors: _errors, contractHints, hireTypes, ...plain } = e.offerForm;
  return {
    ...plain,
    errorSummary: s.common.errorSummary,
    questionLabels: Array.from({ length: MAX_QUESTIONS }, (_, i) => question(i + 1)),
    contractOptions: CONTRACT_TYPES.map((c) => ({ value: c, label: t.enums.contractType[c] ?? c, hint: contractHints[c] })),
    remoteOptions: REMOTE_POLICIES.map((r) => ({ value: r, label: t.enums.remotePolicy[r] ?? r })),
    hireOptions: [{ value: '', label: e.offerForm.hireNone }, ...HIRE_TYPES.map((h) => ({ value: h, label: hireTypes[h] ?? h }))],
    periodOptions: SALARY_PERIODS.map((p) => ({ value: p, label: t.enums.salaryPeriod[p] ?? p })),
    suggestions: { none: t.search.suggestionsNone, one: t.search.suggestionsOne, many: t.search.suggestionsMany },
  };
}

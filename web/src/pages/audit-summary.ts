/**
 * An audit entry's output summary (the JSON the API stored, src/api/audit/record.ts) as short
 * "clé : valeur" text for a person: probabilities as percentages, decisions and yes/no in words,
 * keys the page does not know kept as they are. Not JSON, or not an object: the text unchanged.
 */
import {
  isReasonCategory,
  isReviewStatus,
  REASON_CATEGORY_WORDS,
  REVIEW_STATUS_WORDS,
} from '../api/decision-words.ts';
import { formatNumber, formatPercent } from '../format/index.ts';
import type { Language } from '../i18n/language.tsx';

type Kind =
  | 'percent'
  | 'number'
  | 'decision'
  | 'yesNo'
  | 'text'
  | 'list'
  | 'category'
  | 'status'
  | 'hash'
  | 'reference';

/** The keys the API records (recordAudit calls in src/api/**), their words and how to show them. */
const KEYS: Record<string, { fr: string; en: string; kind: Kind }> = {
  probability: { fr: 'probabilité de défaut', en: 'probability of default', kind: 'percent' },
  defaultRate: { fr: 'taux de défaut', en: 'default rate', kind: 'percent' },
  points: { fr: 'points', en: 'points', kind: 'number' },
  decision: { fr: 'décision', en: 'decision', kind: 'decision' },
  modelDecision: { fr: 'avis du modèle', en: "model's opinion", kind: 'decision' },
  followsModel: { fr: 'suit le modèle', en: 'follows the model', kind: 'yesNo' },
  justification: { fr: 'justification', en: 'justification', kind: 'text' },
  reasonCategory: { fr: 'motif', en: 'reason', kind: 'category' },
  reviewId: { fr: 'demande de réexamen', en: 'review request', kind: 'reference' },
  corrected: { fr: 'informations corrigées', en: 'corrected fields', kind: 'list' },
  status: { fr: 'statut', en: 'status', kind: 'status' },
  format: { fr: 'format', en: 'format', kind: 'text' },
  lang: { fr: 'langue', en: 'language', kind: 'text' },
  sha256: { fr: 'empreinte', en: 'fingerprint', kind: 'hash' },
  bytes: { fr: 'octets', en: 'bytes', kind: 'number' },
  reasons: { fr: 'raisons', en: 'reasons', kind: 'list' },
  finalDecision: { fr: 'décision finale', en: 'final decision', kind: 'reference' },
  application: { fr: 'champs de la demande', en: 'application fields', kind: 'number' },
  history: { fr: "lignes d'historique", en: 'history rows', kind: 'number' },
  decisions: { fr: 'décisions', en: 'decisions', kind: 'number' },
  reviews: { fr: 'demandes de réexamen', en: 'review requests', kind: 'number' },
  adverse: { fr: 'raisons défavorables', en: 'adverse reasons', kind: 'list' },
  proposals: { fr: 'pistes', en: 'proposals', kind: 'list' },
  complete: { fr: 'recherche complète', en: 'complete search', kind: 'yesNo' },
  count: { fr: 'nombre', en: 'count', kind: 'number' },
  sections: { fr: 'sections', en: 'sections', kind: 'number' },
  ok: { fr: 'réussi', en: 'succeeded', kind: 'yesNo' },
  disabled: { fr: 'désactivé', en: 'disabled', kind: 'yesNo' },
  sessionsEnded: { fr: 'sessions fermées', en: 'sessions ended', kind: 'number' },
  clients: { fr: 'clients', en: 'clients', kind: 'number' },
  previous: { fr: 'précédent', en: 'previous', kind: 'text' },
  role: { fr: 'rôle', en: 'role', kind: 'text' },
  id: { fr: 'id', en: 'id', kind: 'text' },
};

const WORDS = {
  fr: { grant: 'accordé', refuse: 'refusé', yes: 'oui', no: 'non', none: '—', number: 'n° ' },
  en: { grant: 'granted', refuse: 'refused', yes: 'yes', no: 'no', none: '—', number: 'no. ' },
} as const;

/** Characters of a SHA-256 shown: enough to compare two, short enough to read. */
const HASH_SHOWN = 12;

/** Lists longer than this show their first items and a count of the rest. */
const LIST_SHOWN = 3;

function valueText(value: unknown, kind: Kind | undefined, language: Language): string {
  const w = WORDS[language];
  if (value === null || value === undefined) return w.none;
  if (kind === 'percent' && typeof value === 'number') return formatPercent(value, language);
  // Whole numbers as the score panel shows points (529,53 → 530); small fractions keep one decimal.
  if (kind === 'number' && typeof value === 'number')
    return formatNumber(value, language, Math.abs(value) >= 10 || Number.isInteger(value) ? 0 : 1);
  if (kind === 'decision' && (value === 'grant' || value === 'refuse')) return w[value];
  if (kind === 'category' && isReasonCategory(value))
    return REASON_CATEGORY_WORDS[value][language].toLowerCase();
  // A review's status in words; an HTTP status (an access refused) stays a number.
  if (kind === 'status' && isReviewStatus(value)) return REVIEW_STATUS_WORDS[value][language];
  if (kind === 'hash' && typeof value === 'string' && value.length > HASH_SHOWN)
    return `${value.slice(0, HASH_SHOWN)}…`;
  if (kind === 'reference' && typeof value === 'number') return `${w.number}${value}`;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (Array.isArray(value)) {
    const items = value.map((v) => valueText(v, undefined, language));
    const rest = items.length - LIST_SHOWN;
    return rest > 0 ? `${items.slice(0, LIST_SHOWN).join(', ')} (+${rest})` : items.join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function auditSummaryText(summary: string, language: Language): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return summary;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return summary;
  const sep = language === 'fr' ? '\u00a0: ' : ': ';
  return Object.entries(parsed)
    .map(([key, value]) => {
      const known = KEYS[key];
      return `${known ? known[language] : key}${sep}${valueText(value, known?.kind, language)}`;
    })
    .join(' · ');
}

/** True when the entry is a decision that answered (and closed) a client's review request. */
export function answersReview(action: string, summary: string): boolean {
  if (action !== 'client.decision') return false;
  try {
    const parsed = JSON.parse(summary) as { reviewId?: unknown } | null;
    return typeof parsed?.reviewId === 'number';
  } catch {
    return false;
  }
}

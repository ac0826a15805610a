/**
 * What the explanation letter says, in the client's language, before any layout: the decision
 * and its date, the model version, the probability in words, at most four principal reasons
 * (the client view of the explanation, the same codes in the same order as the API's
 * `clientReasons`), what would change the decision (the recourse proposals, every changed field
 * named), the adviser's final decision and its justification when there is one, and the client's
 * rights under the EU Consumer Credit Directive 2023/2225, Art. 18, with how to use them. The
 * HTML (./html.ts) and the PDF (./pdf.ts) lay out the same content.
 */
import { dictionaryEntry } from '../../data/features/dictionary.ts';
import { formatPercent, formatValue, type Lang } from '../../explain/format.ts';

/** A reason as the letter tells it. */
export interface LetterReason {
  readonly code: string;
  readonly text: string;
}

/** A changed field of a proposal: its label, the stored value and the proposed one. */
export interface LetterField {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface LetterProposal {
  readonly text: string;
  readonly fields: readonly LetterField[];
}

export interface LetterSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** Bulleted items after the paragraphs. */
  readonly items: readonly string[];
}

export interface LetterContent {
  readonly lang: Lang;
  readonly title: string;
  readonly reference: string;
  readonly sections: readonly LetterSection[];
  /** The principal reasons' codes, in the letter's order (the audit keeps them). */
  readonly reasonCodes: readonly string[];
}

/** What the letter is made from (gathered by ./routes.ts). */
export interface LetterInput {
  readonly lang: Lang;
  readonly clientId: number;
  /** Epoch milliseconds: when the letter is produced. */
  readonly now: number;
  readonly modelVersion: string;
  readonly modelDecision: 'grant' | 'refuse';
  /** The model's probability of default and its threshold (0–1). */
  readonly probability: number;
  readonly threshold: number;
  /** The client view's reasons in the decision's direction, in order (at most four are told). */
  readonly reasons: readonly { code: string; textFr: string; textEn: string }[];
  readonly proposals: readonly {
    textFr: string;
    textEn: string;
    changed: readonly {
      field: string;
      before: string | number | null;
      after: string | number | null;
    }[];
  }[];
  /** The latest final decision recorded by an adviser, if any. */
  readonly finalDecision: {
    readonly decision: 'grant' | 'refuse';
    readonly at: number;
    readonly justification: string | null;
    readonly reasonCategory: string | null;
  } | null;
}

/** Reasons told at most. */
export const LETTER_REASONS = 4;

const DATE = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
};

const W = {
  fr: {
    title: 'Explication de la décision sur votre demande de crédit',
    reference: (id: number, date: string) => `Dossier n° ${id} — ${date}`,
    decisionTitle: 'La décision',
    granted: 'accordé',
    refused: 'refusé',
    modelSaid: (d: string, date: string) =>
      `Évaluation automatique du ${date} : crédit ${d} selon le modèle de notation.`,
    finalSaid: (d: string, date: string) =>
      `Décision finale d'un conseiller, le ${date} : crédit ${d}.`,
    noFinal:
      "Aucun conseiller n'a encore rendu de décision finale : vous pouvez en demander une (voir vos droits ci-dessous).",
    justification: (j: string) => `Motif du conseiller : ${j}`,
    category: (c: string) => `Catégorie du motif : ${c}`,
    model: (v: string) => `Version du modèle : ${v}.`,
    probabilityTitle: 'Le risque estimé, en mots',
    probability: (p: string, ratio: string, level: string, t: string) =>
      `Le modèle estime à ${p} le risque que le crédit ne soit pas remboursé, soit environ ${ratio}. C'est un risque ${level} au regard du seuil de ${t} : au-dessus de ce seuil, la demande est refusée.`,
    ratio: (n: number) => `1 dossier sur ${n} comme le vôtre`,
    levels: { low: 'faible', near: 'proche du seuil', high: 'élevé' },
    logic:
      'Le modèle compare votre dossier aux remboursements observés de nombreux clients : chaque élément de votre dossier augmente ou diminue le risque estimé.',
    reasonsTitleRefused: 'Les principales raisons de ce résultat',
    reasonsTitleGranted: 'Les principaux éléments en votre faveur',
    noReasons: 'Aucun élément de votre dossier ne pèse assez pour être cité seul.',
    changeTitle: 'Ce qui pourrait changer la décision',
    noChangeGranted: 'Votre demande est accordée par le modèle : rien n’est à changer.',
    noChange:
      'Aucune modification du montant ou de la durée du prêt ne suffit, selon le modèle ; un conseiller peut réexaminer votre dossier à votre demande.',
    changeField: (label: string, before: string, after: string) =>
      `${label} : ${before} → ${after}`,
    rightsTitle: 'Vos droits et comment les exercer',
    rightsIntro:
      'Cette évaluation a été faite par un traitement automatisé. La directive (UE) 2023/2225 sur le crédit aux consommateurs (article 18) vous donne les droits suivants :',
    rights: [
      'Demander une intervention humaine : un conseiller réexamine votre dossier et prend la décision finale. Dans votre espace client, choisissez « Demander un réexamen », ou adressez-vous à votre conseiller.',
      'Exprimer votre point de vue : joignez-le à votre demande de réexamen (20 à 2 000 caractères), avec les informations de votre dossier que vous estimez inexactes et leur bonne valeur.',
      "Contester l'évaluation et la décision : votre demande de réexamen vaut contestation ; la réponse du conseiller, motivée, apparaît dans votre espace. Si elle ne vous satisfait pas, vous pouvez saisir le service réclamations puis le médiateur de l'établissement.",
      'Obtenir vos données (RGPD, articles 15 et 20) : « Mes données » dans votre espace client les fournit en JSON et en CSV.',
    ],
    categories: {
      'additional-income': 'revenus complémentaires justifiés',
      guarantee: 'garantie',
      'data-error': 'erreur dans les données',
      'review-request': 'demande de réexamen du client',
      other: 'autre',
    } as Record<string, string>,
  },
  en: {
    title: 'Explanation of the decision on your credit application',
    reference: (id: number, date: string) => `File no. ${id} — ${date}`,
    decisionTitle: 'The decision',
    granted: 'granted',
    refused: 'refused',
    modelSaid: (d: string, date: string) =>
      `Automated assessment of ${date}: credit ${d} according to the scoring model.`,
    finalSaid: (d: string, date: string) =>
      `Final decision by an adviser, on ${date}: credit ${d}.`,
    noFinal:
      'No adviser has made a final decision yet: you may ask for one (see your rights below).',
    justification: (j: string) => `The adviser's reason: ${j}`,
    category: (c: string) => `Reason category: ${c}`,
    model: (v: string) => `Model version: ${v}.`,
    probabilityTitle: 'The estimated risk, in words',
    probability: (p: string, ratio: string, level: string, t: string) =>
      `The model estimates the risk that the credit is not repaid at ${p}, that is about ${ratio}. This is a ${level} risk against the threshold of ${t}: above it, the application is refused.`,
    ratio: (n: number) => `1 file in ${n} like yours`,
    levels: { low: 'low', near: 'close-to-threshold', high: 'high' },
    logic:
      'The model compares your file with the repayments observed for many clients: each element of your file raises or lowers the estimated risk.',
    reasonsTitleRefused: 'The principal reasons for this result',
    reasonsTitleGranted: 'The principal elements in your favour',
    noReasons: 'No element of your file weighs enough to be named on its own.',
    changeTitle: 'What could change the decision',
    noChangeGranted: 'The model grants your application: nothing needs to change.',
    noChange:
      'According to the model, no change of the loan amount or term is enough; an adviser can review your file at your request.',
    changeField: (label: string, before: string, after: string) => `${label}: ${before} → ${after}`,
    rightsTitle: 'Your rights and how to use them',
    rightsIntro:
      'This assessment was made by automated processing. The EU Consumer Credit Directive 2023/2225 (Article 18) gives you the following rights:',
    rights: [
      'Request human intervention: an adviser reviews your file and makes the final decision. In your client space, choose "Request a review", or ask your adviser.',
      'State your point of view: attach it to your review request (20 to 2,000 characters), with the information in your file you believe is wrong and its right value.',
      "Contest the assessment and the decision: your review request is a contest; the adviser's reasoned answer appears in your space. If it does not satisfy you, you may turn to the complaints service and then to the lender's ombudsman.",
      'Obtain your data (GDPR, Articles 15 and 20): "My data" in your client space gives it as JSON and CSV.',
    ],
    categories: {
      'additional-income': 'justified additional income',
      guarantee: 'guarantee',
      'data-error': 'data error',
      'review-request': "the client's review request",
      other: 'other',
    } as Record<string, string>,
  },
} as const;

/** A field's value as the letter shows it (the dictionary's unit; categories as stored). */
function shown(field: string, value: string | number | null, lang: Lang): string {
  if (typeof value === 'string') return value;
  const entry = dictionaryEntry(field);
  return entry ? formatValue(value, entry.unit, lang) : formatValue(value, 'count', lang);
}

/** The letter's content for `input`. */
export function letterContent(input: LetterInput): LetterContent {
  const { lang } = input;
  const w = W[lang];
  const date = (ms: number) => DATE[lang].format(new Date(ms));
  const word = (d: 'grant' | 'refuse') => (d === 'grant' ? w.granted : w.refused);
  const decision: string[] = [w.modelSaid(word(input.modelDecision), date(input.now))];
  const f = input.finalDecision;
  if (f) {
    decision.push(w.finalSaid(word(f.decision), date(f.at)));
    if (f.reasonCategory)
      decision.push(w.category(w.categories[f.reasonCategory] ?? f.reasonCategory));
    if (f.justification) decision.push(w.justification(f.justification));
  } else {
    decision.push(w.noFinal);
  }
  decision.push(w.model(input.modelVersion));

  const p = input.probability;
  const level = p >= input.threshold ? 'high' : p >= input.threshold * 0.75 ? 'near' : 'low';
  const ratio = w.ratio(Math.max(1, Math.round(1 / Math.max(p, 1e-6))));
  const probability = w.probability(
    formatPercent(p, lang),
    ratio,
    w.levels[level],
    formatPercent(input.threshold, lang),
  );

  const told = input.reasons.slice(0, LETTER_REASONS);
  const reasons = told.map((r) => (lang === 'fr' ? r.textFr : r.textEn));

  const changes: string[] = [];
  const proposals = input.proposals.map((proposal) => ({
    text: lang === 'fr' ? proposal.textFr : proposal.textEn,
    fields: proposal.changed.map((c) => ({
      field: c.field,
      label:
        (lang === 'fr' ? dictionaryEntry(c.field)?.label_fr : dictionaryEntry(c.field)?.label_en) ??
        c.field,
      before: shown(c.field, c.before, lang),
      after: shown(c.field, c.after, lang),
    })),
  }));
  for (const proposal of proposals) {
    const fields = proposal.fields
      .map((x) => w.changeField(x.label, x.before, x.after))
      .join(' ; ');
    changes.push(fields === '' ? proposal.text : `${proposal.text} (${fields})`);
  }
  const granted = input.modelDecision === 'grant';
  return {
    lang,
    title: w.title,
    reference: w.reference(input.clientId, date(input.now)),
    reasonCodes: told.map((r) => r.code),
    sections: [
      { title: w.decisionTitle, paragraphs: decision, items: [] },
      { title: w.probabilityTitle, paragraphs: [probability, w.logic], items: [] },
      {
        title: granted ? w.reasonsTitleGranted : w.reasonsTitleRefused,
        paragraphs: reasons.length === 0 ? [w.noReasons] : [],
        items: reasons,
      },
      {
        title: w.changeTitle,
        paragraphs: changes.length > 0 ? [] : [granted ? w.noChangeGranted : w.noChange],
        items: changes,
      },
      { title: w.rightsTitle, paragraphs: [w.rightsIntro], items: [...w.rights] },
    ],
  };
}

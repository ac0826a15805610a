import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ModelSummary, Promotion } from '../../api/generated/api-types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatNumber, formatPercent } from '../../format/index.ts';
import { type Language, useLanguage, useMessages } from '../../i18n/language.tsx';

const messages = {
  fr: {
    title: (id: string) => `Servir le modèle ${id} ?`,
    from: (served: string, figures: string) => `Modèle servi aujourd'hui : ${served} (${figures}).`,
    noneServed: "Aucun modèle n'est servi aujourd'hui.",
    to: (id: string, figures: string) => `Modèle servi ensuite : ${id} (${figures}).`,
    figures: (auc: string, cost: string, threshold: string) =>
      `AUC ${auc}, coût relatif ${cost}, seuil de refus ${threshold}`,
    effects:
      "Tous les clients sont notés de nouveau par ce modèle, sans redémarrage : leur score, la décision du modèle et ses raisons peuvent changer, et le seuil de refus devient le sien. Les décisions déjà prises par les conseillers restent. L'action est inscrite au journal ; on peut revenir au modèle précédent de la même façon.",
    worse: (what: string) =>
      `Attention : sur les dossiers de test, ce modèle fait moins bien que celui servi aujourd'hui (${what}).`,
    worseAuc: 'AUC plus basse',
    worseCost: 'coût relatif plus élevé',
    confirm: 'Servir ce modèle',
    cancel: 'Annuler',
    working: 'Notation de tous les clients…',
  },
  en: {
    title: (id: string) => `Serve model ${id}?`,
    from: (served: string, figures: string) => `Served today: ${served} (${figures}).`,
    noneServed: 'No model is served today.',
    to: (id: string, figures: string) => `Served next: ${id} (${figures}).`,
    figures: (auc: string, cost: string, threshold: string) =>
      `AUC ${auc}, relative cost ${cost}, refusal threshold ${threshold}`,
    effects:
      "Every client is scored again by this model, without a restart: their score, the model's decision and its reasons may change, and the refusal threshold becomes this model's. Decisions the advisers already took stay. The action goes to the audit trail; the previous model can be served again the same way.",
    worse: (what: string) =>
      `Warning: on the test files, this model does worse than the one served today (${what}).`,
    worseAuc: 'lower AUC',
    worseCost: 'higher relative cost',
    confirm: 'Serve this model',
    cancel: 'Cancel',
    working: 'Scoring every client…',
  },
};

/** A run's three registry figures in words ("—" for a metric the run could not compute). */
export function figuresOf(
  m: ModelSummary,
  language: Language,
  say: (auc: string, cost: string, threshold: string) => string,
): string {
  const n = (x: number | null) => (x === null ? '—' : formatNumber(x, language, 3));
  return say(n(m.holdoutAuc), n(m.holdoutCost), formatPercent(m.threshold, language, 1));
}

/** Where `target` does worse than `served` on the registry's figures (none when one is unknown). */
export function worseOn(target: ModelSummary, served: ModelSummary | null): ('auc' | 'cost')[] {
  if (!served || served.id === target.id) return [];
  const worse: ('auc' | 'cost')[] = [];
  if (
    target.holdoutAuc !== null &&
    served.holdoutAuc !== null &&
    target.holdoutAuc < served.holdoutAuc
  )
    worse.push('auc');
  if (
    target.holdoutCost !== null &&
    served.holdoutCost !== null &&
    target.holdoutCost > served.holdoutCost
  )
    worse.push('cost');
  return worse;
}

/**
 * The confirmation before a promotion (a native modal <dialog>: focus kept inside, Escape
 * cancels): which model is served now and which next, with their figures, and what changes for the
 * clients. Confirming sends POST /api/admin/models/:id/promote and waits for its answer.
 */
export function PromoteDialog(props: {
  target: ModelSummary;
  served: ModelSummary | null;
  onDone: (promotion: Promotion) => void;
  onCancel: () => void;
}) {
  const { target, served, onDone, onCancel } = props;
  const t = useMessages(messages);
  const { language } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const worse = worseOn(target, served).map((w) => (w === 'auc' ? t.worseAuc : t.worseCost));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onDone(await api.post(`/api/admin/models/${target.id}/promote`, {}));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="promote-dialog"
      aria-labelledby="promote-title"
      data-testid="promote-dialog"
      onCancel={(event) => {
        // Escape: the same as Cancel, unless the promotion is under way.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="promote-title">{t.title(target.id)}</h2>
      <p>{served ? t.from(served.id, figuresOf(served, language, t.figures)) : t.noneServed}</p>
      <p>
        <strong>{t.to(target.id, figuresOf(target, language, t.figures))}</strong>
      </p>
      {worse.length > 0 && (
        <p className="promote-worse" role="alert" data-testid="promote-worse">
          {t.worse(worse.join(', '))}
        </p>
      )}
      <p>{t.effects}</p>
      {failure !== null && <ErrorMessage error={failure} />}
      <div className="user-buttons">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void confirm()}
          data-testid="promote-confirm"
        >
          {busy ? t.working : t.confirm}
        </button>
        <button type="button" disabled={busy} onClick={onCancel} data-testid="promote-cancel">
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}

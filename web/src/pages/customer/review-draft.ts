/**
 * A review request as typed (the point of view and the corrected fields, as text) turned into the
 * body of POST /api/clients/:id/reviews, with what keeps it from being sent: the point of view's
 * length (the API's limits, counted once trimmed, as the API counts) and the corrections that are
 * not numbers. Empty correction fields correct nothing and are left out.
 */
import type { ClientsReviewsCreatePayload } from '../../api/generated/api-types.ts';
import { applicationOf } from '../../forms/application-form/body.ts';
import { APPLICATION_FIELDS, type FormField } from '../../forms/application-form/fields.ts';
import type { FormValues } from '../../forms/application-form/values.ts';

/** The API's limits on the point of view (src/api/reviews/routes.ts), in characters once trimmed. */
export const POINT_OF_VIEW_MIN = 20;
export const POINT_OF_VIEW_MAX = 2000;

/** The fields a client may correct: every application field a form offers, none required. */
export const CORRECTION_FIELDS: readonly FormField[] = APPLICATION_FIELDS.map((f) => ({
  ...f,
  required: false,
}));

export type PointOfViewProblem =
  | { kind: 'tooShort'; length: number }
  | { kind: 'tooLong'; length: number };

export interface ReviewDraft {
  body: ClientsReviewsCreatePayload;
  /** Why the point of view cannot be sent; null when it can. */
  pointOfView: PointOfViewProblem | null;
  /** Correction fields whose text is not a number. */
  invalid: string[];
}

export function pointOfViewProblem(text: string): PointOfViewProblem | null {
  const length = text.trim().length;
  if (length < POINT_OF_VIEW_MIN) return { kind: 'tooShort', length };
  if (length > POINT_OF_VIEW_MAX) return { kind: 'tooLong', length };
  return null;
}

/** The body to send and what is wrong with it (nothing wrong: `pointOfView` null, `invalid` empty). */
export function reviewDraft(pointOfView: string, corrections: FormValues): ReviewDraft {
  const { application, invalid } = applicationOf(corrections, CORRECTION_FIELDS);
  const body: ClientsReviewsCreatePayload = { pointOfView: pointOfView.trim() };
  if (Object.keys(application).length > 0) {
    body.corrections = application as ClientsReviewsCreatePayload['corrections'];
  }
  return { body, pointOfView: pointOfViewProblem(pointOfView), invalid };
}

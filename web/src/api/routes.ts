/**
 * What each API path answers, from the generated contract: the client's calls are typed by the
 * path they ask, so a page cannot claim another answer than the API's. A path is matched as the
 * dashboard writes it (identifiers as numbers, the query as text: it never changes the type).
 */
import type {
  AdminModelsDetailData,
  AdminModelsListData,
  AdminModelsPromoteCreateData,
  AdminUsersCreateData,
  AdminUsersCreatePayload,
  AdminUsersListData,
  AdminUsersPartialUpdateData,
  AdminUsersPartialUpdatePayload,
  ApplicationsCreateData,
  ApplicationsCreatePayload,
  AuditListData,
  AuthLoginCreateData,
  AuthLoginCreatePayload,
  AuthSessionListData,
  CategoriesListData,
  ClientsDecisionsCreateData,
  ClientsDecisionsCreatePayload,
  ClientsDecisionsListData,
  ClientsDetailData,
  ClientsExplanationListData,
  ClientsListData,
  ClientsRecourseListData,
  ClientsReviewsCreateData,
  ClientsReviewsCreatePayload,
  ClientsReviewsListData,
  ClientsScoreListData,
  ClientsSimilarListData,
  DecisionsListData,
  ModelListData,
  MonitoringLatestListData,
  MonitoringListData,
  MonitoringReportsCreateData,
  MonitoringReportsCreatePayload,
  PopulationFeaturesDetailData,
  PopulationScatterListData,
  ReviewsListData,
  ReviewsPartialUpdateData,
  ReviewsPartialUpdatePayload,
  ScoreCreateData,
  ScoreCreatePayload,
} from './generated/api-types.ts';

/** A query string as a path ends with: nothing, or '?' and the parameters. */
export type Query = '' | `?${string}`;
type Get<Path extends string, Answer> = { path: Path; answer: Answer };
type Post<Path extends string, Body, Answer> = { path: Path; body: Body; answer: Answer };

type GetRoute =
  | Get<'/api/auth/session', AuthSessionListData>
  | Get<'/api/categories', CategoriesListData>
  | Get<'/api/model', ModelListData>
  | Get<`/api/clients${Query}`, ClientsListData>
  | Get<`/api/clients/${number}`, ClientsDetailData>
  | Get<`/api/clients/${number}/score`, ClientsScoreListData>
  | Get<`/api/clients/${number}/explanation${Query}`, ClientsExplanationListData>
  | Get<`/api/clients/${number}/similar${Query}`, ClientsSimilarListData>
  | Get<`/api/clients/${number}/recourse`, ClientsRecourseListData>
  | Get<`/api/clients/${number}/decisions`, ClientsDecisionsListData>
  | Get<`/api/clients/${number}/reviews`, ClientsReviewsListData>
  | Get<`/api/population/features/${string}`, PopulationFeaturesDetailData>
  | Get<`/api/population/scatter${Query}`, PopulationScatterListData>
  | Get<'/api/admin/users', AdminUsersListData>
  | Get<'/api/admin/models', AdminModelsListData>
  | Get<'/api/monitoring', MonitoringListData>
  | Get<'/api/monitoring/latest', MonitoringLatestListData>
  | Get<`/api/admin/models/${string}`, AdminModelsDetailData>
  | Get<`/api/decisions${Query}`, DecisionsListData>
  | Get<`/api/reviews${Query}`, ReviewsListData>
  | Get<`/api/audit${Query}`, AuditListData>;

type PostRoute =
  | Post<'/api/auth/login', AuthLoginCreatePayload, AuthLoginCreateData>
  | Post<'/api/auth/logout', Record<string, never>, null>
  | Post<
      `/api/clients/${number}/decisions`,
      ClientsDecisionsCreatePayload,
      ClientsDecisionsCreateData
    >
  | Post<`/api/clients/${number}/reviews`, ClientsReviewsCreatePayload, ClientsReviewsCreateData>
  | Post<'/api/admin/users', AdminUsersCreatePayload, AdminUsersCreateData>
  | Post<`/api/admin/models/${string}/promote`, Record<string, never>, AdminModelsPromoteCreateData>
  | Post<'/api/score', ScoreCreatePayload, ScoreCreateData>
  | Post<'/api/monitoring/reports', MonitoringReportsCreatePayload, MonitoringReportsCreateData>
  | Post<'/api/applications', ApplicationsCreatePayload, ApplicationsCreateData>;

type Patch<Path extends string, Body, Answer> = { path: Path; body: Body; answer: Answer };
type PatchRoute =
  | Patch<`/api/admin/users/${number}`, AdminUsersPartialUpdatePayload, AdminUsersPartialUpdateData>
  | Patch<`/api/reviews/${number}`, ReviewsPartialUpdatePayload, ReviewsPartialUpdateData>;

export type GetPath = GetRoute['path'];
export type PatchPath = PatchRoute['path'];

/** The body PATCH `P` takes. */
export type PatchBody<P extends PatchPath> = PatchRoute extends infer R
  ? R extends Patch<infer Pattern, infer Body, unknown>
    ? P extends Pattern
      ? Body
      : never
    : never
  : never;

/** The answer of PATCH `P`. */
export type PatchAnswer<P extends PatchPath> = PatchRoute extends infer R
  ? R extends Patch<infer Pattern, unknown, infer Answer>
    ? P extends Pattern
      ? Answer
      : never
    : never
  : never;
export type PostPath = PostRoute['path'];

/** The answer of GET `P`. */
export type GetAnswer<P extends GetPath> = GetRoute extends infer R
  ? R extends Get<infer Pattern, infer Answer>
    ? P extends Pattern
      ? Answer
      : never
    : never
  : never;

/** The body POST `P` takes. */
export type PostBody<P extends PostPath> = PostRoute extends infer R
  ? R extends Post<infer Pattern, infer Body, unknown>
    ? P extends Pattern
      ? Body
      : never
    : never
  : never;

/** The answer of POST `P`. */
export type PostAnswer<P extends PostPath> = PostRoute extends infer R
  ? R extends Post<infer Pattern, unknown, infer Answer>
    ? P extends Pattern
      ? Answer
      : never
    : never
  : never;

import type { Schemas } from '@/types/api';

export type LearningResource = Schemas['LearningLink'];

export type LearningRecommendation = Schemas['LearningRecommendation'];

/** POST /api/jobs/{id}/match: scores are 0–1; gap_detected when match_score is below 0.7. */
export type JobMatch = Schemas['MatchResult'];

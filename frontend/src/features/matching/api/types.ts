export type LearningResource = {
  title: string;
  url: string;
  /** e.g. "course", "docs", "video" */
  type: string;
};

export type LearningRecommendation = {
  skill: string;
  resources: LearningResource[];
};

/** POST /api/jobs/{id}/match */
export type JobMatch = {
  job_id: string;
  /** Cosine similarity of the resume and the job (0–1). */
  similarity_score: number;
  /** The fit shown to the seeker (0–1). */
  match_score: number;
  /** match_score below 0.7. */
  gap_detected: boolean;
  matched_skills: string[];
  missing_skills: string[];
  learning_recommendations: LearningRecommendation[];
  explanation: string;
};

import { apiLimits } from '@/lib/api-limits.generated';

const limits = apiLimits.schemas.PostJob;

/**
 * The server's rules for a job's text (JobRules), read from its OpenAPI document so mistakes show before anything
 * is sent. Posting and editing check the same rules.
 */
export const jobRules = {
  minTitleLength: limits.title.minLength,
  maxTitleLength: limits.title.maxLength,
  minDescriptionLength: limits.description_raw.minLength,
  maxDescriptionLength: limits.description_raw.maxLength,
  maxSkills: limits.skills_required.maxItems,
  maxSkillLength: limits.skills_required.itemMaxLength,
  maxShortTextLength: limits.company_name.maxLength,
} as const;

/** What is wrong with a title, or undefined. */
export function titleProblem(title: string): string | undefined {
  const trimmed = title.trim();
  if (trimmed.length < jobRules.minTitleLength) return `Title must be at least ${jobRules.minTitleLength} characters.`;
  if (trimmed.length > jobRules.maxTitleLength) return `Title must be at most ${jobRules.maxTitleLength} characters.`;
  return undefined;
}

/** What is wrong with a description, or undefined. */
export function descriptionProblem(description: string): string | undefined {
  if (description.trim().length < jobRules.minDescriptionLength) {
    return `Description must be at least ${jobRules.minDescriptionLength} characters.`;
  }
  if (description.length > jobRules.maxDescriptionLength) {
    return `Description must be at most ${jobRules.maxDescriptionLength.toLocaleString()} characters.`;
  }
  return undefined;
}

/** What is wrong with a short text field (company, location), named by `label`, or undefined. */
export function shortTextProblem(label: string, text: string | undefined): string | undefined {
  return (text ?? '').trim().length > jobRules.maxShortTextLength
    ? `${label} must be at most ${jobRules.maxShortTextLength} characters.`
    : undefined;
}

import { z } from 'zod';

const SHA256 = /^[0-9a-f]{64}$/;

/** Link from a student to the teacher it was distilled from. */
export const teacherLinkSchema = z.looseObject({
  dir: z.string().min(1),
  model_sha256: z.string().regex(SHA256, 'must be 64 lowercase hex chars'),
});

/** metadata.json of a candidate: required keys are checked, any others pass through. */
export const candidateMetadataSchema = z.looseObject({
  model_sha256: z.string().regex(SHA256, 'must be 64 lowercase hex chars'),
  config_hash: z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 lowercase hex chars'),
  teacher: teacherLinkSchema,
  model_type: z.string().min(1),
});

export type CandidateMetadata = z.infer<typeof candidateMetadataSchema>;

/** promotion_checklist.json of a candidate. */
export const promotionChecklistSchema = z.looseObject({
  recommendation: z.enum(['PROMOTE', 'REJECT']),
  reason: z.string(),
});

export type PromotionChecklist = z.infer<typeof promotionChecklistSchema>;

/** Renders zod issues as `path: message` strings. */
export function zodIssueText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

export { loadParams, mergeOverrides, validateParams } from './load-params.js';
export type { LoadedParams } from './load-params.js';
export {
  gbdtParamsSchema,
  nnParamsSchema,
  studentSchema,
  teacherSchema,
  tuningSchema,
} from './model-schemas.js';
export type { GbdtParams, NnParams, StudentParams, TeacherParams } from './model-schemas.js';
export { paramsJsonSchema, paramsSchema } from './params-schema.js';
export type { Params } from './params-schema.js';
export { RULES } from './rules.js';
export type { Rule } from './rules.js';
export {
  baseSchema,
  clockMinutes,
  dataSchema,
  featuresSchema,
  qualitySchema,
  sessionSchema,
  splitSchema,
} from './schema.js';
export type {
  BaseParams,
  DataParams,
  FeaturesParams,
  QualityParams,
  SessionParams,
  SplitParams,
} from './schema.js';
export { strategySchema, thresholdsSchema, validationSchema } from './validation-schema.js';
export type { StrategyParams, ThresholdsParams, ValidationParams } from './validation-schema.js';
export { applySettings, childEnv, parseDotenv, parseSettings, settings, settingsSchema } from './settings.js';
export type { Settings } from './settings.js';
export { describeParam } from './describe-param.js';
export type { ParamInfo } from './describe-param.js';

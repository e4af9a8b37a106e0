/** @module Public face of FEEL expressions (feelin) with huiliu's clock and working-day functions. */
export { type Clock, createTestClock, systemClock, type TestClock } from '../../platform/clock';
export {
  type ConditionResult,
  evaluateCondition,
  evaluateFeel,
  type FeelFailure,
  type FeelOptions,
  type FeelResult,
} from './evaluate-feel';
export { type FeelEnv, toChinaIso } from './feel-functions';
export { feelSource, isFeel, type ParseResult, parseFeel } from './parse-feel';

/**
 * @module ui/pages/modeler/lint/config: the bundled bpmnlint configuration bpmn-js-bpmnlint expects ({ config, resolver }),
 * built in code: our rules mirroring the server's deploy validation, plus a few of bpmnlint's own, in the UI's language.
 */
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import type { Lang } from '../../../i18n';
import type { RuleConfig, RuleFactory } from './rule-kit';
import { compileIssues, serverRule, type XmlSource } from './server-check';
import * as elements from './rules/elements';
import { feelSyntax } from './rules/feel';
import * as flow from './rules/flow';
import * as process from './rules/process';
import * as tasks from './rules/tasks';

/** Our rules as `huiliu/<name>`; errors are what a deploy would refuse, warnings what it accepts but is likely wrong. */
export const HUILIU_RULES: Record<string, [RuleFactory, 'error' | 'warn']> = {
  'unsupported-element': [elements.unsupportedElement, 'error'],
  'timer-definition': [elements.timerDefinition, 'error'],
  'message-reference': [elements.messageReference, 'error'],
  'service-task-type': [elements.serviceTaskType, 'error'],
  'error-end-code': [elements.errorEndCode, 'error'],
  'error-boundary-host': [elements.errorBoundaryHost, 'error'],
  'called-process': [elements.calledProcess, 'error'],
  'script-task': [elements.scriptTask, 'error'],
  'gateway-conditions': [flow.gatewayConditions, 'error'],
  'conditional-from-activity': [flow.conditionalFromActivity, 'error'],
  'implicit-split': [flow.implicitSplit, 'error'],
  'start-incoming': [flow.startIncoming, 'error'],
  disconnected: [flow.disconnected, 'error'],
  'event-gateway-targets': [flow.eventGatewayTargets, 'error'],
  'process-start': [process.processStart, 'error'],
  'sub-process-start': [process.subProcessStart, 'error'],
  'end-required': [process.endRequired, 'error'],
  'user-task-assignment': [tasks.userTaskAssignment, 'warn'],
  'generic-task': [tasks.genericTask, 'warn'],
  'multi-instance-collection': [tasks.multiInstanceCollection, 'error'],
  'feel-syntax': [feelSyntax, 'error'],
};

/** bpmnlint's own rules worth having here, with their English messages in Chinese. */
const BUILT_IN: Record<string, [RuleFactory, 'error' | 'warn', Record<string, string>]> = {
  'no-duplicate-sequence-flows': [
    noDuplicateSequenceFlows,
    'error',
    {
      'SequenceFlow is a duplicate': '重复的顺序流',
      'Duplicate outgoing sequence flows': '有重复的流出顺序流',
      'Duplicate incoming sequence flows': '有重复的流入顺序流',
    },
  ],
  'superfluous-gateway': [
    superfluousGateway,
    'warn',
    { 'Gateway is superfluous. It only has one source and target.': '网关多余：只有一个来源和一个去向' },
  ],
  'no-overlapping-elements': [
    noOverlappingElements,
    'warn',
    {
      'Element overlaps with other element': '元素与其他元素重叠',
      'Element is outside of parent boundary': '元素超出了所属容器的边界',
    },
  ],
};

/** Wraps a bpmnlint rule so its reports reach the reporter in Chinese. */
function translated(factory: RuleFactory, words: Record<string, string>): RuleFactory {
  return (config?: RuleConfig) => {
    const rule = factory(config);
    if (config?.lang === 'en') return rule;
    return {
      ...rule,
      check: (node, reporter) =>
        rule.check(node, {
          report: (id, message, path) => reporter.report(id, words[message] ?? message, path),
        }),
    };
  };
}

export interface LintConfig {
  config: { rules: Record<string, [string, RuleConfig]> };
  resolver: {
    resolveRule(pkg: string, name: string): RuleFactory | Promise<RuleFactory>;
    resolveConfig(pkg: string, name: string): never;
  };
}

/**
 * The `linting.bpmnlint` option of the modeler for one language. With `xml`, two more rules carry the server
 * compiler's remaining findings: bpmn-js-bpmnlint makes a new Linter for every run, and a Linter resolves its
 * rules (asynchronously) on every run, so resolving them is where the XML of this run gets compiled, once for both.
 */
export function lintConfig(lang: Lang, xml?: XmlSource): LintConfig {
  const rules: Record<string, [string, RuleConfig]> = {};
  const factories = new Map<string, RuleFactory>();
  for (const [name, [factory, category]] of Object.entries(HUILIU_RULES)) {
    rules[`huiliu/${name}`] = [category, { lang }];
    factories.set(`bpmnlint-plugin-huiliu/${name}`, factory);
  }
  for (const [name, [factory, category, words]] of Object.entries(BUILT_IN)) {
    rules[name] = [category, { lang }];
    factories.set(`bpmnlint/${name}`, translated(factory, words));
  }
  // Both server rules of one run resolve in the same tick and share one compile; the next run compiles afresh.
  let run: Promise<Awaited<ReturnType<typeof compileIssues>>> | undefined;
  const issuesOfThisRun = () => {
    if (!run) {
      const mine = (async () => {
        const source = await xml?.();
        return source ? compileIssues(source).catch(() => []) : [];
      })();
      run = mine;
      setTimeout(() => {
        if (run === mine) run = undefined;
      });
    }
    return run;
  };
  if (xml) {
    rules['huiliu/server-errors'] = ['error', { lang }];
    rules['huiliu/server-warnings'] = ['warn', { lang }];
  }
  return {
    config: { rules },
    resolver: {
      resolveRule(pkg, name) {
        if (pkg === 'bpmnlint-plugin-huiliu' && (name === 'server-errors' || name === 'server-warnings'))
          return issuesOfThisRun().then((issues) =>
            serverRule(issues, name === 'server-errors' ? 'error' : 'warning', lang),
          );
        const f = factories.get(`${pkg}/${name}`);
        if (!f) throw new Error(`unknown lint rule <${pkg}/${name}>`);
        return f;
      },
      resolveConfig(pkg, name) {
        throw new Error(`no lint config <${pkg}/${name}> is bundled`);
      },
    },
  };
}

// JUnit XML for CI test reports: one testcase per check, one <failure> per violation, the check's
// notes as its system-out; and when verify could not run to its end, one more testcase with an
// <error> naming the reason, so that CI never shows a check that did not run as passed.
import type { Check } from './report.js';
import { escapeXml } from './xml.js';

/** `cannotRun`: why verify stopped before its end (unreachable store, interrupted), if it did. */
export function junitXml(suite: string, checks: Check[], cannotRun?: string): string {
  const failures = checks.filter((check) => check.violations.length > 0).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = seconds(checks.reduce((sum, check) => sum + check.durationMs, 0));
  const cases = checks.map((check) => {
    const name = escapeXml(`${check.name}: ${check.description}`);
    const body = [
      ...check.violations.map((v) => `      <failure type="violation" message="${escapeXml(v)}">${escapeXml(v)}</failure>`),
      ...(check.notes.length > 0 ? [`      <system-out>${escapeXml(check.notes.map((n) => `note: ${n}`).join('\n'))}</system-out>`] : []),
    ];
    const open = `    <testcase classname="${escapeXml(suite)}" name="${name}" time="${seconds(check.durationMs)}"`;
    return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
  });
  if (cannotRun !== undefined) {
    const reason = escapeXml(cannotRun);
    cases.push(
      [
        `    <testcase classname="${escapeXml(suite)}" name="verify ran to its end" time="0.000">`,
        `      <error type="cannot-run" message="${reason}">${reason}</error>`,
        '    </testcase>',
      ].join('\n'),
    );
  }
  const tests = cases.length;
  const errors = cannotRun === undefined ? 0 : 1;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="commerce-variants verify" tests="${tests}" failures="${failures}" errors="${errors}" time="${total}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0" time="${total}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

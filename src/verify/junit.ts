// JUnit XML for CI test reports: one testcase per check, one <failure> per violation, the check's
// notes as its system-out.
import type { Check } from './report.js';
import { escapeXml } from './xml.js';

export function junitXml(suite: string, checks: Check[]): string {
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="commerce-variants verify" tests="${checks.length}" failures="${failures}" errors="0" time="${total}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="0" time="${total}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

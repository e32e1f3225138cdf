// Reads jest's --json report and fails unless the end-to-end suites ran and every one of their
// tests passed: a skipped e2e test must not let CI pass silently.
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const e2e = report.testResults.filter(suite => suite.name.includes('/__tests__/e2e/'))
const tests = e2e.flatMap(suite => suite.assertionResults)
const notPassed = tests.filter(test => test.status !== 'passed')
if (e2e.length === 0 || tests.length === 0) {
  console.error('assert-e2e-ran: no end-to-end test ran')
  process.exit(1)
}
if (notPassed.length > 0) {
  for (const test of notPassed) console.error(`assert-e2e-ran: ${test.status}: ${test.fullName}`)
  process.exit(1)
}
console.log(`assert-e2e-ran: ${tests.length} end-to-end tests in ${e2e.length} suites passed`)
// The plain closing line CI reads.
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`)

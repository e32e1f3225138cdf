/**
 * `npm run shape`: figures of the code's shape, read from the TypeScript syntax tree of src/
 * (not from text search), so that a refactoring can say what it changed: the orchestrator's
 * length, the longest functions, and how many copies exist of what should be written once —
 * retry loops, logger interfaces, `x instanceof Error ? …` expressions, digest regexes, `Mode`
 * definitions. Heuristics are named with each figure.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

const ROOT = join(import.meta.dirname, '..')
const SRC = join(ROOT, 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

interface Fn {
  name: string
  file: string
  lines: number
}

const functions: Fn[] = []
const retryLoops: string[] = []
const loggers: string[] = []
const errorCopies: string[] = []
const digestRegexes: string[] = []
const modes: string[] = []

const SLEEPS = /^(sleep|setTimeout|delay|wait)$/

for (const path of files(SRC)) {
  const text = readFileSync(path, 'utf8')
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true)
  const file = relative(ROOT, path)
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1
  const span = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getEnd()).line + 2 - lineOf(node)
  const where = (node: ts.Node) => `${file}:${lineOf(node)}`

  const nameOf = (node: ts.Node): string => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) {
      return node.name.getText()
    }
    const parent = node.parent
    if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText()
    if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText()
    return '(anonymous)'
  }
  /** A loop that waits between its rounds: a retry loop. */
  const waits = (node: ts.Node): boolean => {
    let found = false
    const visit = (n: ts.Node) => {
      if (found) return
      if (ts.isCallExpression(n)) {
        const callee = n.expression
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : ''
        if (SLEEPS.test(name)) found = true
      }
      ts.forEachChild(n, visit)
    }
    visit(node)
    return found
  }
  const members = (node: ts.InterfaceDeclaration | ts.TypeLiteralNode) =>
    new Set(node.members.map(m => m.name?.getText() ?? ''))

  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node)
    ) {
      if (node.body) functions.push({ name: nameOf(node), file: where(node), lines: span(node) })
    }
    if (
      (ts.isForStatement(node) ||
        ts.isWhileStatement(node) ||
        ts.isDoStatement(node) ||
        ts.isForOfStatement(node)) &&
      waits(node.statement)
    ) {
      retryLoops.push(where(node))
    }
    if (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)) {
      const m = members(node)
      if (m.has('info') && (m.has('warning') || m.has('debug'))) {
        loggers.push(`${ts.isInterfaceDeclaration(node) ? node.name.text : '{…}'} ${where(node)}`)
      }
    }
    if (
      ts.isConditionalExpression(node) &&
      ts.isBinaryExpression(node.condition) &&
      node.condition.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword &&
      node.condition.right.getText() === 'Error'
    ) {
      errorCopies.push(where(node))
    }
    if (ts.isRegularExpressionLiteral(node) && /sha256|\{64\}/.test(node.text)) {
      digestRegexes.push(`${where(node)} ${node.text.slice(0, 60)}`)
    }
    if (ts.isTypeAliasDeclaration(node) && node.name.text === 'Mode') modes.push(where(node))
    ts.forEachChild(node, visit)
  }
  visit(source)
}

const pipeline = functions.find(f => f.name === 'pipeline' && f.file.startsWith('src/pipeline.ts'))
const longest = [...functions].sort((a, b) => b.lines - a.lines).slice(0, 5)
const line = (label: string, value: string | number) =>
  process.stdout.write(`${label.padEnd(34)} ${value}\n`)

line('orchestrator (pipeline) lines', pipeline ? pipeline.lines : '(not found)')
line('longest functions', '')
for (const f of longest) line(`  ${f.name}`, `${f.lines} lines  ${f.file}`)
line('retry loops (a loop that sleeps)', retryLoops.length)
for (const r of retryLoops) line('', r)
line('logger interfaces (info + warning|debug)', loggers.length)
for (const l of loggers) line('', l)
line('`instanceof Error ?` copies', errorCopies.length)
line('digest regexes (sha256 / {64})', digestRegexes.length)
for (const d of digestRegexes) line('', d)
line('`Mode` type definitions', modes.length)
for (const m of modes) line('', m)

import type { RunContext } from '../context.js'
import { InputError } from '../errors.js'
import type { Mode } from '../inputs/config.js'

/**
 * What this run may do, decided from the event alone: push, sign, upload SARIF. Each decision
 * carries a reason written for the job summary.
 */

export type { Mode } from '../inputs/config.js'

export interface DecisionInput {
  push: Mode
  sign: Mode
  uploadSarif: Mode
  /** `cosign-key` is set. */
  cosignKey: boolean
  /** fan-out: a platform job signs nothing (the merge job signs the merged index). */
  fanOut?: 'off' | 'platform' | 'merge'
  /** signer: notation, and how its key was given (a file, or a plugin's). */
  notation?: 'key file' | 'plugin'
  /** The scan runs (no scan, no SARIF). Default true. */
  scan?: boolean
  /** `transparency-log`. Default auto. */
  transparencyLog?: Mode
  /** `sigstore-signing-config` is set: the organisation's own Sigstore, not the public one. */
  ownSigstore?: boolean
}

export interface Decisions {
  push: boolean
  pushReason: string
  sign: 'keyless' | 'key' | 'notation' | 'off'
  signReason: string
  /** Record the signature in the transparency log (Rekor). */
  tlog: boolean
  upload: boolean
  uploadReason: string
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']

/**
 * A pull request whose head lives in another repository. `head.repo` is null when the fork was
 * deleted. Such runs get a read-only token and no OIDC token on `pull_request`.
 */
export function isForkPullRequest(ctx: RunContext): boolean {
  if (!PULL_REQUEST_EVENTS.includes(ctx.eventName)) return false
  const head = ctx.payload.pull_request?.head?.repo as { full_name?: string } | null | undefined
  if (!head) return true
  return head.full_name !== ctx.payload.repository?.full_name
}

function decidePush(mode: Mode, ctx: RunContext): Pick<Decisions, 'push' | 'pushReason'> {
  if (mode === 'true')
    return { push: true, pushReason: 'The image is pushed because push is true.' }
  if (mode === 'false')
    return { push: false, pushReason: 'The image is not pushed because push is false.' }
  if (PULL_REQUEST_EVENTS.includes(ctx.eventName)) {
    return {
      push: false,
      pushReason: `The image is built and scanned but not pushed, because this is a ${ctx.eventName} event and push is auto. Set push to true to publish pull request images.`
    }
  }
  return {
    push: true,
    pushReason: `The image is pushed because push is auto and this is a ${ctx.eventName} event (only pull_request and pull_request_target events are not pushed).`
  }
}

const NO_OIDC = (ctx: RunContext) =>
  isForkPullRequest(ctx) && ctx.eventName === 'pull_request'
    ? 'the runner offers no OIDC token, which GitHub never gives to pull requests from forks'
    : 'the runner offers no OIDC token (the job lacks `permissions: id-token: write`)'

/** The repository is not public (its payload says private, or a visibility other than public). */
export function isPrivateRepository(ctx: RunContext): boolean {
  const repo = ctx.payload.repository as { private?: boolean; visibility?: string } | undefined
  return repo?.private === true || (repo?.visibility ?? 'public') !== 'public'
}

/**
 * sign=auto signs what is pushed: with the key when one is given, else keyless when the runner
 * can mint an OIDC token. When the run pushes and can do neither, it fails here, before the
 * build, naming what would make it sign (docs/design.md: an image is never published unsigned unless the
 * user said sign: false). The one exception is a pull request from a fork under sign=auto:
 * GitHub gives it neither an OIDC token nor secrets, so signing is skipped with a warning, as the
 * SARIF upload is (invariant 8); sign=true fails there too. When nothing is pushed there is
 * nothing to sign (signatures are attached by digest in the registry), so no mode fails then.
 *
 * The transparency log is public: a keyless entry there names the repository and its workflow.
 * A private repository therefore signs keyless on the public-good Sigstore only when the user
 * says so (transparency-log: true); with its own Sigstore (sigstore-signing-config) it may.
 * Key-based signatures skip the log for private repositories unless transparency-log is true.
 */
function decideSign(
  input: DecisionInput,
  push: boolean,
  ctx: RunContext
): Pick<Decisions, 'sign' | 'signReason' | 'tlog'> {
  const mode = input.sign
  const log = input.transparencyLog ?? 'auto'
  const off = (signReason: string) => ({ sign: 'off' as const, signReason, tlog: false })
  if (mode === 'false') {
    return off('The image is pushed unsigned because sign is false.')
  }
  if (!push) {
    return off(
      'The image is not signed because it is not pushed: signatures are attached by digest in the registry.'
    )
  }
  if (input.fanOut === 'platform') {
    return off(
      'This platform job pushes its platform by digest only: the merge job signs the merged index, then tags it.'
    )
  }
  if (input.notation) {
    // No transparency log, no OIDC: the key (or the plugin's service) is the trust anchor.
    return {
      sign: 'notation',
      signReason: `The image is signed with Notation, with the ${input.notation === 'plugin' ? 'key notation-plugin holds' : 'key in notation-key'}.`,
      tlog: false
    }
  }
  const isPrivate = isPrivateRepository(ctx)
  if (input.cosignKey) {
    // An organisation's own Sigstore logs to its own Rekor: nothing becomes public.
    const tlog = log === 'true' || (log === 'auto' && (!isPrivate || input.ownSigstore === true))
    return {
      sign: 'key',
      signReason: `The image is signed with the key given in cosign-key${tlog ? '' : ', without a transparency log entry'}.`,
      tlog
    }
  }
  /** `why` keyless is impossible; `fix`, what the user can change besides sign: false. */
  const refuse = (why: string, fix: string, input = 'sign') => {
    if (mode === 'auto' && isForkPullRequest(ctx)) {
      return off(
        `The image is pushed unsigned: this pull request comes from a fork, and ${why}. Set sign to true to make such a run fail instead.`
      )
    }
    // Named after the input the user set when one of theirs is what stands in the way.
    const problem =
      input === 'sign'
        ? `"${mode}" cannot sign the image this ${ctx.eventName || 'workflow'} run would publish: cosign-key is not set and ${why}`
        : `"${log}" leaves no way to sign the image this ${ctx.eventName || 'workflow'} run would publish: cosign-key is not set and ${why}`
    throw new InputError(input, problem, `${fix}, or sign: false to publish unsigned`)
  }
  if (!ctx.idTokenAvailable) {
    return refuse(
      NO_OIDC(ctx),
      '`permissions: id-token: write` on the job (keyless signing), a cosign-key'
    )
  }
  if (log === 'false' && !input.ownSigstore) {
    return refuse(
      'keyless signing on the public Sigstore needs its transparency log, which transparency-log: false turns off',
      'a cosign-key, sigstore-signing-config for your own Sigstore, transparency-log: auto',
      'transparency-log'
    )
  }
  if (isPrivate && log !== 'true' && !input.ownSigstore) {
    return refuse(
      'the repository is private: keyless signing would publish its name and workflow in the public transparency log (Rekor)',
      "transparency-log: true to accept that, sigstore-signing-config for your organisation's own Sigstore, a cosign-key"
    )
  }
  return {
    sign: 'keyless',
    signReason:
      "The image is signed keyless, with a Sigstore certificate issued for this workflow's OIDC identity.",
    tlog: true
  }
}

/**
 * upload-sarif=auto uploads unless the run is a pull request from a fork: on `pull_request` the
 * token is read-only (no `security-events: write`, whatever the workflow asks), and on
 * `pull_request_target` the results would be filed under the base branch's ref although they
 * describe the fork's change.
 */
function decideUpload(
  mode: Mode,
  scan: boolean,
  ctx: RunContext
): Pick<Decisions, 'upload' | 'uploadReason'> {
  if (!scan) {
    return { upload: false, uploadReason: 'No SARIF report to upload: scan is false.' }
  }
  if (mode === 'false')
    return {
      upload: false,
      uploadReason: 'The SARIF report is not uploaded because upload-sarif is false.'
    }
  if (mode === 'true') {
    return {
      upload: true,
      uploadReason: 'The SARIF report is uploaded to code scanning because upload-sarif is true.'
    }
  }
  if (isForkPullRequest(ctx) && ctx.eventName === 'pull_request') {
    return {
      upload: false,
      uploadReason:
        'The SARIF report is not uploaded: this pull request comes from a fork, and GitHub gives such runs a read-only token that cannot be granted `security-events: write`. The scan still gates the run and the SARIF file is kept; to publish it, upload it from a workflow_run workflow that has `permissions: security-events: write`.'
    }
  }
  if (isForkPullRequest(ctx)) {
    return {
      upload: false,
      uploadReason: `The SARIF report is not uploaded: this ${ctx.eventName} run is for a pull request from a fork, and its results would be filed under the base branch. Set upload-sarif to true to upload anyway.`
    }
  }
  return {
    upload: true,
    uploadReason:
      'The SARIF report is uploaded to code scanning (the job needs `permissions: security-events: write`).'
  }
}

export function decide(input: DecisionInput, ctx: RunContext): Decisions {
  const push = decidePush(input.push, ctx)
  return {
    ...push,
    ...decideSign(input, push.push, ctx),
    ...decideUpload(input.uploadSarif, input.scan ?? true, ctx)
  }
}

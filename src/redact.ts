/**
 * The one redaction of credentials in text we print (invariant 4, docs/design.md): every log line, error
 * and job summary goes through it (log.ts, boundary.ts, summary/summary.ts), so a URL given with
 * its user-info (`tools-mirror: https://user:token@mirror`, a Git `context`), an auth header a
 * tool echoed, or a token parameter never reaches the log in clear. Values the action knows to
 * be secret are also masked with the runner (`::add-mask::`); this catches the ones it cannot
 * know in advance, in whatever text they turn up.
 */
export function redact(text: string): string {
  return (
    text
      .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/g, '$1 ***')
      // scheme://user:password@host and scheme://token@host alike
      .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@')
      .replace(/("(?:auth|password|identitytoken|registrytoken)"\s*:\s*)"[^"]*"/gi, '$1"***"')
      .replace(/([?&](?:access_token|token|password|refresh_token|sig)=)[^&\s"]+/gi, '$1***')
  )
}

/**
 * The secret of a URL's user-info, to mask with the runner: the password of `user:password@`,
 * or the user part alone when it is the token (`https://TOKEN@host`). Both as written and
 * decoded, since either may be printed.
 */
export function urlCredentials(value: string): string[] {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return []
  }
  const secret = url.password || url.username
  if (!secret) return []
  let decoded = secret
  try {
    decoded = decodeURIComponent(secret)
  } catch {
    decoded = secret
  }
  return [...new Set([secret, decoded])]
}

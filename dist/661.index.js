export const id = 661;
export const ids = [661];
export const modules = {

/***/ 3529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ forLog)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6670);

/**
 * How a plain line of ours is made safe to print (SPEC invariant 13), apart from the logger so
 * that the post step, which does not load @actions/core, prints through it too.
 *
 * A line the runner would otherwise split or read as a command, made inert and visible:
 *   - CR (the runner splits lines on a lone CR too) and every other control character except
 *     LF and tab become `\r`, `\x1b`, `\u2028`…;
 *   - a line starting with `::` (after blanks: the runner trims them) gets a `\` before it;
 *   - `##[` anywhere, the runner's older command prefix, becomes `##\[`;
 *   - credentials are redacted (redact.ts).
 */
function forLog(text) {
    return ((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(text)
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        .replace(/[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/g, escapeControl)
        .split('\n')
        .map(line => line.replace(/^(\s*)::/, '$1\\::').replace(/##\[/g, '##\\['))
        .join('\n'));
}
function escapeControl(char) {
    const code = char.charCodeAt(0);
    if (char === '\r')
        return '\\r';
    if (code <= 0xff)
        return `\\x${code.toString(16).padStart(2, '0')}`;
    return `\\u${code.toString(16).padStart(4, '0')}`;
}


/***/ }),

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3529);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2462);



// The post step's whole interface with the runner is reading STATE_* (what core.getState
// does) and printing lines; @actions/core is loaded only to print a warning, the rare path.
const runnerIo = {
    state: name => process.env[`STATE_${name}`] ?? '',
    info: message => void process.stdout.write(`${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .I)(message)}\n`),
    warning: async (message) => (await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(838)]).then(__webpack_require__.bind(__webpack_require__, 3838))).warning(message)
};
/**
 * The post step: runs after the job's steps, also when main failed or was cancelled. Each
 * cleanup is independent: one failing does not stop the others, and none fails the job.
 */
async function post(io = runnerIo) {
    const builder = io.state(_state_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE */ .c.builder);
    if (builder) {
        // Loaded only by runs that created a builder (docker and @actions/exec).
        const { removeBuilder } = await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(88), __webpack_require__.e(212), __webpack_require__.e(680)]).then(__webpack_require__.bind(__webpack_require__, 4212));
        const { removed, message } = await removeBuilder(builder);
        if (removed)
            io.info(message);
        else
            await io.warning(message);
    }
    const workDir = io.state(_state_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE */ .c.workDir);
    if (!workDir) {
        io.info('Nothing to clean up: the main step stopped before creating its working directory.');
        return;
    }
    // The working directory may hold registry credentials (docker config) and image layouts.
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(workDir, { recursive: true, force: true });
        io.info(`Removed ${workDir}`);
    }
    catch (error) {
        await io.warning(`Could not remove ${workDir} (it may hold registry credentials): ${error instanceof Error ? error.message : String(error)}`);
    }
}


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact),
/* harmony export */   O: () => (/* binding */ urlCredentials)
/* harmony export */ });
/**
 * The one redaction of credentials in text we print (SPEC invariant 4): every log line, error
 * and job summary goes through it (log.ts, boundary.ts, report/summary.ts), so a URL given with
 * its user-info (`tools-mirror: https://user:token@mirror`, a Git `context`), an auth header a
 * tool echoed, or a token parameter never reaches the log in clear. Values the action knows to
 * be secret are also masked with the runner (`::add-mask::`); this catches the ones it cannot
 * know in advance, in whatever text they turn up.
 */
function redact(text) {
    return (text
        .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/g, '$1 ***')
        // scheme://user:password@host and scheme://token@host alike
        .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@')
        .replace(/("(?:auth|password|identitytoken|registrytoken)"\s*:\s*)"[^"]*"/gi, '$1"***"')
        .replace(/([?&](?:access_token|token|password|refresh_token|sig)=)[^&\s"]+/gi, '$1***'));
}
/**
 * The secret of a URL's user-info, to mask with the runner: the password of `user:password@`,
 * or the user part alone when it is the token (`https://TOKEN@host`). Both as written and
 * decoded, since either may be printed.
 */
function urlCredentials(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return [];
    }
    const secret = url.password || url.username;
    if (!secret)
        return [];
    let decoded = secret;
    try {
        decoded = decodeURIComponent(secret);
    }
    catch {
        decoded = secret;
    }
    return [...new Set([secret, decoded])];
}


/***/ })

};

//# sourceMappingURL=661.index.js.map
export const id = 625;
export const ids = [625];
export const modules = {

/***/ 25625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   log: () => (/* binding */ log)
/* harmony export */ });
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16137);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73529);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76670);



const log = {
    info: message => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.info((0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .I)(message)),
    // An annotation's properties (file, line, title) are escaped as command properties
    // (workflow-commands.ts); the title may quote a finding, so it is redacted as the message is.
    warning: (message, properties) => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.warning((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(message), annotation(properties)),
    notice: (message, properties) => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.notice((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(message), annotation(properties)),
    error: (message, properties) => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.error((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(message), annotation(properties)),
    debug: message => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.debug((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(message)),
    group: (name, work) => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.group((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(name), work),
    startGroup: name => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.startGroup((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(name)),
    endGroup: () => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.endGroup()
};
function annotation(properties) {
    if (!properties)
        return {};
    return properties.title === undefined
        ? properties
        : { ...properties, title: (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(properties.title) };
}


/***/ }),

/***/ 16137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   appendSummary: () => (/* binding */ appendSummary),
/* harmony export */   debug: () => (/* binding */ debug),
/* harmony export */   endGroup: () => (/* binding */ endGroup),
/* harmony export */   error: () => (/* binding */ error),
/* harmony export */   getInput: () => (/* binding */ getInput),
/* harmony export */   getState: () => (/* binding */ getState),
/* harmony export */   group: () => (/* binding */ group),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   notice: () => (/* binding */ notice),
/* harmony export */   saveState: () => (/* binding */ saveState),
/* harmony export */   setFailed: () => (/* binding */ setFailed),
/* harmony export */   setOutput: () => (/* binding */ setOutput),
/* harmony export */   setSecret: () => (/* binding */ setSecret),
/* harmony export */   startGroup: () => (/* binding */ startGroup),
/* harmony export */   warning: () => (/* binding */ warning)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The runner's protocol as @actions/core 3 speaks it, for the part of it this action uses:
 * inputs and state from the environment, workflow commands on stdout, the file commands
 * (GITHUB_OUTPUT, GITHUB_STATE) and the job summary file. Byte for byte what @actions/core
 * writes; __tests__/unit/workflow-commands.test.ts holds it to the library's own output.
 *
 * Why not @actions/core itself: its one entry point imports its OIDC client statically, and
 * with it @actions/http-client and undici, ~1 MB that node parses before the first line of the
 * main step runs (~50 ms, measured by `npm run bench:pipeline`, issue 19), on every run and on
 * the critical path before the build starts. None of that is needed to read inputs or write
 * commands; the libraries that need HTTP load it in later chunks, while the build runs.
 */



/** An input as the runner hands it in (`INPUT_<NAME>`), trimmed, as core.getInput does. */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** What the main step saved for the post step (`STATE_<name>`). */
function getState(name, env = process.env) {
    return env[`STATE_${name}`] || '';
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function error(message, properties = {}) {
    issueCommand('error', commandProperties(properties), message);
}
function warning(message, properties = {}) {
    issueCommand('warning', commandProperties(properties), message);
}
function notice(message, properties = {}) {
    issueCommand('notice', commandProperties(properties), message);
}
function startGroup(name) {
    issueCommand('group', {}, name);
}
function endGroup() {
    issueCommand('endgroup', {}, '');
}
async function group(name, work) {
    startGroup(name);
    try {
        return await work();
    }
    finally {
        endGroup();
    }
}
/** Asks the runner to mask a value in every later line of the log. */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/** One `::error::` line and exit code 1 once the step ends. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
function setOutput(name, value) {
    keyValue('OUTPUT', 'set-output', name, value);
}
function saveState(name, value) {
    keyValue('STATE', 'save-state', name, value);
}
/** Appends to the job summary file, with @actions/core's errors when there is none to write. */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile)(file, markdown, { encoding: 'utf8' });
}
/**
 * `name<<delimiter` blocks in the runner's file (GITHUB_OUTPUT, GITHUB_STATE); the older
 * stdout command where a runner has no such file. The delimiter is random per value, so a
 * value cannot end its own block and start another.
 */
function keyValue(file, command, name, value) {
    const path = process.env[`GITHUB_${file}`] || '';
    if (!path) {
        if (file === 'OUTPUT')
            process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
        return issueCommand(command, { name }, value);
    }
    // The global Web Crypto, not node:crypto: that module's load would cost every post step ~5 ms.
    const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`;
    if (name.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (value.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, {
        encoding: 'utf8'
    });
}
/** Annotation properties under the names the runner reads (line, col, not startLine, …). */
function commandProperties(p) {
    if (!Object.keys(p).length)
        return {};
    return {
        title: p.title,
        file: p.file,
        line: p.startLine,
        endLine: p.endLine,
        col: p.startColumn,
        endColumn: p.endColumn
    };
}
/** `::command key=value,…::message`, escaped so that the data cannot end the command early. */
function issueCommand(command, properties, message) {
    let text = `::${command}`;
    const set = Object.entries(properties).filter(([, value]) => value);
    if (Object.keys(properties).length) {
        text += ` ${set.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}`;
    }
    process.stdout.write(`${text}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ })

};

//# sourceMappingURL=625.index.js.map
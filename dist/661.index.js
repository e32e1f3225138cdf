export const id = 661;
export const ids = [661];
export const modules = {

/***/ 86661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73529);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2462);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);





// The post step's whole interface with the runner: reading STATE_* (what getState does) and
// printing lines. The logger is loaded only to print a warning, the rare path: every module
// the post step loads is time every job takes.
const runnerIo = {
    state: name => process.env[`STATE_${name}`] ?? '',
    info: message => void process.stdout.write(`${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .I)(message)}\n`),
    warning: async (message) => (await __webpack_require__.e(/* import() */ 625).then(__webpack_require__.bind(__webpack_require__, 25625))).log.warning(message)
};
/**
 * The post step: runs after the job's steps, also when main failed or was cancelled. Each
 * cleanup is independent: one failing does not stop the others, and none fails the job.
 */
async function post(io = runnerIo) {
    const builder = io.state(_state_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE */ .c.builder);
    if (builder) {
        // Loaded only by runs that created a builder (docker and @actions/exec).
        const { removeBuilder } = await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(88), __webpack_require__.e(212)]).then(__webpack_require__.bind(__webpack_require__, 34212));
        const { removed, message } = await removeBuilder(builder);
        if (removed)
            io.info(message);
        else
            await io.warning(message);
    }
    const workDir = io.state(_state_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE */ .c.workDir);
    if (!workDir) {
        io.info('Nothing to clean up: the main step stopped before creating its working directory.');
        return;
    }
    // The working directory may hold registry credentials (docker config) and image layouts.
    // Every login of the run is in its docker config's file store (registry/login.ts): removing
    // the file is what `docker logout` does for each, without starting docker once per registry.
    const registries = loggedIn(workDir);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(workDir, { recursive: true, force: true });
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(workDir))
            throw new Error('it is still there');
        if (registries.length)
            io.info(`Logged out of ${registries.join(', ')}: their credentials are removed`);
        io.info(`Removed ${workDir}`);
    }
    catch (error) {
        await io.warning(`Could not remove ${workDir} (it may hold registry credentials): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`);
    }
}
/** The registries our docker config holds credentials for (none when it cannot be read). */
function loggedIn(workDir) {
    try {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, 'docker-config', 'config.json');
        const config = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        return Object.entries(config.auths ?? {})
            .filter(([, entry]) => entry.auth)
            .map(([key]) => (key === 'https://index.docker.io/v1/' ? 'docker.io' : key));
    }
    catch {
        return [];
    }
}


/***/ })

};

//# sourceMappingURL=661.index.js.map
export const id = 661;
export const ids = [661];
export const modules = {

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3529);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2462);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);




// The post step's whole interface with the runner is reading STATE_* (what core.getState
// does) and printing lines; @actions/core is loaded only to print a warning, the rare path.
const runnerIo = {
    state: name => process.env[`STATE_${name}`] ?? '',
    info: message => void process.stdout.write(`${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .I)(message)}\n`),
    warning: async (message) => (await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(838)]).then(__webpack_require__.bind(__webpack_require__, 3838))).warning(message)
};
/**
 * The post step: runs after the job's steps, also when main failed or was cancelled. Each
 * cleanup is independent: one failing does not stop the others, and none fails the job.
 */
async function post(io = runnerIo) {
    const builder = io.state(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.builder);
    if (builder) {
        // Loaded only by runs that created a builder (docker and @actions/exec).
        const { removeBuilder } = await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(88), __webpack_require__.e(212)]).then(__webpack_require__.bind(__webpack_require__, 4212));
        const { removed, message } = await removeBuilder(builder);
        if (removed)
            io.info(message);
        else
            await io.warning(message);
    }
    const workDir = io.state(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.workDir);
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
        await io.warning(`Could not remove ${workDir} (it may hold registry credentials): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
    }
}


/***/ })

};

//# sourceMappingURL=661.index.js.map
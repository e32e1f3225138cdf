export const id = 661;
export const ids = [661];
export const modules = {

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2462);
/* harmony import */ var _tools_buildx_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4094);




/**
 * The post step: runs after the job's steps, also when main failed or was cancelled. Each
 * cleanup is independent: one failing does not stop the others, and none fails the job.
 */
async function post() {
    const builder = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.builder);
    if (builder) {
        const { message } = await (0,_tools_buildx_js__WEBPACK_IMPORTED_MODULE_3__/* .removeBuilder */ .iq)(builder);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(message);
    }
    const workDir = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.workDir);
    if (!workDir) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info('Nothing to clean up: the main step stopped before creating its working directory.');
        return;
    }
    // The working directory may hold registry credentials (docker config) and image archives.
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(workDir, { recursive: true, force: true });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Removed ${workDir}`);
}


/***/ })

};

//# sourceMappingURL=661.index.js.map
export const id = 722;
export const ids = [722];
export const modules = {

/***/ 2722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildWhileToolsAreChecked: () => (/* binding */ buildWhileToolsAreChecked)
/* harmony export */ });
/* unused harmony export changesMade */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _push_failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9953);
/**
 * The build does not wait for the build tools check. Checking buildx, the builder and QEMU
 * takes three docker processes (~0.3 s, longer than many cached builds take to start), and
 * when they find nothing to change, which is nearly always, waiting for them bought nothing.
 * So the build starts at once on the current builder, and the check runs alongside:
 *
 * - the build succeeds: it is the result, whatever the check says (a check that failed, or
 *   that installed QEMU the build turned out not to need, changes nothing about the image);
 * - the build fails and the check changed something (created a builder that can export a
 *   multi-platform image, installed QEMU): the build runs again, once, on what it set up;
 * - the build fails and the check says why (no buildx, too old, QEMU impossible): that
 *   explanation is the error, not buildx's "unknown flag";
 * - otherwise the build's own error stands.
 *
 * Nothing unsafe can come of the early start: a builder that cannot export the image, or a
 * foreign platform without QEMU, makes buildx fail before it pushes anything; it never builds
 * a wrong image. A failure while pushing (BuildxPushError) is not the tools' doing and is
 * passed on as it is.
 */


/** What the check changed that a failed build may have lacked; undefined when nothing. */
function changesMade(readiness) {
    const changes = [];
    if (readiness.builder.createdByUs)
        changes.push(`created builder ${readiness.builder.name}`);
    if (readiness.qemu.installed.length)
        changes.push(`installed QEMU for ${readiness.qemu.installed.join(', ')}`);
    return changes.length ? changes.join(' and ') : undefined;
}
const messageOf = (error) => (error instanceof Error ? error.message : String(error));
async function buildWhileToolsAreChecked(readiness, 
/** One build; `builder` is set when the check created one (pass it as --builder). */
attempt, log) {
    const checked = readiness.then(value => ({ ok: true, value }), (error) => ({ ok: false, error }));
    let first;
    try {
        first = await attempt();
    }
    catch (buildError) {
        if (buildError instanceof _push_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .BuildxPushError */ .B)
            throw buildError;
        const check = await checked;
        if (!check.ok) {
            throw check.error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 ? check.error : buildError;
        }
        const changed = changesMade(check.value);
        if (!changed)
            throw buildError;
        const rebuilt = `the first build failed (${messageOf(buildError)}); the build tools check ${changed}`;
        log.info(`Building again: ${rebuilt}.`);
        const builder = check.value.builder.createdByUs ? check.value.builder.name : undefined;
        return { result: await attempt(builder), readiness: check.value, rebuilt };
    }
    const check = await checked;
    return {
        result: first,
        readiness: check.ok ? check.value : `not checked (${messageOf(check.error)})`
    };
}


/***/ })

};

//# sourceMappingURL=722.index.js.map
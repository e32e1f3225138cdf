export const id = 916;
export const ids = [916];
export const modules = {

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qp: () => (/* binding */ ValueError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/**
 * Errors the user can fix by changing the workflow are told apart from tool failures, as
 * codeql-action does: a ConfigurationError is printed as one line, without a stack.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/**
 * A bad input value. The message names the input, what is wrong, and the accepted form, in
 * one line, so that the `::error::` annotation is actionable on its own.
 */
class InputError extends ConfigurationError {
    input;
    problem;
    accepted;
    name = 'InputError';
    constructor(input, problem, accepted) {
        super(`Input "${input}": ${problem}. Expected ${accepted}.`);
        this.input = input;
        this.problem = problem;
        this.accepted = accepted;
    }
}
/**
 * Thrown by pure parsers that do not know which input they were given; the inputs module
 * turns it into an InputError naming the input.
 */
class ValueError extends Error {
    problem;
    accepted;
    name = 'ValueError';
    constructor(problem, accepted) {
        super(`${problem}. Expected ${accepted}`);
        this.problem = problem;
        this.accepted = accepted;
    }
}


/***/ })

};

//# sourceMappingURL=916.index.js.map
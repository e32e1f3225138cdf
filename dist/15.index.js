export const id = 15;
export const ids = [15,625];
export const modules = {

/***/ 40788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MY: () => (/* binding */ parseGoBool),
/* harmony export */   Rx: () => (/* binding */ knownGitContext),
/* harmony export */   X2: () => (/* binding */ DEFAULT_SHORT_SHA_LENGTH),
/* harmony export */   yI: () => (/* binding */ readContext)
/* harmony export */ });
/* unused harmony exports readMetadataSettings, defaultGitContext */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/** metadata-action's short SHA length. */
const DEFAULT_SHORT_SHA_LENGTH = 7;
/**
 * Reads the DOCKER_METADATA_* variables a workflow sets for metadata-action. metadata-action
 * takes any value containing "true" as true and any number (0, -1, 1.5) as a length, and checks
 * the length only when a short SHA is rendered; here a value that is neither is refused at once.
 */
function readMetadataSettings(env) {
    const refuse = (name, value, problem, accepted) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Environment variable ${name}: "${value}" ${problem}. Expected ${accepted}.`);
    const headSha = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').trim();
    if (headSha !== '' && !/^(true|false)$/i.test(headSha)) {
        throw refuse('DOCKER_METADATA_PR_HEAD_SHA', headSha, 'is not a boolean', 'true or false (unset: false)');
    }
    const length = (env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '').trim();
    if (length !== '' && !(/^\d+$/.test(length) && Number(length) >= 1)) {
        throw refuse('DOCKER_METADATA_SHORT_SHA_LENGTH', length, 'is not a length', `a whole number of characters, at least 1, e.g. 12 (unset: ${DEFAULT_SHORT_SHA_LENGTH}; a length beyond the SHA gives the whole SHA)`);
    }
    return {
        prHeadSha: /^true$/i.test(headSha),
        shortShaLength: length === '' ? DEFAULT_SHORT_SHA_LENGTH : Number(length)
    };
}
function readContext(env = process.env, now = new Date()) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    let payload = {};
    const eventPath = env.GITHUB_EVENT_PATH;
    if (eventPath) {
        try {
            payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(eventPath, 'utf8'));
        }
        catch (error) {
            throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH=${eventPath}`, {
                cause: error
            });
        }
    }
    const metadata = readMetadataSettings(env);
    const defaultBranch = payload.repository?.default_branch;
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        repository: { owner, repo },
        actor: env.GITHUB_ACTOR ?? '',
        runId: env.GITHUB_RUN_ID ?? '',
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
        workflowRef: env.GITHUB_WORKFLOW_REF ?? '',
        payload,
        idTokenAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
        now,
        ...(typeof defaultBranch === 'string' && defaultBranch ? { defaultBranch } : {}),
        ...(noDefaultAttestations(env) ? { noDefaultAttestations: true } : {}),
        // actions-toolkit reads it with parseBoolOrDefault: a value it cannot read is false.
        ...(parseGoBool(env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF ?? '')
            ? { gitContextPrHead: true }
            : {}),
        metadata
    };
}
/**
 * build-push-action's default context, `{{defaultContext}}`: this repository's Git URL at the
 * run's commit, `<server>/<owner>/<repo>.git#<sha>` (docker/actions-toolkit Build.gitContext,
 * src/buildx/build.ts at 3d440be, in its fragment form). Pinned to GITHUB_SHA, or to the pull
 * request's head commit when DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF asks for it. The query form
 * (`?ref=`), which the toolkit sends only under BUILDX_SEND_GIT_QUERY_AS_INPUT with buildx 0.29
 * or later, names the same commit and is not used.
 */
function defaultGitContext(ctx) {
    let ref = ctx.ref;
    if (!ref.startsWith('refs/'))
        ref = `refs/heads/${ref}`;
    else if (ref.startsWith('refs/pull/') && ctx.gitContextPrHead)
        ref = ref.replace(/\/merge$/, '/head');
    let pinned = ctx.sha || ref;
    if (ref.startsWith('refs/pull/') && ref.endsWith('/head')) {
        const head = ctx.payload.pull_request?.head?.sha;
        pinned = typeof head === 'string' ? head : ref;
    }
    const { owner, repo } = ctx.repository;
    return `${ctx.serverUrl}/${owner}/${repo}.git#${pinned}`;
}
/** `{{defaultContext}}` when the run names its repository and commit; undefined otherwise. */
function knownGitContext(ctx) {
    const { owner, repo } = ctx.repository;
    return owner && repo && ctx.sha ? defaultGitContext(ctx) : undefined;
}
/**
 * BUILDX_NO_DEFAULT_ATTESTATIONS as buildx reads it (strconv.ParseBool; a value it cannot read
 * fails its build, so it fails here, before anything starts).
 */
function noDefaultAttestations(env) {
    const value = env.BUILDX_NO_DEFAULT_ATTESTATIONS;
    if (value === undefined)
        return false;
    const on = parseGoBool(value);
    if (on === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`BUILDX_NO_DEFAULT_ATTESTATIONS="${value}" is not a boolean as buildx reads it (1, t, true, TRUE, 0, f, false, FALSE…): buildx would refuse to build with it.`);
    }
    return on;
}
/** Go's strconv.ParseBool, which buildx reads its boolean attributes and variables with. */
function parseGoBool(value) {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value))
        return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value))
        return false;
    return undefined;
}


/***/ }),

/***/ 12187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   H2: () => (/* binding */ checkDigest),
/* harmony export */   WA: () => (/* binding */ DIGEST_PATTERN),
/* harmony export */   Y5: () => (/* binding */ SHA256_HEX),
/* harmony export */   m: () => (/* binding */ parseDigest)
/* harmony export */ });
/**
 * Content digests, written once. An image's identity is its sha256 digest (invariant 1, docs/design.md:
 * the digest scanned is the one pushed, signed and tagged); it enters the run in one place (the
 * OCI layout's index, or buildx's metadata when buildx pushed) and is parsed there into a
 * `Digest`, which the later stages take instead of a plain string. Their argv builders check it
 * again (`checkDigest`): a value that reaches a command line is checked where it is used.
 */
/** The one pattern of a digest; `.source` composes it into references (sign/args.ts). */
const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
/** A SHA-256 of a file, as release checksums and tools-manifest write it: 64 lower-case hex. */
const SHA256_HEX = /^[a-f0-9]{64}$/;
function isDigest(value) {
    return typeof value === 'string' && DIGEST_PATTERN.test(value);
}
/** The digest, or an Error naming `what` held something else. */
function parseDigest(value, what) {
    if (!isDigest(value)) {
        throw new Error(`${what} is not a sha256 digest: ${JSON.stringify(value)}`);
    }
    return value;
}
/** For argv builders: the same check, with the message they always gave. */
function checkDigest(value, what = 'an image digest') {
    if (!isDigest(value))
        throw new Error(`not ${what}: "${value}" (sha256:<64 hex>)`);
    return value;
}


/***/ }),

/***/ 28859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ ADVICE_RULES),
/* harmony export */   U: () => (/* binding */ ADVICE_RULE_IDS)
/* harmony export */ });
/**
 * The Dockerfile advice rules, by ID: what each one says and how to fix it. The README's rule
 * table comes from this list; `dockerfile-advice-ignore` names IDs from it (an unknown one is
 * refused); src/policy/advice.ts implements each. Advice is a warning on the line, never a
 * failure.
 */
const ADVICE_RULES = {
    DA001: {
        name: 'mutable-base-tag',
        says: 'The base is named by `latest` or by no tag, so the build can change without a commit.',
        fix: 'Name a version, and pin it by digest (`image:1.2@sha256:…`).'
    },
    DA002: {
        name: 'source-before-dependencies',
        says: 'The whole context is copied before the dependencies are installed, so every source change reinstalls them.',
        fix: 'Copy the dependency manifests (package.json and its lock file, go.mod and go.sum, requirements.txt, …) first, install, then copy the source.'
    },
    DA003: {
        name: 'packages-after-source',
        says: 'OS packages are installed after the source is copied, so every source change installs them again.',
        fix: 'Install OS packages first: they change least often (OS packages, runtime, dependency manifests, then source).'
    },
    DA004: {
        name: 'no-cache-mount',
        says: 'A package manager runs without a cache mount, so each rebuild downloads everything again.',
        fix: 'Use `RUN --mount=type=cache,target=<its cache directory> …`.'
    },
    DA005: {
        name: 'add-url-without-checksum',
        says: '`ADD` downloads a URL without `--checksum`, so what it fetched is not checked.',
        fix: 'Add `--checksum=sha256:<hex>`, or download in a RUN that checks the hash.'
    },
    DA006: {
        name: 'root-user',
        says: 'The final stage runs as root.',
        fix: 'Add `USER` with an unprivileged user (a name or a UID other than 0) to the final stage.'
    },
    DA007: {
        name: 'build-tools-shipped',
        says: 'A single-stage image built on a toolchain image or installing compilers ships its build tools (size and CVEs).',
        fix: 'Build in one stage, then `COPY --from=` the result into a slim runtime stage.'
    }
};
const ADVICE_RULE_IDS = Object.keys(ADVICE_RULES);


/***/ }),

/***/ 9989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ formatDate),
/* harmony export */   s: () => (/* binding */ checkDateFormat)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * `{{date 'format' tz='Zone'}}` renders with moment.js format tokens in metadata-action. moment and
 * moment-timezone would add hundreds of kB to the bundle for one tag pattern, so this renders the
 * English, non-locale tokens with `Intl` (which carries the time zone database). Tokens we do not
 * render (week numbers, eras, localized formats such as `LL`) are refused when the input is read
 * rather than printed wrongly; text in `[brackets]` is literal, as in moment.
 */
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// moment's tokenizer, longest first; `[\s\S]` is any other single character.
const TOKENS = /\[[^[]*\]|\\.|Y{5,6}|YYYY|YY|Y|Qo|Q|Mo|M{1,4}|DDDo|DDDD|DDD|Do|DD|D|do|d{1,4}|[wW]o|ww|WW|w|W|N{1,5}|yo|y{1,4}|g{2,5}|G{2,5}|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|LTS|LT|L{1,4}|l{1,4}|[\s\S]/g;
// Tokens moment knows but we do not render: these throw at parse time.
const UNSUPPORTED = /^(Y{5,6}|Qo|Mo|DDDo|do|[wW]o|ww|WW|w|W|N{1,5}|yo|y{1,4}|g{2,5}|G{2,5}|e|E|zz?|LTS|LT|L{1,4}|l{1,4})$/;
const pad = (n, width) => String(Math.abs(n)).padStart(width, '0');
function ordinal(n) {
    const tens = n % 100;
    if (tens >= 11 && tens <= 13)
        return `${n}th`;
    return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
function offset(minutes, separator) {
    const sign = minutes < 0 ? '-' : '+';
    return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${separator}${pad(Math.abs(minutes) % 60, 2)}`;
}
/** Throws a ValueError unless `format` and `tz` can be rendered. `where` prefixes messages. */
function checkDateFormat(format, tz, where) {
    for (const token of format.match(TOKENS) ?? []) {
        if (UNSUPPORTED.test(token)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where}: the date token ${token} is not supported`, 'moment tokens YYYY YY Q M MM MMM MMMM D DD Do DDD DDDD d dd ddd dddd H HH h hh k kk m mm s ss S… a A Z ZZ X x, and literal text in [brackets]');
        }
    }
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where}: unknown time zone "${tz}"`, 'an IANA time zone such as UTC or Asia/Tokyo');
    }
}
/** The wall clock in `tz` (as UTC fields of a Date) and the zone's offset from UTC in minutes. */
function wallClock(date, tz) {
    const parts = {};
    const format = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric'
    });
    for (const part of format.formatToParts(date))
        parts[part.type] = Number(part.value);
    const wallMs = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, date.getUTCMilliseconds());
    return { wall: new Date(wallMs), offsetMinutes: Math.round((wallMs - date.getTime()) / 60000) };
}
/** Renders `date` with a moment format in time zone `tz` (call checkDateFormat first). */
function formatDate(date, format, tz = 'UTC') {
    const { wall, offsetMinutes } = wallClock(date, tz);
    const year = wall.getUTCFullYear();
    const month = wall.getUTCMonth();
    const day = wall.getUTCDate();
    const weekday = wall.getUTCDay();
    const hour = wall.getUTCHours();
    const hour12 = hour % 12 || 12;
    const dayOfYear = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
    const ms = wall.getUTCMilliseconds();
    const render = {
        Y: () => pad(year, 4),
        YYYY: () => pad(year, 4),
        YY: () => pad(year % 100, 2),
        Q: () => String(Math.floor(month / 3) + 1),
        M: () => String(month + 1),
        MM: () => pad(month + 1, 2),
        MMM: () => (MONTHS[month] ?? '').slice(0, 3),
        MMMM: () => MONTHS[month] ?? '',
        D: () => String(day),
        DD: () => pad(day, 2),
        Do: () => ordinal(day),
        DDD: () => String(dayOfYear),
        DDDD: () => pad(dayOfYear, 3),
        d: () => String(weekday),
        dd: () => (DAYS[weekday] ?? '').slice(0, 2),
        ddd: () => (DAYS[weekday] ?? '').slice(0, 3),
        dddd: () => DAYS[weekday] ?? '',
        H: () => String(hour),
        HH: () => pad(hour, 2),
        h: () => String(hour12),
        hh: () => pad(hour12, 2),
        k: () => String(hour || 24),
        kk: () => pad(hour || 24, 2),
        m: () => String(wall.getUTCMinutes()),
        mm: () => pad(wall.getUTCMinutes(), 2),
        s: () => String(wall.getUTCSeconds()),
        ss: () => pad(wall.getUTCSeconds(), 2),
        a: () => (hour < 12 ? 'am' : 'pm'),
        A: () => (hour < 12 ? 'AM' : 'PM'),
        Z: () => offset(offsetMinutes, ':'),
        ZZ: () => offset(offsetMinutes, ''),
        X: () => String(Math.floor(date.getTime() / 1000)),
        x: () => String(date.getTime())
    };
    return (format.match(TOKENS) ?? [])
        .map(token => {
        if (token.startsWith('[') && token.endsWith(']'))
            return token.slice(1, -1);
        if (token.startsWith('\\'))
            return token.slice(1);
        // S…SSSSSSSSS: fractional seconds, milliseconds padded with zeros.
        if (/^S+$/.test(token))
            return pad(ms, 3).padEnd(token.length, '0').slice(0, token.length);
        return render[token]?.() ?? token;
    })
        .join('');
}


/***/ }),

/***/ 79161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ parsePurl),
/* harmony export */   a0: () => (/* binding */ parseIgnoreFile)
/* harmony export */ });
/* unused harmony exports parsePlainIgnore, parseYamlIgnore */
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88950);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * Trivy ignore files (`.trivyignore`, `.trivyignore.yaml`), read with the inputs: a broken file
 * fails before anything runs. The rules are applied to the findings by scan/ignore.ts; the
 * syntax follows Trivy's pkg/result/ignore.go.
 */


const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A real calendar day: V8's Date.parse takes `2026-02-30` for March 2nd, and an expiry date a
 * user mistyped must be refused with the inputs, not applied as another day.
 */
function isCalendarDate(text) {
    if (!DATE.test(text))
        return false;
    const time = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
/** `.trivyignore`: one ID a line, optionally `exp:YYYY-MM-DD`; comment lines above become the reason. */
function parsePlainIgnore(text, file) {
    const rules = [];
    let comments = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '') {
            comments = [];
            return;
        }
        if (line.startsWith('#')) {
            comments.push(line.replace(/^#+\s*/, ''));
            return;
        }
        const [id = '', ...rest] = line.split(/\s+/);
        const rule = { id, source: `${file}:${index + 1}` };
        for (const field of rest) {
            if (!field.startsWith('exp:'))
                continue;
            const date = field.slice('exp:'.length);
            if (!isCalendarDate(date)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${file}:${index + 1}: "${field}" is not an expiry date`, 'exp:YYYY-MM-DD after the ID');
            }
            rule.expires = date;
        }
        const reason = comments.join(' ').trim();
        if (reason)
            rule.statement = reason;
        comments = [];
        rules.push(rule);
    });
    return rules;
}
/** `.trivyignore.yaml`: its `vulnerabilities`, `secrets` and `misconfigurations` lists (its `licenses` are not scanned for). */
function parseYamlIgnore(text, file, yaml) {
    const parseYaml = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_0__/* .yamlParser */ .$z)(yaml);
    let doc;
    try {
        doc = parseYaml(text);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${file} is not valid YAML (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error).split('\n')[0]})`, 'a .trivyignore.yaml file as Trivy documents it');
    }
    if (doc === null || doc === undefined)
        return [];
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${file} is not a mapping`, 'vulnerabilities: [{ id: CVE-… }]');
    }
    const lists = doc;
    return [
        ...yamlRules(lists.vulnerabilities, file, 'vulnerabilities', 'vulnerability'),
        ...yamlRules(lists.secrets, file, 'secrets', 'secret'),
        ...yamlRules(lists.misconfigurations, file, 'misconfigurations', 'misconfiguration')
    ];
}
function yamlRules(list, file, name, kind) {
    const entries = list ?? [];
    if (!Array.isArray(entries)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${file}: ${name} is not a list`, `${name}: [{ id: … }]`);
    }
    return entries.map((entry, index) => {
        // `file#n`: the n-th vulnerability entry; `file#secrets.n`: the n-th secret entry.
        const where = `${file}#${name === 'vulnerabilities' ? '' : `${name}.`}${index + 1}`;
        if (typeof entry !== 'object' || entry === null) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where} is not a mapping`, 'an entry with an id');
        }
        const e = entry;
        if (typeof e.id !== 'string' || e.id.trim() === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where} has no id`, 'an entry with id: CVE-…');
        }
        const rule = { id: e.id.trim(), source: where, kind };
        if (e.expired_at !== undefined)
            rule.expires = yamlDate(e.expired_at, where);
        if (typeof e.statement === 'string' && e.statement.trim())
            rule.statement = e.statement.trim();
        if (e.paths !== undefined)
            rule.paths = stringList(e.paths, `${where} paths`);
        if (e.purls !== undefined) {
            rule.purls = stringList(e.purls, `${where} purls`).map(p => parsePurl(p, where));
        }
        return rule;
    });
}
/** Parses by extension, as Trivy does: `.yaml`/`.yml` is the YAML format, anything else plain. */
function parseIgnoreFile(text, file, yaml) {
    return /\.ya?ml$/i.test(file) ? parseYamlIgnore(text, file, yaml) : parsePlainIgnore(text, file);
}
function yamlDate(value, where) {
    // The yaml library keeps a bare 2024-01-31 as a string (YAML 1.2 core schema).
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    if (!isCalendarDate(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where}: expired_at "${text}" is not a date`, 'expired_at: YYYY-MM-DD');
    }
    return text;
}
function stringList(value, where) {
    if (!Array.isArray(value) || !value.every(v => typeof v === 'string')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where} is not a list of strings`, 'a YAML list of strings');
    }
    return value;
}
/** `pkg:type/namespace/name@version?qualifiers#subpath` (the parts a rule can match on). */
function parsePurl(text, where = 'purl') {
    const match = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^@?#]+)(?:@([^?#]*))?(?:\?([^#]*))?(?:#.*)?$/.exec(text.trim());
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where}: "${text}" is not a package URL`, 'pkg:type/namespace/name');
    }
    const [, type = '', path = '', version, query] = match;
    const segments = path.split('/').map(s => decodeURIComponent(s));
    const name = segments.pop() ?? '';
    const qualifiers = {};
    for (const pair of (query ?? '').split('&').filter(Boolean)) {
        const at = pair.indexOf('=');
        if (at > 0)
            qualifiers[pair.slice(0, at).toLowerCase()] = decodeURIComponent(pair.slice(at + 1));
    }
    const purl = { type: type.toLowerCase(), name, qualifiers };
    if (segments.length)
        purl.namespace = segments.join('/');
    if (version)
        purl.version = decodeURIComponent(version);
    return purl;
}


/***/ }),

/***/ 64332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YW: () => (/* binding */ LIFECYCLE_FORM),
/* harmony export */   g4: () => (/* binding */ parseLifecyclePolicy)
/* harmony export */ });
/* unused harmony export MAX_WILDCARDS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * The `lifecycle-policy` input: one retention policy for every registry, a rule per line.
 *
 *   keep last 10 v*                 the 10 newest images with a tag matching v* stay; older ones
 *                                   that match go (several patterns: keep last 5 prod-* stable)
 *   expire untagged after 7 days    an untagged image older than that goes
 *   keep younger than 3 days        nothing pushed in the last 3 days goes, whatever the rules
 *
 * `*` is the one wildcard, in tags. Parsed with the other inputs, so a mistake fails before
 * anything runs, in one line naming the rule. The ECR translation is src/lifecycle/ecr.ts.
 */

const LIFECYCLE_FORM = 'one rule per line: "keep last N <tag pattern>…", "expire untagged after N days", "keep younger than N days"';
/** ECR allows four `*` in one pattern (lifecycle_policy_parameters, tagPatternList). */
const MAX_WILDCARDS = 4;
const TAG_PATTERN = /^[A-Za-z0-9_*][A-Za-z0-9_.*-]{0,127}$/;
function parseLifecyclePolicy(lines) {
    const rules = [];
    lines.forEach((text, index) => {
        const line = index + 1;
        const words = text.trim().split(/\s+/);
        const fail = (problem) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`rule ${line} ("${text.trim()}"): ${problem}`, LIFECYCLE_FORM);
        };
        const number = (word, min, what) => {
            if (word === undefined || !/^\d{1,5}$/.test(word))
                fail(`${what} "${word ?? ''}" is not a whole number`);
            const n = Number(word);
            if (n < min)
                fail(`${what} must be at least ${min}`);
            return n;
        };
        const days = (rest) => {
            const n = number(rest[0], 0, 'the number of days');
            if (rest.length !== 2 || !/^days?$/i.test(rest[1] ?? ''))
                fail('say "N days"');
            return n;
        };
        const [w1, w2, w3, ...rest] = words.map((w, i) => (i < 3 ? w.toLowerCase() : w));
        if (w1 === 'keep' && w2 === 'last') {
            const count = number(w3, 1, 'the number of images to keep');
            if (rest.length === 0)
                fail('name the tags it keeps, e.g. "keep last 10 v*"');
            for (const pattern of rest) {
                if (!TAG_PATTERN.test(pattern))
                    fail(`"${pattern}" is not a tag pattern (letters, digits, _ . - and *)`);
                if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) {
                    fail(`"${pattern}" has more than ${MAX_WILDCARDS} wildcards, which ECR refuses`);
                }
            }
            rules.push({ kind: 'keep-last', count, patterns: rest, line });
        }
        else if (w1 === 'expire' && w2 === 'untagged' && w3 === 'after') {
            if (rules.some(r => r.kind === 'expire-untagged'))
                fail('there is an "expire untagged" rule already');
            rules.push({ kind: 'expire-untagged', days: days(rest), line });
        }
        else if (w1 === 'keep' && w2 === 'younger' && w3 === 'than') {
            if (rules.some(r => r.kind === 'keep-younger'))
                fail('there is a "keep younger than" rule already');
            rules.push({ kind: 'keep-younger', days: days(rest), line });
        }
        else {
            fail('it is none of the rules');
        }
    });
    const keeps = rules.filter(r => r.kind === 'keep-last').flatMap(r => r.patterns);
    const twice = keeps.find((p, i) => keeps.indexOf(p) !== i);
    if (twice)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`the tag pattern ${twice} is in two "keep last" rules`, LIFECYCLE_FORM);
    return rules;
}


/***/ }),

/***/ 27981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ resolveConfinedPath)
/* harmony export */ });
/* unused harmony export CONFINED_FORM */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/**
 * The one resolver of path inputs (invariant 14, docs/design.md): `context`, `file`, `trivyignore`,
 * `cosign-key`, `tools-manifest`, `sigstore-signing-config`, `sigstore-trusted-root`. A path is
 * taken from the workspace when relative, every symlink is followed, and the file it really is
 * must lie inside the workspace (GITHUB_WORKSPACE) or the runner's temp directory (RUNNER_TEMP,
 * where an earlier step may write a key or a manifest). Anything else — `../`, an absolute path
 * elsewhere, a symlink out — is refused before any side effect, naming the input: a workflow
 * that can be steered into reading /etc/shadow or ~/.docker/config.json as a "Dockerfile" would
 * have its content quoted back in an error, uploaded as a build context or sent to a tool.
 */



const CONFINED_FORM = 'a path inside the workspace (or the runner temp directory)';
function realRoots(roots) {
    const out = [];
    for (const root of [roots.workspace, roots.runnerTemp]) {
        if (!root)
            continue;
        try {
            out.push((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root));
        }
        catch {
            // A root that does not exist holds nothing to allow.
        }
    }
    return out;
}
const inside = (path, root) => path === root || path.startsWith(root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? root : `${root}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`);
/**
 * The real, absolute path of `value` (relative to the workspace), or a ValueError saying why it
 * is refused. The caller adds the input's name.
 */
function resolveConfinedPath(value, kind, roots, accepted = CONFINED_FORM) {
    if (value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ValueError */ .Qp('an empty path', accepted);
    if (value.startsWith('-'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ValueError */ .Qp(`"${value}" starts with "-"`, accepted);
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(value) ? value : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(roots.workspace, value);
    const what = kind === 'file' ? 'file' : 'directory';
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(full)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ValueError */ .Qp(`${what} "${value}" does not exist in the workspace`, accepted);
    }
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(full);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ValueError */ .Qp(`"${value}" cannot be resolved (a broken symlink?)`, accepted);
    }
    if (!realRoots(roots).some(root => inside(real, root))) {
        const how = real === full ? '' : ' through a symlink';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ValueError */ .Qp(`"${value}" leads${how} outside the workspace and the runner temp directory (to ${real})`, accepted);
    }
    const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
    if (kind === 'file' ? !stat.isFile() : !stat.isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ValueError */ .Qp(`"${value}" is not a ${what}`, accepted);
    }
    return real;
}


/***/ }),

/***/ 68334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ DESCRIPTOR_FORM),
/* harmony export */   HO: () => (/* binding */ SBOM_FILE),
/* harmony export */   Uq: () => (/* binding */ REPORT_FILE),
/* harmony export */   hb: () => (/* binding */ DESCRIPTOR_VERSION),
/* harmony export */   md: () => (/* binding */ parseDescriptors)
/* harmony export */ });
/* unused harmony export checkDescriptor */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12187);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * The platform descriptor: what a platform job (a matrix job that built, scanned and pushed one
 * platform by digest) hands the merge job, as one line of JSON in a job output. It is signed by
 * nothing: the merge job trusts none of it that it cannot check against the registry and the
 * scan report (merge-check.ts). Parsed by hand (a few fields): ajv would weigh on every run.
 */


const DESCRIPTOR_VERSION = 1;
/** The files of a report artifact. */
const REPORT_FILE = 'trivy.json';
const SBOM_FILE = 'sbom.cdx.json';
const ARTIFACT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const DESCRIPTOR_FORM = "the platform jobs' platform-descriptor outputs, one JSON object a line (or a JSON array)";
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** `digests` as the merge job gets it: lines of JSON objects, or one JSON array of them. */
function parseDescriptors(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return [];
    let values;
    if (trimmed.startsWith('[')) {
        values = parseJson(trimmed, 'the list');
        if (!Array.isArray(values))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp('it is not a JSON array', DESCRIPTOR_FORM);
    }
    else {
        values = trimmed
            .split(/\r?\n/)
            .filter(line => line.trim())
            .map((line, i) => parseJson(line, `line ${i + 1}`));
    }
    return values.map((value, i) => checkDescriptor(value, `descriptor ${i + 1}`));
}
function parseJson(text, where) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where} is not JSON`, DESCRIPTOR_FORM);
    }
}
/** One descriptor, field by field; the first wrong field named. */
function checkDescriptor(value, where) {
    const fail = (problem) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where}: ${problem}`, DESCRIPTOR_FORM);
    };
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail('not an object');
    const d = value;
    if (d.version !== DESCRIPTOR_VERSION) {
        fail(`version ${JSON.stringify(d.version)} (this action reads version ${DESCRIPTOR_VERSION})`);
    }
    if (typeof d.platform !== 'string' || !PLATFORM.test(d.platform))
        fail('platform is not os/arch');
    if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(d.index))
        fail('index is not a sha256 digest');
    const m = d.manifest;
    if (!m || !(0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(m.digest))
        fail('manifest.digest is not a sha256 digest');
    if (typeof m?.mediaType !== 'string' || !m.mediaType)
        fail('manifest.mediaType is missing');
    if (typeof m?.size !== 'number' || !Number.isInteger(m.size) || m.size <= 0) {
        fail('manifest.size is not a positive whole number');
    }
    if (!Array.isArray(d.images) ||
        d.images.length === 0 ||
        !d.images.every(i => typeof i === 'string')) {
        fail('images is not a list of image names');
    }
    const scan = d.scan;
    if (!scan || !['passed', 'failed', 'not-scanned'].includes(scan.verdict)) {
        fail('scan.verdict is not passed, failed or not-scanned');
    }
    if (scan?.digest !== undefined && !(0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(scan.digest))
        fail('scan.digest is not a sha256 digest');
    const report = d.report === undefined ? undefined : checkReport(d.report, fail);
    return {
        version: DESCRIPTOR_VERSION,
        platform: d.platform,
        index: d.index,
        manifest: {
            digest: m?.digest,
            mediaType: m?.mediaType,
            size: m?.size
        },
        images: d.images,
        scan: {
            verdict: scan?.verdict,
            ...(scan?.digest ? { digest: scan.digest } : {}),
            ...(typeof scan?.blocking === 'number' ? { blocking: scan.blocking } : {}),
            ...(typeof scan?.reason === 'string' ? { reason: scan.reason } : {})
        },
        ...(report ? { report } : {})
    };
}
function checkReport(value, fail) {
    if (typeof value !== 'object' || value === null)
        fail('report is not an object');
    const r = value;
    if (typeof r.artifact !== 'string' || !ARTIFACT_NAME.test(r.artifact)) {
        fail('report.artifact is not an artifact name');
    }
    if (typeof r.sha256 !== 'string' || !_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .SHA256_HEX */ .Y5.test(r.sha256))
        fail('report.sha256 is not a SHA-256');
    if (r.sbom !== undefined && (typeof r.sbom !== 'string' || !_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .SHA256_HEX */ .Y5.test(r.sbom))) {
        fail('report.sbom is not a SHA-256');
    }
    const duration = r.durationMs;
    const validDuration = typeof duration === 'number' && Number.isInteger(duration) && duration >= 0;
    return {
        artifact: r.artifact,
        sha256: r.sha256,
        ...(typeof r.sbom === 'string' ? { sbom: r.sbom } : {}),
        ...(validDuration ? { durationMs: duration } : {})
    };
}


/***/ }),

/***/ 44357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d7: () => (/* binding */ TrustConfigError),
/* harmony export */   dh: () => (/* binding */ cosign2TrustMaterial),
/* harmony export */   g7: () => (/* binding */ signingConfigUrls)
/* harmony export */ });
/**
 * A Sigstore instance other than the public-good one (an organisation's own, or the tests'
 * loopback one), described by the two standard files cosign 3 takes: the trusted root
 * (`trusted_root.json`: CA chains, transparency log and CT log keys, timestamp authorities)
 * and the signing config (which Fulcio, Rekor and TSA to use). cosign 2 predates both files:
 * it takes the same material as PEM files in SIGSTORE_* variables and the URLs as flags, so
 * they are derived here from the same two files. The public-good instance needs neither
 * (cosign fetches it by TUF).
 */
class TrustConfigError extends Error {
    name = 'TrustConfigError';
}
const pem = (label, base64) => `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
/** The PEM material cosign 2 reads from SIGSTORE_ROOT_FILE, …REKOR_PUBLIC_KEY, …CT_LOG_PUBLIC_KEY_FILE. */
function cosign2TrustMaterial(trustedRootJson, file = 'trusted root') {
    let root;
    try {
        root = JSON.parse(trustedRootJson);
    }
    catch {
        throw new TrustConfigError(`${file} is not JSON`);
    }
    if (!root.mediaType?.startsWith('application/vnd.dev.sigstore.trustedroot')) {
        throw new TrustConfigError(`${file} is not a Sigstore trusted root (mediaType)`);
    }
    const certs = (root.certificateAuthorities ?? []).flatMap(ca => ca.certChain?.certificates?.flatMap(c => (c.rawBytes ? [c.rawBytes] : [])) ?? []);
    const key = (list, what) => {
        const raw = list?.find(k => k.publicKey?.rawBytes)?.publicKey?.rawBytes;
        if (!raw)
            throw new TrustConfigError(`${file} lists no ${what} key`);
        return pem('PUBLIC KEY', raw);
    };
    if (certs.length === 0)
        throw new TrustConfigError(`${file} lists no certificate authority`);
    return {
        roots: certs.map(c => pem('CERTIFICATE', c)).join(''),
        rekorKey: key(root.tlogs, 'transparency log'),
        ctLogKey: key(root.ctlogs, 'CT log')
    };
}
/** Fulcio and Rekor URLs of a signing config (the first of each, as cosign picks them). */
function signingConfigUrls(json, file = 'signing config') {
    let config;
    try {
        config = JSON.parse(json);
    }
    catch {
        throw new TrustConfigError(`${file} is not JSON`);
    }
    if (!config.mediaType?.startsWith('application/vnd.dev.sigstore.signingconfig')) {
        throw new TrustConfigError(`${file} is not a Sigstore signing config (mediaType)`);
    }
    const fulcio = config.caUrls?.[0]?.url;
    const rekor = config.rekorTlogUrls?.[0]?.url;
    if (!fulcio || !rekor)
        throw new TrustConfigError(`${file} has no Fulcio (caUrls) or Rekor URL`);
    return { fulcio, rekor };
}


/***/ }),

/***/ 95587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QC: () => (/* binding */ parseTemplate),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   c$: () => (/* binding */ isLiteral),
/* harmony export */   fy: () => (/* binding */ isOnly)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Splits `text` into literals and expressions. `where` names the attribute for messages, e.g.
 * `value of "type=raw,value={{brnach}}"`.
 */
function parseTemplate(text, vocabulary, where) {
    const parts = [];
    let rest = text;
    for (;;) {
        const open = rest.indexOf('{{');
        const literal = open < 0 ? rest : rest.slice(0, open);
        if (literal.includes('}}')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where} has "}}" without a matching "{{"`, 'expressions written as {{name}}');
        }
        if (literal)
            parts.push(literal);
        if (open < 0)
            return parts;
        const close = rest.indexOf('}}', open + 2);
        const inner = close < 0 ? '' : rest.slice(open + 2, close);
        if (close < 0 || inner.includes('{{')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where} has "{{" without a matching "}}"`, 'expressions written as {{name}}');
        }
        parts.push(parseExpression(inner, rest.slice(open, close + 2), vocabulary, where));
        rest = rest.slice(close + 2);
    }
}
function parseExpression(inner, source, vocabulary, where) {
    const accepted = `one of ${Object.values(vocabulary)
        .map(spec => spec.usage)
        .join(', ')}`;
    const words = tokenize(inner, source, where);
    const [name = '', ...args] = words;
    const spec = IDENTIFIER.test(name) && Object.hasOwn(vocabulary, name) ? vocabulary[name] : undefined;
    if (!spec) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where} uses the unknown expression ${source}`, accepted);
    }
    const params = [];
    const hash = {};
    for (const arg of args) {
        const eq = arg.indexOf('=');
        if (eq > 0 && IDENTIFIER.test(arg.slice(0, eq))) {
            const key = arg.slice(0, eq);
            if (!spec.hash.includes(key)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where}: ${source} has the unknown option ${key}`, spec.usage);
            }
            hash[key] = unquote(arg.slice(eq + 1), source, where, spec.usage);
        }
        else {
            params.push(unquote(arg, source, where, spec.usage));
        }
    }
    if (params.length !== spec.params) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where}: ${source} takes ${spec.params} quoted parameter(s), not ${params.length}`, spec.usage);
    }
    const expression = { name, params, hash, source };
    spec.check?.(expression, where);
    return expression;
}
/** Splits on spaces outside quotes: `date 'YYYY MM' tz='UTC'` → [date, 'YYYY MM', tz='UTC']. */
function tokenize(inner, source, where) {
    const words = [];
    let word = '';
    let quote = '';
    for (const ch of inner) {
        if (quote) {
            word += ch;
            if (ch === quote)
                quote = '';
        }
        else if (/\s/.test(ch)) {
            if (word)
                words.push(word);
            word = '';
        }
        else {
            if (ch === "'" || ch === '"')
                quote = ch;
            word += ch;
        }
    }
    if (quote) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where}: ${source} has an unclosed ${quote} quote`, 'quoted parameters');
    }
    if (word)
        words.push(word);
    return words;
}
function unquote(token, source, where, usage) {
    const quote = token[0];
    if ((quote === "'" || quote === '"') && token.length >= 2 && token.endsWith(quote)) {
        return token.slice(1, -1);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValueError */ .Qp(`${where}: ${source} has the unquoted parameter ${token}`, usage);
}
function renderTemplate(template, resolve) {
    return template.map(part => (typeof part === 'string' ? part : resolve(part))).join('');
}
/** True when the template is exactly one expression named `name`, e.g. `{{raw}}`. */
function isOnly(template, name) {
    const [first] = template;
    return template.length === 1 && typeof first === 'object' && first.name === name;
}
/** True when the template has no expression at all. */
function isLiteral(template) {
    return template.every(part => typeof part === 'string');
}


/***/ }),

/***/ 79738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ parseToolsManifest),
/* harmony export */   NN: () => (/* binding */ MANIFEST_FORM),
/* harmony export */   xS: () => (/* binding */ findManifestEntry)
/* harmony export */ });
/* unused harmony export readToolsManifest */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88950);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _tool_specs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98828);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12187);
/**
 * `tools-manifest`: a JSON or YAML list of `{tool, version, platform, url, sha256}` with which an
 * organisation installs binaries it vetted itself (its own mirror, a version not pinned here).
 * An entry overrides the pinned URL and hash for its tool/version/platform. Every mistake is a
 * ConfigurationError naming the file and the entry.
 */






const KEYS = ['tool', 'version', 'platform', 'url', 'sha256'];
const MANIFEST_FORM = 'a list of entries {tool, version, platform, url, sha256}, e.g. ' +
    '[{"tool": "trivy", "version": "0.74.0", "platform": "linux-x64", ' +
    '"url": "https://mirror.example.com/trivy_0.74.0_Linux-64bit.tar.gz", "sha256": "<64 hex>"}]';
/** Reads and validates the manifest; a relative `file` is taken from `workspace`. */
async function readToolsManifest(file, workspace) {
    const full = isAbsolute(file) ? file : resolve(workspace, file);
    let text;
    try {
        text = await readFile(full, 'utf8');
    }
    catch (error) {
        const reason = error.code ?? String(error);
        throw new ConfigurationError(`tools-manifest ${file}: cannot be read (${reason})`);
    }
    return parseToolsManifest(text, file, await loadYaml());
}
/** Parses the manifest text: JSON for `.json` files, YAML (a superset of JSON) otherwise. */
function parseToolsManifest(text, file, yaml) {
    const json = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(file).toLowerCase() === '.json';
    const parse = json ? (value) => JSON.parse(value) : (0,_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .yamlParser */ .$z)(yaml);
    let data;
    try {
        data = parse(text);
    }
    catch (error) {
        const kind = json ? 'JSON' : 'YAML';
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error).split('\n')[0];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`tools-manifest ${file}: not valid ${kind}: ${reason}`);
    }
    if (!Array.isArray(data)) {
        const got = data === null || data === undefined
            ? 'an empty file'
            : typeof data === 'object'
                ? 'a mapping'
                : `a ${typeof data}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`tools-manifest ${file}: expected ${MANIFEST_FORM}; got ${got}`);
    }
    const entries = data.map((raw, i) => validateEntry(raw, `tools-manifest ${file}: entry ${i + 1}`));
    const seen = new Map();
    entries.forEach((entry, i) => {
        const key = `${entry.tool} ${entry.version.semver} ${entry.platform}`;
        const first = seen.get(key);
        if (first !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`tools-manifest ${file}: entry ${i + 1} (${describe(entry)}) repeats entry ${first + 1}; ` +
                'keep one entry per tool, version and platform');
        }
        seen.set(key, i);
    });
    return { file, entries };
}
function describe(entry) {
    const version = typeof entry.version === 'object' && entry.version !== null
        ? entry.version.display
        : entry.version;
    return [entry.tool, version, entry.platform].filter(v => typeof v === 'string').join(' ');
}
function validateEntry(raw, where) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${where}: expected an object {${KEYS.join(', ')}}`);
    }
    const obj = raw;
    const label = describe(obj);
    const at = label ? `${where} (${label})` : where;
    const unknown = Object.keys(obj).filter(k => !KEYS.includes(k));
    if (unknown.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${at}: unknown key ${unknown.map(k => `"${k}"`).join(', ')}; the keys are ${KEYS.join(', ')}`);
    }
    const str = (key) => {
        const value = obj[key];
        // YAML reads `version: 0.74` style values as numbers; demand a string so nothing is guessed
        if (typeof value !== 'string' || value.trim() === '') {
            const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${at}: "${key}" must be a non-empty string (${got})`);
        }
        return value.trim();
    };
    const tool = str('tool');
    if (!(0,_tool_specs_js__WEBPACK_IMPORTED_MODULE_4__/* .isToolName */ .O2)(tool)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${at}: unknown tool "${tool}"; known: ${_tool_specs_js__WEBPACK_IMPORTED_MODULE_4__/* .TOOL_NAMES */ .K2.join(', ')}`);
    }
    let version;
    try {
        version = (0,_tool_specs_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeVersion */ .Qj)(_tool_specs_js__WEBPACK_IMPORTED_MODULE_4__/* .TOOL_SPECS */ .aq[tool], str('version'));
    }
    catch (error) {
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1))
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${at}: ${error.message}`);
    }
    const platform = str('platform');
    if (!(0,_tool_specs_js__WEBPACK_IMPORTED_MODULE_4__/* .isPlatform */ .aH)(platform)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${at}: unknown platform "${platform}"; one of ${_tool_specs_js__WEBPACK_IMPORTED_MODULE_4__/* .PLATFORMS */ .P4.join(', ')}`);
    }
    const url = str('url');
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${at}: "url" must be an http(s) URL, got "${url}"`);
    }
    const sha256 = str('sha256').toLowerCase();
    if (!_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .SHA256_HEX */ .Y5.test(sha256)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${at}: "sha256" must be 64 hexadecimal characters (the asset's SHA-256), got "${sha256}"`);
    }
    return { tool, version, platform, url, sha256 };
}
/** The entry for this tool/version/platform, if the manifest has one. */
function findManifestEntry(manifest, tool, version, platform) {
    return manifest?.entries.find(e => e.tool === tool && e.version.semver === version.semver && e.platform === platform);
}


/***/ }),

/***/ 88950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ yamlParser),
/* harmony export */   g0: () => (/* binding */ YamlNotLoaded),
/* harmony export */   yv: () => (/* binding */ loadYaml)
/* harmony export */ });
/** Not an input error: the reader has to load the parser and read again. */
class YamlNotLoaded extends Error {
    name = 'YamlNotLoaded';
    constructor() {
        super('The YAML parser was not loaded before reading an input that holds YAML');
    }
}
/** The parser, or YamlNotLoaded: called before any try block that would take it for bad YAML. */
function yamlParser(parse) {
    if (!parse)
        throw new YamlNotLoaded();
    return parse;
}
async function loadYaml() {
    const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    return (text, options) => parse(text, options);
}


/***/ }),

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

/***/ 18015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  planFor: () => (/* binding */ planFor),
  run: () => (/* binding */ run),
  writeSummary: () => (/* binding */ writeSummary)
});

// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(16137);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
;// CONCATENATED MODULE: ./src/boundary.ts




/**
 * The one error boundary of each entry point. Whatever escapes a step becomes exactly one
 * `setFailed` (one `::error::` line and exit code 1). A configuration mistake is shown as its
 * message alone; any other error carries its `cause` chain in that line (the low-level reason,
 * such as the errno or HTTP status, usually sits there), with stacks at debug level. A thrown
 * non-Error value is reported, never swallowed.
 */
async function runWithBoundary(step, log = workflow_commands) {
    try {
        await step();
    }
    catch (error) {
        // The one redaction (redact.ts): a failure may quote a URL with its credentials.
        log.setFailed((0,redact/* redact */.E)(describeFailure(error, log)));
    }
}
function describeFailure(error, log) {
    if (!(error instanceof Error)) {
        return `Unexpected failure (a non-Error value was thrown): ${(0,external_node_util_.inspect)(error, { depth: 3 })}`;
    }
    if (error instanceof errors/* ConfigurationError */.j1)
        return error.message;
    // Stacks quote the messages: redacted like them.
    if (error.stack)
        log.debug((0,redact/* redact */.E)(error.stack));
    const causes = [];
    let cause = error.cause;
    const seen = new Set([error]);
    while (cause !== undefined && !seen.has(cause)) {
        seen.add(cause);
        causes.push(cause instanceof Error ? `${cause.name}: ${cause.message}` : (0,external_node_util_.inspect)(cause));
        if (cause instanceof Error && cause.stack)
            log.debug((0,redact/* redact */.E)(cause.stack));
        cause = cause instanceof Error ? cause.cause : undefined;
    }
    return causes.length ? `${error.message} (caused by: ${causes.join(' <- ')})` : error.message;
}

// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(40788);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(25175);
// EXTERNAL MODULE: ./src/inputs/date-format.ts
var date_format = __webpack_require__(9989);
// EXTERNAL MODULE: ./src/inputs/template.ts
var inputs_template = __webpack_require__(95587);
;// CONCATENATED MODULE: ./src/inputs/tag-rules.ts




/**
 * Parsers for the `tags` and `flavor` inputs, in docker/metadata-action's syntax: one rule per
 * line, each line a CSV record of `key=value` fields (so `"pattern={{date 'YYYY,MM'}}"` may be
 * quoted), a field without `=` being the value. Everything that metadata-action would only find
 * out while computing (or would silently ignore) is checked here, so that a bad input fails
 * before any side effect.
 */
/**
 * Used when the `tags` input is empty. metadata-action's default is schedule + ref (branch, tag,
 * pr); ours swaps `type=ref,event=tag` for semver rules and adds the commit, as docs/design.md says: a
 * `v1.2.3` tag push yields `1.2.3` and `1.2` (not the raw `v1.2.3`), and every pushed image also
 * gets an immutable `sha-<7>` tag.
 */
const DEFAULT_TAG_RULES = [
    'type=schedule',
    'type=ref,event=branch',
    'type=ref,event=pr',
    'type=semver,pattern={{version}}',
    'type=semver,pattern={{major}}.{{minor}}',
    'type=sha'
];
// metadata-action's default priorities (README "priority attribute").
const DEFAULT_PRIORITY = {
    schedule: 1000,
    semver: 900,
    pep440: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100
};
const TYPE_ATTRIBUTES = {
    schedule: ['pattern'],
    semver: ['pattern', 'value', 'match'],
    pep440: ['pattern', 'value', 'match'],
    match: ['pattern', 'group', 'value'],
    edge: ['branch'],
    ref: ['event'],
    raw: ['value'],
    sha: ['format']
};
const COMMON_ATTRIBUTES = ['type', 'enable', 'priority', 'prefix', 'suffix'];
const TYPES = Object.keys(TYPE_ATTRIBUTES);
const plain = (name) => ({ usage: `{{${name}}}`, params: 0, hash: [] });
const dated = (name) => ({
    usage: `{{${name} 'format' tz='Zone'}}`,
    params: 1,
    hash: ['tz'],
    check: (e, where) => (0,date_format/* checkDateFormat */.s)(e.params[0] ?? '', e.hash.tz ?? 'UTC', where)
});
/** README "Global expressions": in prefix, suffix, value and enable, and in flavor prefix/suffix. */
const GLOBAL_EXPRESSIONS = {
    branch: plain('branch'),
    tag: plain('tag'),
    sha: plain('sha'),
    base_ref: plain('base_ref'),
    is_default_branch: plain('is_default_branch'),
    is_not_default_branch: plain('is_not_default_branch'),
    date: dated('date'),
    commit_date: dated('commit_date')
};
/** The `pattern` of type=semver and type=pep440 is rendered with the parsed version only. */
const VERSION_EXPRESSIONS = {
    raw: plain('raw'),
    version: plain('version'),
    major: plain('major'),
    minor: plain('minor'),
    patch: plain('patch')
};
/** The `pattern` of type=schedule knows the dates only. */
const SCHEDULE_EXPRESSIONS = {
    date: dated('date'),
    commit_date: dated('commit_date')
};
/** One CSV record → [key, value] pairs; a field without `=` is `value` (as metadata-action). */
function fields(line, what) {
    let records;
    try {
        records = (0,sync/* parse */.qg)(line, { relaxColumnCount: true, skipEmptyLines: true });
    }
    catch (error) {
        throw new errors/* ValueError */.Qp(`${what} is not valid CSV (${error.message})`, 'comma-separated key=value fields; quote a whole field that contains a comma, e.g. "value=a,b"');
    }
    if (records.length !== 1) {
        throw new errors/* ValueError */.Qp(`${what} must be a single line`, 'one rule per line');
    }
    return (records[0] ?? []).map(field => {
        // The first `=` separates key and value (`value=a=b` keeps `a=b`); a leading `=` is no key.
        const eq = field.indexOf('=');
        if (eq <= 0)
            return [undefined, field.trim()];
        return [field.slice(0, eq).trim().toLowerCase(), field.slice(eq + 1).trim()];
    });
}
function compileRegExp(source, where) {
    // metadata-action: `/body/flags` is a regular expression with flags, anything else the body.
    const literal = /^\/(.+)\/(.*)$/.exec(source);
    try {
        return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(source);
    }
    catch (error) {
        throw new errors/* ValueError */.Qp(`${where} is not a valid regular expression (${error.message})`, 'a JavaScript regular expression, optionally as /body/flags');
    }
}
/** Parses one line of the `tags` input. */
function parseTagRule(line) {
    const what = `rule "${line}"`;
    const attrs = new Map();
    let bare;
    for (const [key, value] of fields(line, what)) {
        if (key === undefined)
            bare = value;
        attrs.set(key ?? 'value', value);
    }
    const typeName = attrs.get('type') ?? 'raw';
    if (!TYPES.includes(typeName)) {
        throw new errors/* ValueError */.Qp(`${what} has the unknown type "${typeName}"`, `one of ${TYPES.map(t => `type=${t}`).join(', ')}`);
    }
    const type = typeName;
    const allowed = [...COMMON_ATTRIBUTES, ...TYPE_ATTRIBUTES[type]];
    for (const key of attrs.keys()) {
        if (!allowed.includes(key)) {
            const problem = key === 'value' && bare !== undefined
                ? `${what} has the field "${bare}" without a key, which type=${type} does not accept`
                : `${what} has the attribute "${key}", which type=${type} does not accept`;
            throw new errors/* ValueError */.Qp(problem, `attributes ${allowed.filter(k => k !== 'type').join(', ')}`);
        }
    }
    const template = (key, vocabulary = GLOBAL_EXPRESSIONS) => {
        const text = attrs.get(key);
        return text === undefined ? undefined : (0,inputs_template/* parseTemplate */.QC)(text, vocabulary, `${key} of ${what}`);
    };
    const priorityText = attrs.get('priority');
    if (priorityText !== undefined && !/^[+-]?\d+$/.test(priorityText)) {
        throw new errors/* ValueError */.Qp(`${what} has priority "${priorityText}", which is not an integer`, 'priority=<integer>, e.g. priority=1000');
    }
    const enable = template('enable') ?? ['true'];
    // An enable without expressions is known now; one with expressions is checked when computed.
    if ((0,inputs_template/* isLiteral */.c$)(enable)) {
        const literal = (0,inputs_template/* renderTemplate */.Xm)(enable, () => '');
        if (literal !== 'true' && literal !== 'false') {
            throw new errors/* ValueError */.Qp(`${what} has enable "${literal}"`, 'enable=true, enable=false or an expression such as enable={{is_default_branch}}');
        }
    }
    const base = {
        line,
        priority: priorityText === undefined ? DEFAULT_PRIORITY[type] : Number(priorityText),
        enable,
        prefix: template('prefix'),
        suffix: template('suffix')
    };
    switch (type) {
        case 'schedule':
            return { ...base, type, pattern: template('pattern', SCHEDULE_EXPRESSIONS) ?? ['nightly'] };
        case 'semver':
        case 'pep440': {
            const pattern = template('pattern', VERSION_EXPRESSIONS);
            if (!pattern) {
                throw new errors/* ValueError */.Qp(`${what} has no pattern`, `type=${type},pattern=… e.g. pattern={{version}}`);
            }
            const matchText = attrs.get('match');
            let match;
            if (matchText) {
                match = compileRegExp(matchText, `match of ${what}`);
                // The version is capture group 1: count the groups by matching the empty alternative.
                if ((new RegExp(`${match.source}|`).exec('')?.length ?? 1) < 2) {
                    throw new errors/* ValueError */.Qp(`match of ${what} has no capture group`, 'a regular expression whose group 1 is the version, e.g. match=app-v(.*)');
                }
            }
            return { ...base, type, pattern, value: template('value') ?? [], match };
        }
        case 'match': {
            const patternText = attrs.get('pattern');
            if (!patternText) {
                throw new errors/* ValueError */.Qp(`${what} has no pattern`, 'type=match,pattern=<regular expression>[,group=<n>]');
            }
            const group = attrs.get('group') ?? '0';
            if (!/^\d+$/.test(group)) {
                throw new errors/* ValueError */.Qp(`${what} has group "${group}", which is not a group number`, 'group=<n>, e.g. group=1');
            }
            return {
                ...base,
                type,
                pattern: compileRegExp(patternText, `pattern of ${what}`),
                group: Number(group),
                value: template('value') ?? []
            };
        }
        case 'edge':
            return { ...base, type, branch: attrs.get('branch') ?? '' };
        case 'ref': {
            const event = attrs.get('event');
            if (event === undefined) {
                throw new errors/* ValueError */.Qp(`${what} has no event`, 'event=branch, event=tag or event=pr');
            }
            if (event !== 'branch' && event !== 'tag' && event !== 'pr') {
                throw new errors/* ValueError */.Qp(`${what} has the unknown event "${event}"`, 'event=branch, event=tag or event=pr');
            }
            // `pr-` is a default the rule owns: a flavor prefix does not replace it (metadata-action).
            return { ...base, type, event, prefix: base.prefix ?? (event === 'pr' ? ['pr-'] : undefined) };
        }
        case 'raw': {
            const value = template('value');
            if (!value)
                throw new errors/* ValueError */.Qp(`${what} has no value`, 'type=raw,value=<tag>');
            return { ...base, type, value };
        }
        case 'sha': {
            const format = attrs.get('format') ?? 'short';
            if (format !== 'short' && format !== 'long') {
                throw new errors/* ValueError */.Qp(`${what} has the unknown format "${format}"`, 'format=short or format=long');
            }
            return { ...base, type, format, prefix: base.prefix ?? ['sha-'] };
        }
    }
}
/**
 * Parses the lines of the `tags` input (empty lines already dropped). Full-line `#` comments are
 * skipped, as metadata-action v6 does. No rule at all means DEFAULT_TAG_RULES.
 */
function parseTagRules(lines) {
    const rules = lines.map(line => line.trim()).filter(line => line && !line.startsWith('#'));
    return (rules.length > 0 ? rules : DEFAULT_TAG_RULES).map(parseTagRule);
}
const FLAVOR_FORM = 'latest=auto|true|false, prefix=<text>[,onlatest=true|false], suffix=<text>[,onlatest=true|false]';
/** Parses the lines of the `flavor` input. Default: `latest=false`, no prefix or suffix. */
function parseFlavor(lines) {
    let latest = 'false';
    let prefix = [];
    let suffix = [];
    let prefixLatest = false;
    let suffixLatest = false;
    for (const line of lines.map(l => l.trim()).filter(l => l && !l.startsWith('#'))) {
        const what = `entry "${line}"`;
        // `onlatest` qualifies the prefix or suffix given before it on the same line.
        let onLatestFor;
        for (const [key, value] of fields(line, what)) {
            switch (key) {
                case undefined:
                    throw new errors/* ValueError */.Qp(`${what} has a field without a key`, FLAVOR_FORM);
                case 'latest':
                    if (value !== 'auto' && value !== 'true' && value !== 'false') {
                        throw new errors/* ValueError */.Qp(`${what} has latest "${value}"`, 'latest=auto, latest=true or latest=false');
                    }
                    latest = value;
                    break;
                case 'prefix':
                    prefix = (0,inputs_template/* parseTemplate */.QC)(value, GLOBAL_EXPRESSIONS, `prefix of ${what}`);
                    onLatestFor = 'prefix';
                    break;
                case 'suffix':
                    suffix = (0,inputs_template/* parseTemplate */.QC)(value, GLOBAL_EXPRESSIONS, `suffix of ${what}`);
                    onLatestFor = 'suffix';
                    break;
                case 'onlatest':
                    if (value !== 'true' && value !== 'false') {
                        throw new errors/* ValueError */.Qp(`${what} has onlatest "${value}"`, 'onlatest=true or onlatest=false');
                    }
                    if (onLatestFor === 'prefix')
                        prefixLatest = value === 'true';
                    else if (onLatestFor === 'suffix')
                        suffixLatest = value === 'true';
                    else
                        throw new errors/* ValueError */.Qp(`${what} has onlatest without a prefix or suffix before it`, FLAVOR_FORM);
                    break;
                default:
                    throw new errors/* ValueError */.Qp(`${what} has the unknown key "${key}"`, FLAVOR_FORM);
            }
        }
    }
    return { latest, prefix, prefixLatest, suffix, suffixLatest };
}

// EXTERNAL MODULE: ./src/inputs/ignore-files.ts
var ignore_files = __webpack_require__(79161);
// EXTERNAL MODULE: ./src/inputs/sigstore-files.ts
var sigstore_files = __webpack_require__(44357);
// EXTERNAL MODULE: ./src/inputs/tools-manifest.ts
var tools_manifest = __webpack_require__(79738);
// EXTERNAL MODULE: ./src/inputs/advice-rules.ts
var advice_rules = __webpack_require__(28859);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
;// CONCATENATED MODULE: ./src/inputs/base-images.ts
/**
 * The two syntaxes of the base-image policy's inputs (the policy stage applies them:
 * src/policy/): `allowed-base-images` globs and `base-image-identities` lines. Parsed with the
 * other inputs, so a malformed glob or an identity without its issuer fails before anything runs.
 */



const GLOB_FORM = 'registry/repository[:tag] globs such as docker.io/library/*, ghcr.io/acme/base-* or node:22*; * stays within a path segment, ** crosses them';
/** Parses one allowed-base-images entry. */
function parseAllowedBase(written) {
    const value = written.trim();
    if (value === '')
        throw new errors/* ValueError */.Qp('an empty entry in the list', GLOB_FORM);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        throw new errors/* ValueError */.Qp(`"${value}" has a URL scheme`, GLOB_FORM);
    }
    if (value.includes('@')) {
        throw new errors/* ValueError */.Qp(`"${value}" has a digest (require pinning with require-base-digest: true)`, GLOB_FORM);
    }
    const colon = value.lastIndexOf(':');
    const hasTag = colon > value.lastIndexOf('/');
    const namePart = hasTag ? value.slice(0, colon) : value;
    const tag = hasTag ? value.slice(colon + 1) : undefined;
    if (!/^[a-z0-9._\-/*?{},[\]!:]+$/.test(namePart)) {
        throw new errors/* ValueError */.Qp(`"${value}" has characters an image name cannot have`, GLOB_FORM);
    }
    if (tag !== undefined && !/^[A-Za-z0-9._\-*?{},[\]!]+$/.test(tag)) {
        throw new errors/* ValueError */.Qp(`"${value}" has a tag pattern a tag cannot match`, GLOB_FORM);
    }
    const name = explicitName(namePart);
    for (const glob of [name, tag]) {
        if (glob === undefined)
            continue;
        try {
            picomatch_default().makeRe(glob, { strictBrackets: true });
        }
        catch (error) {
            throw new errors/* ValueError */.Qp(`"${value}" is not a glob: ${error.message}`, GLOB_FORM);
        }
    }
    return { written: value, name, ...(tag !== undefined ? { tag } : {}) };
}
/** Docker Hub made explicit, as docker names images: `node` → `docker.io/library/node`. */
function explicitName(glob) {
    const slash = glob.indexOf('/');
    const first = slash === -1 ? '' : glob.slice(0, slash);
    // The same rule as reference.ts: a first component with `.` or `:`, or localhost, is a host.
    const hostGiven = /[.:]/.test(first) || first === 'localhost';
    const registry = hostGiven ? (0,reference/* registryOf */.Fv)(glob) : reference/* DOCKER_HUB */.Xb;
    const path = hostGiven ? glob.slice(slash + 1) : glob;
    return `${registry}/${registry === reference/* DOCKER_HUB */.Xb && !path.includes('/') ? `library/${path}` : path}`;
}
const IDENTITY_FORM = 'one per line: identity=<certificate identity> issuer=<OIDC issuer URL> (or identity-regexp=, issuer-regexp=), or key=<public key file>';
const KEYS = ['identity', 'identity-regexp', 'issuer', 'issuer-regexp', 'key'];
/**
 * Parses one base-image-identities line: whitespace-separated key=value fields. `resolveKey`
 * confines a key file to the workspace (the caller's path rule) and returns its real path.
 */
function parseTrustedSigner(line, resolveKey) {
    const fields = new Map();
    for (const field of line.trim().split(/\s+/)) {
        const eq = field.indexOf('=');
        const key = field.slice(0, eq);
        if (eq <= 0 || !KEYS.includes(key)) {
            throw new errors/* ValueError */.Qp(`"${field}" is not one of ${KEYS.map(k => `${k}=`).join(', ')}`, IDENTITY_FORM);
        }
        if (fields.has(key))
            throw new errors/* ValueError */.Qp(`${key}= is given twice in one line`, IDENTITY_FORM);
        const value = field.slice(eq + 1);
        if (value === '')
            throw new errors/* ValueError */.Qp(`${key}= is empty`, IDENTITY_FORM);
        fields.set(key, value);
    }
    const key = fields.get('key');
    if (key !== undefined) {
        if (fields.size > 1) {
            throw new errors/* ValueError */.Qp('a line with key= names nothing else (a key signs without an identity)', IDENTITY_FORM);
        }
        return { kind: 'key', publicKey: resolveKey(key) };
    }
    const identity = fields.get('identity') ?? fields.get('identity-regexp');
    const issuer = fields.get('issuer') ?? fields.get('issuer-regexp');
    if (fields.has('identity') && fields.has('identity-regexp')) {
        throw new errors/* ValueError */.Qp('identity= and identity-regexp= are exclusive', IDENTITY_FORM);
    }
    if (fields.has('issuer') && fields.has('issuer-regexp')) {
        throw new errors/* ValueError */.Qp('issuer= and issuer-regexp= are exclusive', IDENTITY_FORM);
    }
    if (identity === undefined)
        throw new errors/* ValueError */.Qp(`"${line.trim()}" has no identity`, IDENTITY_FORM);
    if (issuer === undefined) {
        throw new errors/* ValueError */.Qp(`identity ${identity} has no issuer (the OIDC provider that vouched for it)`, IDENTITY_FORM);
    }
    for (const [name, value] of [
        ['identity-regexp', fields.get('identity-regexp')],
        ['issuer-regexp', fields.get('issuer-regexp')]
    ]) {
        if (value === undefined)
            continue;
        try {
            new RegExp(value);
        }
        catch {
            throw new errors/* ValueError */.Qp(`${name}=${value} is not a regular expression`, IDENTITY_FORM);
        }
    }
    if (fields.has('issuer') && !/^https:\/\/[^\s/]+/.test(issuer)) {
        throw new errors/* ValueError */.Qp(`issuer ${issuer} is not an https URL`, IDENTITY_FORM);
    }
    return {
        kind: 'identity',
        identity,
        issuer,
        ...(fields.has('identity-regexp') ? { identityRegexp: true } : {}),
        ...(fields.has('issuer-regexp') ? { issuerRegexp: true } : {})
    };
}

// EXTERNAL MODULE: ./src/inputs/yaml.ts
var inputs_yaml = __webpack_require__(88950);
;// CONCATENATED MODULE: ./src/inputs/registry-auth.ts
/**
 * The `registry-auth` input: credentials for several registries, as docker/login-action's input
 * of the same name takes them (a YAML list of `registry`, `username`, `password`; `ecr`). Parsed
 * with the other inputs, so a bad entry fails before anything runs, named by its number; every
 * password is masked the moment the list is read.
 *
 *   registry-auth: |
 *     - registry: ghcr.io
 *       username: ${{ github.actor }}
 *       password: ${{ secrets.GITHUB_TOKEN }}
 *     - registry: 123456789012.dkr.ecr.eu-west-1.amazonaws.com   # AWS credentials of the job
 */



const REGISTRY_AUTH_FORM = 'a YAML list of {registry, username, password[, ecr: auto|true|false]}; an ECR registry may leave out username and password';
const registry_auth_KEYS = new Set(['registry', 'username', 'password', 'ecr']);
/** `mask` is called with each password (and user name) as soon as it is read. */
function parseRegistryAuth(text, mask, yaml) {
    if (text.trim() === '')
        return [];
    const parse = (0,inputs_yaml/* yamlParser */.$z)(yaml);
    let doc;
    try {
        doc = parse(text, { uniqueKeys: true, maxAliasCount: 0 });
    }
    catch (error) {
        // yaml's message quotes the line, which may hold a password: only its position is told.
        const at = error.linePos?.[0]?.line;
        throw new errors/* ValueError */.Qp(`it is not valid YAML${at ? ` (line ${at})` : ''}`, REGISTRY_AUTH_FORM);
    }
    if (!Array.isArray(doc))
        throw new errors/* ValueError */.Qp('it is not a YAML list', REGISTRY_AUTH_FORM);
    // Masked first, all of them: a later entry's error must not print an earlier password.
    for (const entry of doc) {
        const password = entry?.password;
        // A number too: YAML reads `password: 123456` as one, and docker is given its text.
        if ((typeof password === 'string' || typeof password === 'number') && String(password).trim()) {
            mask(String(password).trim());
        }
    }
    const seen = new Map();
    return doc.map((entry, index) => {
        const n = index + 1;
        const fail = (problem) => {
            throw new errors/* ValueError */.Qp(`entry ${n}: ${problem}`, REGISTRY_AUTH_FORM);
        };
        if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
            return fail('is not a mapping of registry, username and password');
        }
        const fields = entry;
        for (const key of Object.keys(fields)) {
            if (!registry_auth_KEYS.has(key))
                fail(`"${key}" is not one of registry, username, password, ecr`);
        }
        const text = (key) => {
            const value = fields[key];
            if (value === undefined || value === null)
                return '';
            // YAML reads `ecr: false` as a boolean and `password: 123456` as a number: both are text here.
            if (!['string', 'number', 'boolean'].includes(typeof value))
                fail(`${key} is not a string`);
            return String(value).trim();
        };
        const written = text('registry');
        if (!written)
            fail('registry is empty');
        const registry = registryHost(written) ??
            fail(`registry "${written}" is not a registry host (such as ghcr.io or localhost:5000)`);
        const username = text('username');
        const password = text('password');
        const ecr = (text('ecr') || 'auto').toLowerCase();
        if (ecr !== 'auto' && ecr !== 'true' && ecr !== 'false')
            fail(`ecr "${ecr}" is not one of auto, true, false`);
        if (Boolean(username) !== Boolean(password)) {
            fail(`${username ? 'password' : 'username'} is empty while ${username ? 'username' : 'password'} is set`);
        }
        if (!username && ecr !== 'true' && (ecr === 'false' || !(0,reference/* ecrRegistry */.gO)(registry))) {
            fail('username and password are empty: only an ECR registry may leave them out');
        }
        const earlier = seen.get(registry);
        if (earlier !== undefined)
            fail(`${registry} is listed already (entry ${earlier})`);
        seen.set(registry, n);
        return { registry, username, password, ecr: ecr };
    });
}
/**
 * A registry as docker login names it: a host and port, Docker Hub's aliases made `docker.io`,
 * an `https://` prefix or a trailing slash dropped; undefined for anything else.
 */
function registryHost(written) {
    const host = written.replace(/^https:\/\//, '').replace(/\/(v1|v2)?\/?$/, '');
    if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/.test(host))
        return undefined;
    const lower = host.toLowerCase();
    // Docker Hub's spellings (reference.ts): `docker.io`, `index.docker.io`, `registry-1.docker.io`.
    return (0,reference/* registryOf */.Fv)(`${lower}/x`) === reference/* DOCKER_HUB */.Xb && lower.includes('docker.io') ? reference/* DOCKER_HUB */.Xb : lower;
}

// EXTERNAL MODULE: ./src/inputs/lifecycle-policy.ts
var lifecycle_policy = __webpack_require__(64332);
// EXTERNAL MODULE: ./src/inputs/platform-descriptor.ts
var platform_descriptor = __webpack_require__(68334);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/inputs/notation.ts
/**
 * The Notation inputs (signer: notation) into one NotationConfig: a PEM key file with its
 * certificate chain, or a plugin's key (AWS Signer, Azure Key Vault); the trust store a
 * signature must chain to, and the trusted identity the trust policy names. Defaults come from
 * the chain itself (its root, its leaf's subject), so a key and its chain are all a user gives.
 */


/** Notary Project trust policies refuse an identity without these attributes. */
const REQUIRED_ATTRIBUTES = ['C', 'ST', 'O'];
/** AWS Signer's plugin verifies against its signing authority, not a CA (AWS Signer docs). */
const SIGNING_AUTHORITY_PLUGINS = ['com.amazonaws.signer.notation.plugin'];
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
/** The certificates of a PEM text, parsed; a text with none or a broken one is refused. */
function pemCertificates(pem, what) {
    const blocks = pem.match(PEM_CERTIFICATE) ?? [];
    if (blocks.length === 0)
        throw new errors/* ValueError */.Qp(`${what} holds no PEM certificate`, 'PEM certificates');
    return blocks.map((block, i) => {
        try {
            return new external_node_crypto_.X509Certificate(block);
        }
        catch (error) {
            throw new errors/* ValueError */.Qp(`certificate ${i + 1} of ${what} cannot be read (${error.message})`, 'PEM certificates');
        }
    });
}
/** A certificate's subject as a trust policy writes it: `x509.subject: C=US, ST=WA, O=Acme`. */
function trustedIdentity(certificate) {
    return `x509.subject: ${certificate.subject.split('\n').join(', ')}`;
}
/** `x509.subject: …` with C, ST and O, as Notation requires; `*` is refused on purpose. */
function checkIdentity(identity) {
    const form = 'x509.subject: C=…, ST=…, O=…[, CN=…]';
    const match = /^x509\.subject:\s*(.+)$/.exec(identity.trim());
    if (!match)
        throw new errors/* ValueError */.Qp(`"${identity}" is not an x509.subject identity`, form);
    const attributes = new Set(match[1].split(',').map(part => part.split('=')[0]?.trim().toUpperCase()));
    const missing = REQUIRED_ATTRIBUTES.filter(a => !attributes.has(a));
    if (missing.length > 0) {
        throw new errors/* ValueError */.Qp(`"${identity}" lacks ${missing.join(', ')}, which a Notary Project trust policy requires`, form);
    }
    return `x509.subject: ${match[1].trim()}`;
}
/** `key=value` lines of notation-plugin-config. */
function parsePluginConfig(lines) {
    const config = {};
    for (const line of lines) {
        const at = line.indexOf('=');
        const key = line.slice(0, at).trim();
        if (at <= 0 || !/^[A-Za-z0-9_.-]+$/.test(key)) {
            throw new errors/* ValueError */.Qp(`"${line}" is not key=value`, 'key=value, one a line');
        }
        config[key] = line.slice(at + 1).trim();
    }
    return config;
}
/** What the inputs say, checked together; `fail(input, problem, accepted)` names the input. */
function notationConfig(given, fail) {
    let key;
    let chain = [];
    if (given.plugin) {
        if (!given.key)
            fail('notation-key', 'it is empty, and notation-plugin needs the key ID', "the plugin's key ID (an AWS Signer profile ARN, a Key Vault key URL)");
        key = { kind: 'plugin', plugin: given.plugin, id: given.key, config: given.pluginConfig };
    }
    else {
        if (!given.keyFile)
            fail('notation-key', 'signer is notation, and no key is given', 'a PEM private key file, or notation-plugin with its key ID');
        if (!given.certificatePem || !given.certificateFile) {
            fail('notation-certificate', 'notation-key is a key file, and its certificate chain is not given', 'a PEM certificate chain file, leaf first');
        }
        chain = pemCertificates(given.certificatePem, 'notation-certificate');
        key = {
            kind: 'file',
            path: given.keyFile,
            certificate: given.certificateFile
        };
    }
    const type = SIGNING_AUTHORITY_PLUGINS.includes(given.plugin) ? 'signingAuthority' : 'ca';
    let trustStore;
    if (given.trustStorePem && given.trustStoreFile) {
        pemCertificates(given.trustStorePem, 'notation-trust-store');
        trustStore = { pem: given.trustStorePem, type, source: given.trustStoreFile };
    }
    else if (chain.length > 0) {
        const root = chain[chain.length - 1];
        trustStore = {
            pem: root.toString(),
            type,
            source: `the root of ${given.certificateName ?? given.certificateFile}`
        };
    }
    else {
        return fail('notation-trust-store', 'it is empty, and a plugin key has no chain to take a root from', "a PEM file of the certificates the plugin's signatures chain to");
    }
    let identity = given.identity;
    if (!identity) {
        if (!chain[0]) {
            return fail('notation-identity', 'it is empty, and a plugin key has no certificate to name it', 'x509.subject: C=…, ST=…, O=…');
        }
        identity = trustedIdentity(chain[0]);
    }
    return { version: given.version, key, trustStore, identity: checkIdentity(identity) };
}

;// CONCATENATED MODULE: ./src/inputs/provenance.ts
/**
 * The `provenance` input in docker/build-push-action's spellings (docker/actions-toolkit
 * 3d440bee, src/buildx/build.ts: getProvenanceInput, resolveProvenanceAttrs): empty for the
 * default, a boolean (`true` is buildx's `--provenance=true`, mode=min), or buildx's attributes
 * (`mode=max`, `mode=min,inline-only=true`, `builder-id=…`); and this action's own `max`, `min`.
 * Parsed into what the build needs (image-build/args.ts resolves it against the repository).
 */


const PROVENANCE_FORM = 'empty (max for a public repository, min for a private one), true, false, max, min, or buildx attributes mode=min|max, inline-only=true|false, builder-id=<URL>';
/** @actions/core's getBooleanInput: the YAML 1.2 core schema's spellings. */
const YAML_TRUE = ['true', 'True', 'TRUE'];
const YAML_FALSE = ['false', 'False', 'FALSE'];
function parseProvenance(raw) {
    const value = raw.trim();
    if (value === '')
        return { kind: 'auto' };
    if (YAML_TRUE.includes(value))
        return { kind: 'on', mode: 'min' };
    if (YAML_FALSE.includes(value))
        return { kind: 'off' };
    if (value === 'max' || value === 'min')
        return { kind: 'on', mode: value };
    const out = { kind: 'on', mode: 'min' };
    for (const field of value.split(',')) {
        const at = field.indexOf('=');
        if (at < 0)
            throw new errors/* ValueError */.Qp(`"${field.trim()}" is not an attribute=value`, PROVENANCE_FORM);
        const key = field.slice(0, at).trim();
        const attr = field.slice(at + 1).trim();
        if (key === 'mode') {
            if (attr !== 'min' && attr !== 'max') {
                throw new errors/* ValueError */.Qp(`mode "${attr}" is not min or max`, PROVENANCE_FORM);
            }
            out.mode = attr;
        }
        else if (key === 'inline-only' || key === 'disabled') {
            const on = (0,context/* parseGoBool */.MY)(attr);
            if (on === undefined)
                throw new errors/* ValueError */.Qp(`${key} "${attr}" is not a boolean`, PROVENANCE_FORM);
            if (key === 'disabled' && on)
                return { kind: 'off' };
            if (key === 'inline-only')
                out.inlineOnly = on;
        }
        else if (key === 'builder-id') {
            if (!/^https?:\/\/[^\s,]+$/.test(attr)) {
                throw new errors/* ValueError */.Qp(`builder-id "${attr}" is not an http(s) URL`, PROVENANCE_FORM);
            }
            out.builderId = attr;
        }
        else {
            throw new errors/* ValueError */.Qp(`"${key}" is not a provenance attribute this action passes`, PROVENANCE_FORM);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __webpack_require__(73529);
// EXTERNAL MODULE: ./src/digest.ts
var src_digest = __webpack_require__(12187);
;// CONCATENATED MODULE: ./src/inputs/validators.ts
/**
 * Pure checks of one input value each. They throw ValueError (problem + accepted form); the
 * caller adds the input's name. None of them touches the file system or starts a process.
 */




// docker/distribution reference grammar (reference/regexp.go), name part only.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const MAX_NAME_LENGTH = 255;
const IMAGE_FORM = 'an image name with its registry and without tag or digest, such as ghcr.io/owner/app or docker.io/user/app';
/**
 * An image name without tag or digest; case is checked after lowercasing, as docker's actions do.
 * It must also be a name the publish stage can push (reference.ts PUBLISHABLE_IMAGE), so
 * that a name the push would refuse is refused here, before the build.
 */
function checkImageName(value) {
    if (value === '')
        throw new errors/* ValueError */.Qp('an empty entry in the list', IMAGE_FORM);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        throw new errors/* ValueError */.Qp(`"${value}" has a URL scheme`, IMAGE_FORM);
    }
    if (value.includes('@')) {
        throw new errors/* ValueError */.Qp(`"${value}" has a digest`, IMAGE_FORM);
    }
    const lastSlash = value.lastIndexOf('/');
    if (value.slice(lastSlash + 1).includes(':')) {
        throw new errors/* ValueError */.Qp(`"${value}" has a tag (tags come from the "tags" input)`, IMAGE_FORM);
    }
    const lower = value.toLowerCase();
    if (!IMAGE_NAME.test(lower) || lower.length > MAX_NAME_LENGTH) {
        throw new errors/* ValueError */.Qp(`"${value}" is not a valid image name`, IMAGE_FORM);
    }
    if (!lower.includes('/')) {
        throw new errors/* ValueError */.Qp(`"${value}" names no registry: docker would read it as docker.io/library/${lower}, where only Docker Hub's official images live`, IMAGE_FORM);
    }
    if (lower.startsWith('[')) {
        throw new errors/* ValueError */.Qp(`"${value}" names its registry by an IPv6 address, which the push (skopeo) cannot address`, `${IMAGE_FORM}; give the registry a host name`);
    }
    if (!reference/* PUBLISHABLE_IMAGE */.Y_.test(lower)) {
        throw new errors/* ValueError */.Qp(`"${value}" is not a name the push can use`, IMAGE_FORM);
    }
    return lower;
}
const PINNED_IMAGE_FORM = 'an image pinned by digest, name[:tag]@sha256:<64 hex>, such as docker.io/tonistiigi/binfmt:qemu-v10.2.3@sha256:…';
/**
 * An image run with privileges (the binfmt installer): only by digest, so that what runs is
 * what was chosen, whatever the tag points at today.
 */
function checkPinnedImage(value) {
    const at = value.indexOf('@');
    if (at < 0)
        throw new errors/* ValueError */.Qp(`"${value}" is not pinned by digest`, PINNED_IMAGE_FORM);
    const digest = value.slice(at + 1);
    if (!(0,src_digest/* isDigest */.Bc)(digest)) {
        throw new errors/* ValueError */.Qp(`"${value}" has no sha256 digest`, PINNED_IMAGE_FORM);
    }
    if (!isNameWithOptionalTag(value.slice(0, at))) {
        throw new errors/* ValueError */.Qp(`"${value}" is not a valid image reference`, PINNED_IMAGE_FORM);
    }
    return value;
}
/** `name` or `name:tag` (the tag after the last `/`, so a registry port is not taken for one). */
function isNameWithOptionalTag(value) {
    const colon = value.indexOf(':', value.lastIndexOf('/') + 1);
    if (colon < 0)
        return IMAGE_NAME.test(value);
    return IMAGE_NAME.test(value.slice(0, colon)) && TAG.test(value.slice(colon + 1));
}
const CONTROL_NAMES = {
    0x00: 'a NUL',
    0x0a: 'a line break (LF)',
    0x0d: 'a carriage return (CR)',
    0x1b: 'an escape (ESC)',
    0x2028: 'a line separator (U+2028)',
    0x2029: 'a paragraph separator (U+2029)'
};
/**
 * Refuses control characters in an input's raw value (invariant 13, docs/design.md): the runner reads a
 * lone CR as the end of a line, so `a=b\r::warning ...` in a label would become a workflow
 * command wherever the value is printed. LF is allowed only where it separates list items
 * (`lines`); tab is allowed everywhere. The value itself is not quoted: it may be a secret.
 */
function checkControlCharacters(value, { lines }) {
    for (let i = 0; i < value.length; i++) {
        const char = value[i];
        if (char === '\n' ? lines : !log_text/* CONTROL_CHARACTER */.g.test(char))
            continue;
        const code = char.charCodeAt(0);
        const name = CONTROL_NAMES[code] ??
            `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
        throw new errors/* ValueError */.Qp(`it contains ${name} at character ${i + 1}`, lines
            ? 'text without control characters, one list item a line'
            : 'one line of text without control characters');
    }
}
/** A repository with a tag, such as mirror.gcr.io/aquasec/trivy-db:2 */
function checkTaggedRepository(value) {
    const accepted = 'a repository with a tag, such as mirror.gcr.io/aquasec/trivy-db:2';
    if (!isNameWithOptionalTag(value)) {
        throw new errors/* ValueError */.Qp(`"${value}" is not a valid repository reference`, accepted);
    }
    return value;
}
// Platforms buildx/QEMU can target; an unknown one is almost always a typo.
const OPERATING_SYSTEMS = ['linux', 'windows', 'darwin', 'freebsd'];
const ARCH_VARIANTS = {
    amd64: ['v1', 'v2', 'v3', 'v4'],
    arm64: ['v8'],
    arm: ['v5', 'v6', 'v7'],
    '386': [],
    ppc64le: [],
    s390x: [],
    riscv64: [],
    mips64le: [],
    mips64: [],
    loong64: []
};
const PLATFORM_FORM = 'os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7';
function checkPlatform(value) {
    if (value === '')
        throw new errors/* ValueError */.Qp('an empty entry in the list', PLATFORM_FORM);
    const parts = value.split('/');
    const [os = '', arch = '', variant] = parts;
    if (parts.length < 2 || parts.length > 3) {
        throw new errors/* ValueError */.Qp(`"${value}" is not os/arch[/variant]`, PLATFORM_FORM);
    }
    if (!OPERATING_SYSTEMS.includes(os)) {
        throw new errors/* ValueError */.Qp(`"${value}" has unknown os "${os}"`, `${PLATFORM_FORM} (os: ${OPERATING_SYSTEMS.join(', ')})`);
    }
    const variants = ARCH_VARIANTS[arch];
    if (!variants) {
        throw new errors/* ValueError */.Qp(`"${value}" has unknown architecture "${arch}"`, `${PLATFORM_FORM} (arch: ${Object.keys(ARCH_VARIANTS).join(', ')})`);
    }
    if (variant !== undefined && !variants.includes(variant)) {
        throw new errors/* ValueError */.Qp(`"${value}" has unknown variant "${variant}" for ${arch}`, variants.length ? `one of ${variants.join(', ')}` : `${os}/${arch} without variant`);
    }
    return value;
}
function checkNoDuplicates(values, what) {
    const seen = new Set();
    for (const value of values) {
        if (seen.has(value))
            throw new errors/* ValueError */.Qp(`${what} "${value}" is listed twice`, 'each once');
        seen.add(value);
    }
}
function checkChoice(value, choices) {
    const lower = value.trim().toLowerCase();
    const match = choices.find(choice => choice === lower);
    if (match === undefined) {
        throw new errors/* ValueError */.Qp(`"${value}" is not allowed`, `one of ${choices.join(', ')}`);
    }
    return match;
}
/** YAML 1.2 core schema booleans, as core.getBooleanInput accepts. */
function checkBoolean(value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new errors/* ValueError */.Qp(`"${value}" is not a boolean`, 'true or false');
}
/**
 * A value that becomes a command-line argument on its own (a path, a name): one starting with
 * `-` would be read as a flag by docker, trivy or cosign.
 */
function checkNotFlag(value, accepted) {
    if (value.startsWith('-'))
        throw new errors/* ValueError */.Qp(`"${value}" starts with "-"`, accepted);
    if (/[\0\r\n]/.test(value))
        throw new errors/* ValueError */.Qp('it contains a control character', accepted);
    return value;
}
// Dockerfile ARG names: shell-variable names.
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BUILD_ARG_FORM = 'KEY=value with KEY a valid ARG name ([A-Za-z_][A-Za-z0-9_]*)';
function checkBuildArg(item) {
    const at = item.indexOf('=');
    if (at < 0)
        throw new errors/* ValueError */.Qp(`"${item}" has no "="`, BUILD_ARG_FORM);
    const name = item.slice(0, at).trim();
    if (!ARG_NAME.test(name)) {
        throw new errors/* ValueError */.Qp(`"${name}" is not a valid ARG name`, BUILD_ARG_FORM);
    }
    return { name, value: item.slice(at + 1) };
}
// BuildKit secret ids end up as file names under /run/secrets.
const SECRET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const SECRET_FORM = 'id=value with id made of letters, digits, "_", "." and "-"';
function checkSecret(item) {
    const at = item.indexOf('=');
    // The value is never echoed: it is a secret.
    if (at < 0)
        throw new errors/* ValueError */.Qp('an entry has no "="', SECRET_FORM);
    const id = item.slice(0, at).trim();
    if (!SECRET_ID.test(id))
        throw new errors/* ValueError */.Qp(`secret id "${id}" is not valid`, SECRET_FORM);
    return { id, value: item.slice(at + 1) };
}
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const LABEL_FORM = 'key=value with a key such as org.opencontainers.image.vendor';
function checkLabel(item) {
    const at = item.indexOf('=');
    if (at < 0)
        throw new errors/* ValueError */.Qp(`"${item}" has no "="`, LABEL_FORM);
    const key = item.slice(0, at).trim();
    if (!LABEL_KEY.test(key))
        throw new errors/* ValueError */.Qp(`label key "${key}" is not valid`, LABEL_FORM);
    return { key, value: item.slice(at + 1) };
}
const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
const ANNOTATION = new RegExp(`^(?:(?:${ANNOTATION_LEVELS.join('|')})(?:\\[[a-z0-9]+/[a-z0-9]+(?:/[a-z0-9]+)?\\])?(?:,(?:${ANNOTATION_LEVELS.join('|')}))*:)?[A-Za-z0-9][A-Za-z0-9._/-]*=`);
const ANNOTATION_FORM = `[level:]key=value with level among ${ANNOTATION_LEVELS.join(', ')}`;
function checkAnnotation(item) {
    if (!ANNOTATION.test(item))
        throw new errors/* ValueError */.Qp(`"${item}" is not valid`, ANNOTATION_FORM);
    return item;
}
const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function checkNetwork(value) {
    if (!NETWORK.test(value)) {
        throw new errors/* ValueError */.Qp(`"${value}" is not a network name`, 'default, host, none, or a network name');
    }
    return value;
}
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function checkTarget(value) {
    if (!STAGE.test(value)) {
        throw new errors/* ValueError */.Qp(`"${value}" is not a stage name`, 'a Dockerfile stage name (FROM … AS name)');
    }
    return value;
}
/**
 * An exact release version. `latest` (or a range) is refused: a moving version is how the
 * compromised Trivy 0.69.4 reached pipelines in 2026.
 */
function checkExactVersion(value, example) {
    const accepted = `an exact version such as ${example}`;
    if (value.trim().toLowerCase() === 'latest') {
        throw new errors/* ValueError */.Qp('"latest" is refused: tools are pinned by version and SHA-256', accepted);
    }
    if (!/^v?\d+\.\d+\.\d+$/.test(value)) {
        throw new errors/* ValueError */.Qp(`"${value}" is not an exact version`, accepted);
    }
    return value;
}
const DURATION_UNITS = { h: 3_600_000, m: 60_000, s: 1000 };
/** Bounds of scan-timeout: less than 30 s cannot scan anything; more than 6 h is a job's limit. */
const DURATION_LIMITS = { minMs: 30_000, maxMs: 6 * 3_600_000 };
/** A Go-style duration as Trivy's --timeout takes it (`90s`, `10m`, `1h30m`), in ms. */
function checkDuration(value) {
    const accepted = 'a duration such as 10m, 90s or 1h30m, between 30s and 6h';
    if (!/^(\d+h)?(\d+m)?(\d+s)?$/.test(value) || value === '') {
        throw new errors/* ValueError */.Qp(`"${value}" is not a duration`, accepted);
    }
    let ms = 0;
    for (const [, n, unit] of value.matchAll(/(\d+)([hms])/g)) {
        ms += Number(n) * (DURATION_UNITS[unit ?? 's'] ?? 0);
    }
    if (ms < DURATION_LIMITS.minMs || ms > DURATION_LIMITS.maxMs) {
        throw new errors/* ValueError */.Qp(`"${value}" is out of range`, accepted);
    }
    return ms;
}
function checkHttpUrl(value) {
    const accepted = 'an http(s) base URL such as https://github.example.com';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* ValueError */.Qp(`"${value}" is not a URL`, accepted);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new errors/* ValueError */.Qp(`"${value}" is not http(s)`, accepted);
    }
    if (url.search || url.hash)
        throw new errors/* ValueError */.Qp(`"${value}" has a query or fragment`, accepted);
    return value.replace(/\/+$/, '');
}
const CATEGORY_FORM = 'a code scanning category such as container-image/{platform}; {platform} is the only placeholder';
function checkSarifCategory(value, platformCount) {
    const placeholders = value.match(/\{[^}]*\}/g) ?? [];
    const unknown = placeholders.find(p => p !== '{platform}');
    if (unknown)
        throw new errors/* ValueError */.Qp(`unknown placeholder ${unknown}`, CATEGORY_FORM);
    if (/[{}]/.test(value.replace(/\{platform\}/g, ''))) {
        throw new errors/* ValueError */.Qp(`"${value}" has an unbalanced brace`, CATEGORY_FORM);
    }
    // Code scanning rejects two runs with one category in one upload: with several platforms
    // (the default), a category without the placeholder gets one per platform (invariant 10).
    if (platformCount > 1 && !value.includes('{platform}'))
        return `${value}/{platform}`;
    return value;
}
const KMS_SCHEMES = ['awskms://', 'gcpkms://', 'azurekms://', 'hashivault://', 'k8s://', 'pkcs11:'];
function classifyCosignKey(value) {
    if (value.includes('-----BEGIN')) {
        if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) {
            throw new errors/* ValueError */.Qp('the PEM content is not a private key', 'a cosign private key');
        }
        return { kind: 'pem', value };
    }
    if (KMS_SCHEMES.some(scheme => value.startsWith(scheme)))
        return { kind: 'kms', value };
    checkNotFlag(value, 'a key file path, PEM content, or a KMS URI (awskms://, gcpkms://, …)');
    return { kind: 'file', value };
}

;// CONCATENATED MODULE: ./src/inputs/table.ts
/**
 * Every input of action.yml, in one place: what it accepts (the form an error names, and the
 * README's input table shows), the words it may be when it is one of a few (its parser is then
 * `Inputs.choice`, index.ts), the default applied to an empty value (a runner always passes
 * action.yml's default, but a test or a caller with `images: ''` must get the same behaviour),
 * what that default becomes when it depends on other inputs, whether the value may span lines
 * (a list, a PEM key; every other input is one line), and whether it is a secret (masked the
 * moment it is read). action.yml holds the descriptions. From this table come: the defaults,
 * the control-character rule and the masking (index.ts), the README's input table
 * (scripts/readme-tables.ts), and the test that action.yml declares exactly these names and
 * defaults (__tests__/unit/inputs.test.ts). The parsers of the other inputs are in index.ts,
 * one group per stage.
 */









const MODE = ['auto', 'true', 'false'];
const BOOLEAN = 'true or false';
const list = (form) => `one or more, by line or comma: ${form}`;
const lines = (form) => `one per line: ${form}`;
/** Stage 12's second part: off, the plan in the summary, or the plan carried out. */
const RETENTION = ['off', 'dry-run', 'apply'];
const INPUTS = {
    images: {
        default: '',
        accepts: list(IMAGE_FORM),
        derived: 'ghcr.io/<owner>/<repo>, lowercased',
        lines: true
    },
    context: {
        default: '.',
        accepts: "a directory in the workspace, a Git URL, or {{defaultContext}}[:subdir] (this repository at the run's commit, as build-push-action)"
    },
    file: {
        default: '',
        accepts: 'the path of a Dockerfile in the workspace',
        derived: '<context>/Dockerfile'
    },
    target: { default: '', accepts: 'a Dockerfile stage name (FROM … AS name)' },
    'build-args': { default: '', accepts: lines(BUILD_ARG_FORM), lines: true },
    secrets: { default: '', accepts: lines(SECRET_FORM), lines: true },
    labels: { default: '', accepts: lines(LABEL_FORM), lines: true },
    annotations: { default: '', accepts: lines(ANNOTATION_FORM), lines: true },
    network: { default: '', accepts: 'default, host, none, or a network name' },
    'no-cache': { default: 'false', accepts: BOOLEAN },
    'binfmt-image': {
        default: 'docker.io/tonistiigi/binfmt:qemu-v10.2.3@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0',
        accepts: PINNED_IMAGE_FORM
    },
    platforms: { default: 'linux/amd64,linux/arm64', accepts: list(PLATFORM_FORM), lines: true },
    push: { default: 'auto', accepts: 'auto, true or false', choices: MODE },
    tags: {
        default: '',
        accepts: lines('docker/metadata-action tag rules (type=semver,pattern={{version}}, …)'),
        derived: 'the event’s tags, as docker/metadata-action’s defaults',
        lines: true
    },
    flavor: { default: 'latest=false', accepts: lines(FLAVOR_FORM), lines: true },
    cache: {
        default: 'gha',
        accepts: 'gha, registry or none',
        choices: ['gha', 'registry', 'none'],
        derived: 'none when the runner offers no GitHub Actions cache service'
    },
    provenance: {
        default: '',
        accepts: PROVENANCE_FORM,
        derived: 'max for a public repository, min for a private one; none when BUILDX_NO_DEFAULT_ATTESTATIONS is true'
    },
    'registry-username': { default: '', accepts: 'a user name, with registry-password' },
    'registry-password': {
        default: '',
        accepts: 'a password or token, with registry-username',
        secret: true
    },
    'registry-auth': {
        default: '',
        accepts: REGISTRY_AUTH_FORM,
        derived: 'GHCR with github-token; other registries as configured before this step',
        lines: true
    },
    // action.yml's default is `${{ github.token }}`, which only the runner can fill in.
    'github-token': { default: '', accepts: 'a GitHub token', secret: true },
    scan: { default: 'true', accepts: BOOLEAN },
    'fail-on': {
        default: 'high',
        accepts: 'critical, high, medium, low or none',
        choices: ['critical', 'high', 'medium', 'low', 'none']
    },
    'ignore-unfixed': { default: 'false', accepts: BOOLEAN },
    scanners: {
        default: 'vuln,secret',
        accepts: 'vuln, secret, or both (comma or newline separated)'
    },
    'fail-on-secrets': { default: 'true', accepts: BOOLEAN },
    'secret-config': {
        default: '',
        accepts: 'a trivy-secret.yaml file in the workspace',
        derived: 'trivy-secret.yaml at the workspace root, if present'
    },
    'dockerfile-checks': { default: 'true', accepts: BOOLEAN },
    'fail-on-misconfig': {
        default: 'false',
        accepts: 'critical, high, medium, low or false',
        choices: ['critical', 'high', 'medium', 'low', 'false']
    },
    trivyignore: {
        default: '',
        accepts: list('.trivyignore or .trivyignore.yaml files in the workspace'),
        derived: '.trivyignore and .trivyignore.yaml at the workspace root, if present',
        lines: true
    },
    'scan-timeout': { default: '10m', accepts: 'a duration such as 10m, 90s or 1h30m, 30s to 6h' },
    'trivy-version': { default: '0.74.0', accepts: 'an exact version such as 0.74.0' },
    'trivy-db-repositories': {
        default: 'mirror.gcr.io/aquasec/trivy-db:2\nghcr.io/aquasecurity/trivy-db:2\npublic.ecr.aws/aquasecurity/trivy-db:2',
        accepts: list('a repository with a tag, such as mirror.gcr.io/aquasec/trivy-db:2'),
        lines: true
    },
    'upload-sarif': {
        default: 'auto',
        accepts: 'auto, true or false (true needs scan)',
        choices: MODE,
        derived: 'upload when the token may; skipped with a warning on a fork pull request'
    },
    'sarif-category': {
        default: 'container-image/{platform}',
        accepts: CATEGORY_FORM,
        derived: 'a category without {platform} gets /{platform} with several platforms'
    },
    sign: {
        default: 'auto',
        accepts: 'auto, true or false',
        choices: MODE,
        derived: 'sign whatever is pushed: with cosign-key if set, else keyless'
    },
    signer: {
        default: 'cosign',
        accepts: 'cosign or notation',
        choices: ['cosign', 'notation']
    },
    'cosign-version': { default: 'v3.0.6', accepts: 'an exact cosign 2.x or 3.x version' },
    'notation-version': { default: '1.3.2', accepts: 'an exact Notation 1.x version' },
    'notation-key': {
        default: '',
        accepts: 'a PEM private key file (in the workspace or RUNNER_TEMP), or with notation-plugin the key ID the plugin names'
    },
    'notation-certificate': {
        default: '',
        accepts: 'a PEM certificate chain file, leaf first, for a notation-key file'
    },
    'notation-plugin': {
        default: '',
        accepts: 'a Notation plugin installed on the runner, e.g. com.amazonaws.signer.notation.plugin or azure-kv'
    },
    'notation-plugin-config': {
        default: '',
        accepts: 'key=value, one a line: passed to the plugin',
        lines: true
    },
    'notation-trust-store': {
        default: '',
        accepts: 'a PEM file of the certificates a signature must chain to',
        derived: "the root (last certificate) of notation-certificate's chain"
    },
    'notation-identity': {
        default: '',
        accepts: 'x509.subject: C=…, ST=…, O=…[, CN=…] (the trusted identity of the trust policy)',
        derived: "the subject of notation-certificate's leaf"
    },
    'cosign-key': {
        default: '',
        accepts: 'a PEM private key, a key file in the workspace, or a KMS URI',
        lines: true
    },
    'cosign-password': { default: '', accepts: 'the key’s password, with cosign-key', secret: true },
    'signature-format': {
        default: 'auto',
        accepts: 'auto, bundle, legacy or both (bundle and both need cosign 3)',
        choices: ['auto', 'bundle', 'legacy', 'both'],
        derived: 'bundle with cosign 3, legacy with cosign 2'
    },
    attest: {
        default: 'auto',
        accepts: 'auto, none, or a list of sbom and vuln (they need scan and sign)',
        derived: 'sbom,vuln when the run scans and may sign, else none',
        lines: true
    },
    'sign-recursive': { default: 'true', accepts: BOOLEAN },
    'transparency-log': {
        default: 'auto',
        accepts: 'auto, true or false',
        choices: MODE,
        derived: 'true for a public repository; a private one signs keyless only with your own Sigstore or true'
    },
    'sigstore-signing-config': {
        default: '',
        accepts: 'a signing config JSON file in the workspace, with sigstore-trusted-root'
    },
    'sigstore-trusted-root': {
        default: '',
        accepts: 'a trusted root JSON file in the workspace, with sigstore-signing-config'
    },
    'base-image-policy': {
        default: 'warn',
        accepts: 'off, warn or enforce',
        choices: ['off', 'warn', 'enforce']
    },
    'allowed-base-images': {
        default: '',
        accepts: list(GLOB_FORM),
        derived: 'any image',
        lines: true
    },
    'require-base-digest': { default: 'false', accepts: BOOLEAN },
    'base-image-identities': { default: '', accepts: IDENTITY_FORM, lines: true },
    'base-image-freshness': {
        default: 'warn',
        accepts: 'off, warn or enforce',
        choices: ['off', 'warn', 'enforce']
    },
    'dockerfile-advice': { default: 'true', accepts: BOOLEAN },
    'dockerfile-advice-ignore': {
        default: '',
        accepts: list(`rule IDs among ${advice_rules/* ADVICE_RULE_IDS */.U.join(', ')}`),
        lines: true
    },
    'fan-out': {
        default: 'off',
        accepts: 'off, platform or merge',
        choices: ['off', 'platform', 'merge'],
        derived: 'off: one job builds every platform; platform: a matrix job builds, scans and pushes one by digest; merge: the last job merges, signs and tags'
    },
    digests: { default: '', accepts: platform_descriptor/* DESCRIPTOR_FORM */.B7, lines: true },
    'lifecycle-policy': { default: '', accepts: lifecycle_policy/* LIFECYCLE_FORM */.YW, lines: true },
    'ghcr-retention': {
        default: 'off',
        accepts: 'off, dry-run or apply',
        choices: RETENTION
    },
    'registry-retention': {
        default: 'off',
        accepts: 'off, dry-run or apply',
        choices: RETENTION
    },
    'tools-mirror': {
        default: '',
        accepts: 'an http(s) base URL such as https://mirror.example.com'
    },
    'tools-manifest': {
        default: '',
        accepts: `a JSON or YAML file in the workspace: ${tools_manifest/* MANIFEST_FORM */.NN}`
    },
    summary: { default: 'true', accepts: BOOLEAN }
};
const INPUT_NAMES = Object.keys(INPUTS);
function inputSpec(name) {
    return INPUTS[name];
}

;// CONCATENATED MODULE: ./src/inputs/lists.ts


const TOOLKIT_LIST_FORM = 'one item a line (or comma-separated), "quoted" when an item holds a comma or spans lines';
/**
 * Splits a list input the way docker's actions do (actions-toolkit `Util.getInputList`): one
 * item a line, and on each line comma-separated items, CSV-quoted when an item holds a comma
 * (`"a,b",c`). With `comma: false` only newlines separate, for values that may hold commas
 * (build-args, labels, tag rules).
 *
 * Empty items are kept as '' so that the caller can refuse `linux/amd64,,linux/arm64` instead
 * of silently dropping the hole; blank lines are dropped.
 */
function splitList(value, { comma }) {
    if (value.trim() === '')
        return [];
    const lines = value.split(/\r?\n/).filter(line => line.trim() !== '');
    if (!comma)
        return lines.map(line => line.trim());
    const items = [];
    for (const line of lines) {
        const records = (0,sync/* parse */.qg)(line, {
            relaxQuotes: true,
            relaxColumnCount: true,
            skipEmptyLines: true,
            trim: true
        });
        for (const record of records)
            items.push(...record.map(item => item.trim()));
    }
    return items;
}
/**
 * A list input of the inputs docker/build-push-action also has (platforms, build-args, secrets,
 * labels, annotations), parsed as its actions-toolkit does (`Util.getList`, src/util.ts of
 * docker/actions-toolkit at 3d440bee): the whole value is CSV, so a quoted item may span lines
 * (an SSH or GPG key in `secrets`, `"MULTILINE=a\nb"` in build-args) and `""` is a quote inside
 * one; a record of one field is split at commas unless `ignoreComma`; a record of several is
 * its fields, or with `ignoreComma` the fields joined again; empty items are dropped (a trailing
 * comma is no error), the rest trimmed. __tests__/unit/inputs/toolkit-lists.test.ts replays the
 * toolkit's own cases.
 */
function toolkitList(value, { ignoreComma }) {
    if (value === '')
        return [];
    let records;
    try {
        records = (0,sync/* parse */.qg)(value, {
            columns: false,
            relaxQuotes: true,
            relaxColumnCount: true,
            skipEmptyLines: true
        });
    }
    catch (error) {
        // Never the parser's message: it may quote the value, and the value may be a secret.
        const code = error.code;
        throw new errors/* ValueError */.Qp(code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quote is not closed' : 'it is not a valid CSV list', TOOLKIT_LIST_FORM);
    }
    const items = [];
    for (const record of records) {
        if (record.length === 1) {
            const [only = ''] = record;
            items.push(...(ignoreComma ? [only] : only.split(',')));
        }
        else if (!ignoreComma)
            items.push(...record);
        else
            items.push(record.join(','));
    }
    return items.filter(item => item).map(item => item.trim());
}
/** Splits `key=value` at the first `=`; the value may itself contain `=`. */
function splitKeyValue(item) {
    const at = item.indexOf('=');
    if (at < 0)
        return undefined;
    return { key: item.slice(0, at).trim(), value: item.slice(at + 1) };
}

// EXTERNAL MODULE: ./src/inputs/paths.ts
var paths = __webpack_require__(27981);
;// CONCATENATED MODULE: ./src/inputs/index.ts





















const ATTESTATIONS = ['sbom', 'vuln'];
const ATTEST_FORM = 'auto, none, or a list of sbom and vuln';
/** Read when `trivyignore` is empty, as Trivy itself reads `.trivyignore` from its directory. */
const DEFAULT_IGNORE_FILES = ['.trivyignore', '.trivyignore.yaml'];
/** Inputs whose value may span lines (table.ts): the lists and a PEM key. */
const MULTILINE_INPUTS = new Set(INPUT_NAMES.filter(name => inputSpec(name).lines));
const GIT_CONTEXT = /^(https?:\/\/|git@|git:\/\/)/;
/**
 * How every input is read: control characters refused before the value is used or printed
 * (a secret masked first; an error never quotes a secret), the default applied to an empty
 * value, a parser's ValueError turned into an InputError naming the input, and path inputs
 * confined (paths.ts). The group readers below take one of these.
 */
class Inputs {
    read;
    options;
    mask;
    constructor(read, options) {
        this.read = read;
        this.options = options;
        this.mask = options.maskSecret ?? (() => undefined);
    }
    asInputError(name, error) {
        return error instanceof errors/* ValueError */.Qp ? new errors/* InputError */.dz(name, error.problem, error.accepted) : error;
    }
    raw(name) {
        let value = this.read(name);
        if (inputSpec(name).secret && value)
            this.mask(value);
        // A PEM key pasted from Windows into a secret: its CRLF line ends are line ends.
        if (name === 'cosign-key')
            value = value.replace(/\r\n/g, '\n');
        try {
            checkControlCharacters(value, { lines: MULTILINE_INPUTS.has(name) });
        }
        catch (error) {
            throw this.asInputError(name, error);
        }
        return value;
    }
    field(name, parse) {
        const value = this.raw(name);
        try {
            return parse(value.trim() || inputSpec(name).default);
        }
        catch (error) {
            throw this.asInputError(name, error);
        }
    }
    fail(name, problem, accepted) {
        throw new errors/* InputError */.dz(name, problem, accepted);
    }
    /** The one path resolver (paths.ts): the real path, inside the workspace or RUNNER_TEMP. */
    confined(name, path, kind, accepted) {
        const roots = { workspace: this.options.workspace, runnerTemp: this.options.runnerTemp };
        try {
            return (0,paths/* resolveConfinedPath */.q)(path, kind, roots, accepted);
        }
        catch (error) {
            throw this.asInputError(name, error);
        }
    }
    /**
     * A file the input defaults to, at the workspace root: present (a link counts: the resolver
     * then decides whether it may be read), or not used at all.
     */
    defaultFilePresent(name) {
        const full = (0,external_node_path_.join)(this.options.workspace, name);
        return (0,external_node_fs_.existsSync)(full) || isSymlink(full);
    }
    existingFile(name, path, accepted) {
        return this.confined(name, path, 'file', accepted);
    }
    /** An input that is one of the words its table entry lists. */
    choice(name) {
        return this.field(name, raw => checkChoice(raw, INPUTS[name].choices));
    }
    bool(name) {
        return this.field(name, checkBoolean);
    }
}
/**
 * Parses and validates every input into one Config. Throws InputError (one line: input name,
 * problem, accepted form) on the first bad value; starts no process and writes nothing.
 */
/**
 * readConfig, with the YAML parser loaded only when an input holds YAML (yaml.ts). Loaded first
 * when registry-auth or a tools-manifest not in JSON is set; otherwise (a .trivyignore.yaml) the
 * first reading stops where it needs it, and the second has it. Reading has no effect but
 * masking, and a value masked twice is masked once.
 */
async function readInputs(read, options) {
    const manifest = read('tools-manifest').trim();
    if (read('registry-auth').trim() || (manifest && !/\.json$/i.test(manifest))) {
        return readConfig(read, { ...options, yaml: await (0,inputs_yaml/* loadYaml */.yv)() });
    }
    try {
        return readConfig(read, options);
    }
    catch (error) {
        if (!(error instanceof inputs_yaml/* YamlNotLoaded */.g0))
            throw error;
    }
    return readConfig(read, { ...options, yaml: await (0,inputs_yaml/* loadYaml */.yv)() });
}
function readConfig(read, options) {
    const r = new Inputs(read, options);
    // Secrets first: masked before anything else could print them.
    const registryPassword = r.raw('registry-password');
    const githubToken = r.raw('github-token');
    const cosignPassword = r.raw('cosign-password');
    const images = r.field('images', raw => {
        const names = splitList(raw, { comma: true }).map(checkImageName);
        checkNoDuplicates(names, 'image');
        return names;
    });
    const platforms = r.field('platforms', raw => {
        const list = toolkitList(raw, { ignoreComma: false }).map(checkPlatform);
        checkNoDuplicates(list, 'platform');
        return list;
    });
    const build = readBuild(r);
    const tags = r.field('tags', raw => parseTagRules(splitList(raw, { comma: false })));
    const flavor = r.field('flavor', raw => parseFlavor(splitList(raw, { comma: false })));
    const registryUsername = r.raw('registry-username');
    if (registryUsername && !registryPassword) {
        r.fail('registry-password', 'it is empty while registry-username is set', 'both or neither');
    }
    if (registryPassword && !registryUsername) {
        r.fail('registry-username', 'it is empty while registry-password is set', 'both or neither');
    }
    const scan = readScan(r);
    const sign = readSign(r, scan.enabled, cosignPassword);
    const uploadSarif = r.choice('upload-sarif');
    if (uploadSarif === 'true' && !scan.enabled) {
        r.fail('upload-sarif', '"true" needs the scan\'s SARIF, but scan is false', 'auto or false when scan is false');
    }
    return {
        images,
        platforms,
        push: r.choice('push'),
        tags,
        flavor,
        build,
        registry: {
            username: registryUsername,
            password: registryPassword,
            githubToken,
            auths: readRegistryAuth(r, images, registryUsername)
        },
        scan,
        report: {
            uploadSarif,
            sarifCategory: r.field('sarif-category', raw => checkSarifCategory(raw, platforms.length)),
            summary: r.bool('summary')
        },
        sign,
        policy: readPolicy(r),
        fanOut: readFanOut(r, platforms, r.choice('push')),
        lifecycle: readLifecycle(r, images, options.serverUrl),
        tools: readTools(r)
    };
}
/**
 * fan-out: a platform job builds, scans and pushes one platform by digest; the merge job takes
 * their descriptors. What cannot hold together is said here, before anything runs.
 */
function readFanOut(r, platforms, push) {
    const mode = r.choice('fan-out');
    const descriptors = r.field('digests', raw => (0,platform_descriptor/* parseDescriptors */.md)(raw));
    if (mode === 'platform') {
        if (platforms.length !== 1) {
            r.fail('platforms', `fan-out: platform builds one platform a job, and ${platforms.length} are given`, "one platform, e.g. the matrix's");
        }
        if (push === 'false')
            r.fail('push', 'it is false, and a platform job exists to push its platform for the merge job', 'auto or true with fan-out: platform');
    }
    if (mode === 'merge' && descriptors.length === 0) {
        r.fail('digests', 'it is empty, and fan-out is merge', platform_descriptor/* DESCRIPTOR_FORM */.B7);
    }
    if (mode !== 'merge' && descriptors.length > 0) {
        r.fail('digests', `it is set, and fan-out is ${mode}`, 'empty, or fan-out: merge');
    }
    return { mode, descriptors };
}
/**
 * The retention policy, and where it is carried out: GitHub's registry through the Packages
 * API, any other OCI registry through its own API (ECR applies the policy itself). A
 * retention mode with no policy, or with no image of its kind, is a mistake said up front.
 */
function readLifecycle(r, images, serverUrl) {
    const rules = r.field('lifecycle-policy', raw => (0,lifecycle_policy/* parseLifecyclePolicy */.g4)(splitList(raw, { comma: false })));
    const ghcr = r.choice('ghcr-retention');
    const registry = r.choice('registry-retention');
    const github = (image) => (0,reference/* isGithubContainerRegistry */.qX)((0,reference/* registryOf */.Fv)(image), serverUrl);
    const others = (image) => !github(image) && !(0,reference/* ecrRegistry */.gO)((0,reference/* registryOf */.Fv)(image));
    const modes = [
        ['ghcr-retention', ghcr, github, 'no image is on ghcr.io'],
        ['registry-retention', registry, others, 'every image is on ghcr.io or Amazon ECR']
    ];
    for (const [name, mode, applies, none] of modes) {
        if (mode === 'off')
            continue;
        if (rules.length === 0) {
            r.fail(name, `"${mode}" needs a policy, but lifecycle-policy is empty`, 'off, or set lifecycle-policy');
        }
        // No images: the default, ghcr.io/<owner>/<repo>.
        const named = images.length > 0 ? images : ['ghcr.io/owner/repository'];
        if (!named.some(applies))
            r.fail(name, `"${mode}" has nothing to apply to: ${none}`, 'off');
    }
    return { rules, ghcr, registry };
}
/**
 * registry-auth, each password masked as it is read. registry-username/registry-password give
 * the first image's registry its credentials; an entry for that same registry would be a second
 * answer to one question, and is refused.
 */
function readRegistryAuth(r, images, username) {
    const auths = r.field('registry-auth', raw => parseRegistryAuth(raw, value => r.mask(value), r.options.yaml));
    const first = images[0] === undefined ? undefined : (0,reference/* registryOf */.Fv)(images[0]);
    const clash = auths.findIndex(a => a.registry === first);
    if (username && clash !== -1) {
        r.fail('registry-auth', `entry ${clash + 1} gives credentials for ${first}, and so do registry-username and registry-password`, 'the credentials of each registry in one place');
    }
    return auths;
}
/**
 * The base-image policy: off, warn or enforce, over globs, digest pinning, signers and
 * freshness; and the Dockerfile advice. A setting given while base-image-policy is off could
 * not hold, and says so (invariant 10: only explicit values are refused).
 */
function readPolicy(r) {
    const mode = r.choice('base-image-policy');
    const allowed = r.field('allowed-base-images', raw => splitList(raw, { comma: true }).map(parseAllowedBase));
    const requireDigest = r.bool('require-base-digest');
    const identities = r.field('base-image-identities', raw => splitList(raw, { comma: false }).map(line => parseTrustedSigner(line, path => r.existingFile('base-image-identities', path, 'a public key file in the workspace'))));
    const freshness = r.choice('base-image-freshness');
    if (mode === 'off') {
        const set = [
            ['allowed-base-images', allowed.length > 0],
            ['require-base-digest', requireDigest],
            ['base-image-identities', identities.length > 0],
            // Its default is warn: enforce is always the user's.
            ['base-image-freshness', freshness === 'enforce']
        ].find(([, given]) => given);
        if (set) {
            r.fail(set[0], 'it is set but base-image-policy is off', 'base-image-policy: warn or enforce with it');
        }
    }
    const ignore = r.field('dockerfile-advice-ignore', raw => splitList(raw, { comma: true }).map(item => {
        const id = item.trim().toUpperCase();
        if (!advice_rules/* ADVICE_RULE_IDS */.U.includes(id)) {
            throw new errors/* ValueError */.Qp(`"${item}" is not an advice rule`, `rule IDs among ${advice_rules/* ADVICE_RULE_IDS */.U.join(', ')}`);
        }
        return id;
    }));
    return {
        mode,
        allowed,
        requireDigest,
        identities,
        freshness,
        advice: { enabled: r.bool('dockerfile-advice'), ignore }
    };
}
const DOCKERFILE_FORM = 'the path of a Dockerfile in the workspace';
const SCANNERS_FORM = 'vuln, secret, or both (comma or newline separated)';
/** `vuln,secret` in Trivy's order, each once; `misconfig` is named: it scans the Dockerfile. */
function parseScanners(raw) {
    const given = splitList(raw, { comma: true }).map(s => s.toLowerCase());
    for (const name of given) {
        if (name === 'misconfig' || name === 'config') {
            throw new errors/* ValueError */.Qp('misconfig scans configuration files, not an image: the Dockerfile built is checked by dockerfile-checks (true by default)', SCANNERS_FORM);
        }
        if (name !== 'vuln' && name !== 'secret') {
            throw new errors/* ValueError */.Qp(`"${name}" is not a scanner of trivy image this action runs`, SCANNERS_FORM);
        }
    }
    if (!given.length)
        throw new errors/* ValueError */.Qp('it names no scanner', SCANNERS_FORM);
    return ['vuln', 'secret'].filter(s => given.includes(s));
}
const TEMPLATE_FORM = "{{defaultContext}} (this repository at the run's commit) or {{defaultContext}}:subdir, as docker/build-push-action takes them";
/**
 * The `context` as build-push-action renders it with handlebars, for the one value it offers:
 * `{{defaultContext}}`, alone or followed by `:subdir` (a directory of the repository). Any
 * other template, which handlebars would render as an empty string, is refused.
 */
function parseContextTemplate(value, defaultContext) {
    const match = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/.exec(value);
    if (!match)
        throw new errors/* ValueError */.Qp('it uses a template other than {{defaultContext}}', TEMPLATE_FORM);
    if (!defaultContext) {
        throw new errors/* ValueError */.Qp("{{defaultContext}} needs the run's repository and commit (GITHUB_REPOSITORY, GITHUB_SHA), which are not set", TEMPLATE_FORM);
    }
    const subdir = (match[1] ?? '').replace(/^\.\/+/, '').replace(/\/+$/, '');
    if (subdir &&
        (!/^[A-Za-z0-9._/-]+$/.test(subdir) || subdir.split('/').some(p => p === '..' || p === ''))) {
        throw new errors/* ValueError */.Qp(`"${subdir}" is not a directory of the repository`, TEMPLATE_FORM);
    }
    const relative = subdir === '.' ? '' : subdir;
    return { context: relative ? `${defaultContext}:${relative}` : defaultContext, subdir: relative };
}
/** What the build stage takes: the context and Dockerfile (confined), its arguments, the cache. */
function readBuild(r) {
    let repositoryContext;
    const context = r.field('context', raw => {
        const accepted = 'a directory in the workspace, a Git URL, or {{defaultContext}}[:subdir]';
        let value = raw;
        if (value.includes('{{')) {
            const template = parseContextTemplate(value, r.options.defaultContext);
            repositoryContext = { subdir: template.subdir };
            value = template.context;
        }
        checkNotFlag(value, accepted);
        if (GIT_CONTEXT.test(value)) {
            // A token in the URL (https://x-access-token:TOKEN@github.com/…) is masked and redacted.
            for (const credential of (0,redact/* urlCredentials */.O)(value))
                r.mask(credential);
            return value;
        }
        return r.confined('context', value, 'directory', accepted);
    });
    const file = r.field('file', value => {
        if (value !== '')
            return r.existingFile('file', value, DOCKERFILE_FORM);
        if (GIT_CONTEXT.test(context))
            return '';
        // The default, <context>/Dockerfile, read by buildx: confined like a given path.
        const dockerfile = (0,external_node_path_.join)(context, 'Dockerfile');
        if (!(0,external_node_fs_.existsSync)(dockerfile) && !isSymlink(dockerfile)) {
            return r.fail('file', 'it is empty and the context has no Dockerfile', `${DOCKERFILE_FORM} (file: path/to/Dockerfile)`);
        }
        return r.existingFile('file', dockerfile, DOCKERFILE_FORM);
    });
    const secrets = r.field('secrets', raw => {
        const list = toolkitList(raw, { ignoreComma: true }).map(checkSecret);
        // A key spans lines: each line is masked too (the runner masks a value as one string).
        for (const { value } of list) {
            for (const part of [value, ...value.split(/\r?\n/)])
                if (part.trim())
                    r.mask(part);
        }
        return list;
    });
    const labels = r.field('labels', raw => {
        const out = {};
        for (const { key, value } of toolkitList(raw, { ignoreComma: true }).map(checkLabel)) {
            out[key] = value;
        }
        return out;
    });
    return {
        context,
        ...(repositoryContext ? { repositoryContext } : {}),
        file,
        target: r.field('target', raw => (raw === '' ? '' : checkTarget(raw))),
        buildArgs: r.field('build-args', raw => toolkitList(raw, { ignoreComma: true }).map(checkBuildArg)),
        secrets,
        labels,
        annotations: r.field('annotations', raw => toolkitList(raw, { ignoreComma: true }).map(checkAnnotation)),
        network: r.field('network', raw => (raw === '' ? '' : checkNetwork(raw))),
        noCache: r.bool('no-cache'),
        binfmtImage: r.field('binfmt-image', checkPinnedImage),
        cache: r.choice('cache'),
        provenance: r.field('provenance', parseProvenance)
    };
}
const IGNORE_FORM = 'paths of .trivyignore or .trivyignore.yaml files in the workspace';
/** What the scan stage takes: the gate's settings, the ignore files (read and parsed), Trivy. */
function readScan(r) {
    const enabled = r.bool('scan');
    /** Each ignore file as the user named it (for the summary) and where it really is. */
    const ignoreFiles = r.field('trivyignore', value => {
        const listed = splitList(value, { comma: true });
        const named = listed.length > 0 ? listed : DEFAULT_IGNORE_FILES.filter(f => r.defaultFilePresent(f));
        return named.map(name => {
            if (name === '')
                r.fail('trivyignore', 'an empty entry in the list', IGNORE_FORM);
            return { name, path: r.existingFile('trivyignore', name, IGNORE_FORM) };
        });
    });
    return {
        enabled,
        failOn: r.choice('fail-on'),
        ignoreUnfixed: r.bool('ignore-unfixed'),
        scanners: r.field('scanners', parseScanners),
        failOnSecrets: r.bool('fail-on-secrets'),
        ...readSecretConfig(r),
        ...readDockerfileChecks(r, enabled),
        trivyignore: ignoreFiles.map(f => f.name),
        ignoreRules: r.field('trivyignore', () => ignoreFiles.flatMap(f => (0,ignore_files/* parseIgnoreFile */.a0)((0,external_node_fs_.readFileSync)(f.path, 'utf8'), f.name, r.options.yaml))),
        timeoutMs: r.field('scan-timeout', checkDuration),
        trivyVersion: r.field('trivy-version', raw => checkExactVersion(raw, '0.74.0')),
        dbRepositories: r.field('trivy-db-repositories', raw => splitList(raw, { comma: true }).map(checkTaggedRepository))
    };
}
const DEFAULT_SECRET_CONFIG = 'trivy-secret.yaml';
const SECRET_CONFIG_FORM = 'a trivy-secret.yaml file in the workspace';
/**
 * trivy-secret.yaml: the input's, or Trivy's own default name at the workspace root. Handed to
 * Trivy, not applied by us: an allow rule's `regex` matches the secret itself, which only
 * Trivy sees (the report holds it masked, and we read none of it).
 */
function readSecretConfig(r) {
    const secretConfig = r.field('secret-config', value => {
        const name = value || DEFAULT_SECRET_CONFIG;
        if (!value && !r.defaultFilePresent(name))
            return undefined;
        return { name, path: r.existingFile('secret-config', name, SECRET_CONFIG_FORM) };
    });
    return secretConfig ? { secretConfig } : {};
}
/**
 * The Dockerfile checks, and when they fail the gate: asking for a gate on checks that do not
 * run (turned off, or no scan at all) cannot hold.
 */
function readDockerfileChecks(r, scanEnabled) {
    const dockerfileChecks = r.bool('dockerfile-checks');
    const failOnMisconfig = r.choice('fail-on-misconfig');
    if (!scanEnabled && failOnMisconfig !== 'false') {
        r.fail('fail-on-misconfig', `"${failOnMisconfig}" gates on the Dockerfile checks, which run with the scan, but scan is false`, 'false when scan is false');
    }
    if (!dockerfileChecks && failOnMisconfig !== 'false') {
        r.fail('fail-on-misconfig', `"${failOnMisconfig}" gates on the Dockerfile checks, but dockerfile-checks is false`, 'false when dockerfile-checks is false');
    }
    return { dockerfileChecks, failOnMisconfig };
}
/** What the sign stage takes: the mode, cosign and its key, the formats, the attestations. */
function readSign(r, scanEnabled, password) {
    const key = r.field('cosign-key', value => {
        if (value === '')
            return undefined;
        const key = classifyCosignKey(value);
        if (key.kind === 'pem')
            r.mask(key.value);
        if (key.kind === 'file') {
            return { ...key, value: r.existingFile('cosign-key', key.value, 'an existing key file') };
        }
        return key;
    });
    if (password && !key) {
        r.fail('cosign-password', 'it is set but cosign-key is empty', 'cosign-password only with cosign-key');
    }
    const cosignVersion = r.field('cosign-version', raw => {
        const version = checkExactVersion(raw, 'v3.0.6');
        // The sign stage knows the flags of these two majors (their formats and trust differ).
        if (!/^v?[23]\./.test(version)) {
            throw new errors/* ValueError */.Qp(`cosign ${version} is not supported`, 'a cosign 2.x or 3.x version');
        }
        return version;
    });
    const signatureFormat = r.field('signature-format', raw => {
        const format = checkChoice(raw, INPUTS['signature-format'].choices);
        // auto: what this cosign writes by default and its own verify reads.
        if (format === 'auto')
            return /^v?2\./.test(cosignVersion) ? 'legacy' : 'bundle';
        // cosign 2 cannot write bundles its own verify can read (nor can Kyverno's): say so now.
        if (/^v?2\./.test(cosignVersion) && format !== 'legacy') {
            throw new errors/* ValueError */.Qp(`"${format}" needs cosign 3, and cosign-version is ${cosignVersion}`, 'auto or legacy with cosign 2.x (or a cosign 3.x version)');
        }
        return format;
    });
    const mode = r.choice('sign');
    const sigstore = readSigstore(r);
    const signer = r.choice('signer');
    const notationVersion = r.field('notation-version', raw => {
        const version = checkExactVersion(raw, '1.3.2');
        if (!/^v?1\./.test(version)) {
            throw new errors/* ValueError */.Qp(`notation ${version} is not supported`, 'a Notation 1.x version');
        }
        return version.replace(/^v/, '');
    });
    if (signer === 'notation') {
        if (key)
            r.fail('cosign-key', 'it is set, and signer is notation', 'empty with signer: notation');
        if (!['', 'auto'].includes(r.raw('signature-format').trim().toLowerCase())) {
            r.fail('signature-format', "it is cosign's, and signer is notation", 'auto with signer: notation');
        }
    }
    else {
        for (const name of NOTATION_INPUTS) {
            if (r.raw(name).trim())
                r.fail(name, 'it is set, and signer is cosign', 'empty, or signer: notation');
        }
    }
    return {
        mode,
        signer,
        ...(signer === 'notation' ? { notation: readNotation(r, notationVersion) } : {}),
        cosignVersion,
        key,
        password,
        signatureFormat,
        recursive: r.bool('sign-recursive'),
        transparencyLog: r.choice('transparency-log'),
        ...(sigstore ? { sigstore } : {}),
        attest: readAttest(r, scanEnabled, mode, signer)
    };
}
const NOTATION_INPUTS = [
    'notation-key',
    'notation-certificate',
    'notation-plugin',
    'notation-plugin-config',
    'notation-trust-store',
    'notation-identity'
];
/** signer: notation: the key (a file and its chain, or a plugin's), the trust store, the identity. */
function readNotation(r, version) {
    const pemFile = (name, accepted) => r.field(name, value => {
        if (value === '')
            return undefined;
        const file = r.existingFile(name, value, accepted);
        const pem = (0,external_node_fs_.readFileSync)(file, 'utf8');
        pemCertificates(pem, name);
        // as the repository names it, for the summary
        return { file, pem, given: value };
    });
    const plugin = r.field('notation-plugin', raw => {
        if (raw !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(raw)) {
            throw new errors/* ValueError */.Qp(`"${raw}" is not a plugin name`, 'a plugin name such as azure-kv');
        }
        return raw;
    });
    const key = r.raw('notation-key').trim();
    const keyFile = key && !plugin ? r.existingFile('notation-key', key, 'a PEM private key file') : undefined;
    const certificate = pemFile('notation-certificate', 'a PEM certificate chain file');
    const trustStore = pemFile('notation-trust-store', 'a PEM certificate file');
    const pluginConfig = r.field('notation-plugin-config', raw => parsePluginConfig(splitList(raw, { comma: false })));
    return r.field('notation-identity', identity => notationConfig({
        version,
        key,
        ...(keyFile ? { keyFile } : {}),
        ...(certificate
            ? {
                certificatePem: certificate.pem,
                certificateFile: certificate.file,
                certificateName: certificate.given
            }
            : {}),
        plugin,
        pluginConfig,
        ...(trustStore ? { trustStorePem: trustStore.pem, trustStoreFile: trustStore.given } : {}),
        identity
    }, (input, problem, accepted) => r.fail(input, problem, accepted)));
}
/**
 * auto: both attestations when the run scans and may sign (invariant 10, docs/design.md:
 * turning the scan or signing off never makes this default an error); an explicit list that
 * cannot hold is.
 */
function readAttest(r, scanEnabled, signMode, signer) {
    return r.field('attest', raw => {
        const items = splitList(raw, { comma: true }).map(item => item.toLowerCase());
        if (items.length === 1 && items[0] === 'auto') {
            // Attestations are cosign's: Notation signs the image alone (docs/design.md, signer).
            return scanEnabled && signMode !== 'false' && signer === 'cosign' ? [...ATTESTATIONS] : [];
        }
        if (items.length === 1 && items[0] === 'none')
            return [];
        const list = items.map(item => {
            if (item === '')
                throw new errors/* ValueError */.Qp('an empty entry in the list', ATTEST_FORM);
            return checkChoice(item, ATTESTATIONS);
        });
        checkNoDuplicates(list, 'attestation');
        // Both come from the scan (the vulnerability report, and the SBOM converted from it), and
        // both are signed statements attached by cosign.
        if (!scanEnabled) {
            throw new errors/* ValueError */.Qp(`"${list.join(',')}" needs the scan, but scan is false`, 'auto or none when scan is false');
        }
        if (signMode === 'false') {
            throw new errors/* ValueError */.Qp(`"${list.join(',')}" needs signing, but sign is false`, 'auto or none when sign is false');
        }
        if (signer === 'notation') {
            throw new errors/* ValueError */.Qp(`"${list.join(',')}" are cosign attestations, and signer is notation (which signs the image alone; the SBOM and the report stay the job's files)`, 'auto or none with signer: notation');
        }
        return list;
    });
}
/** An organisation's own Sigstore: both files, or neither (the public-good instance). */
function readSigstore(r) {
    const sigstoreFile = (name, parse) => r.field(name, value => {
        if (value === '')
            return '';
        const path = r.existingFile(name, value, 'a JSON file in the workspace');
        try {
            parse((0,external_node_fs_.readFileSync)(path, 'utf8'), value);
        }
        catch (error) {
            if (error instanceof sigstore_files/* TrustConfigError */.d7) {
                throw new errors/* ValueError */.Qp(error.message, 'a Sigstore file as `cosign` writes or reads it');
            }
            throw error;
        }
        return path;
    });
    const signingConfig = sigstoreFile('sigstore-signing-config', sigstore_files/* signingConfigUrls */.g7);
    const trustedRoot = sigstoreFile('sigstore-trusted-root', sigstore_files/* cosign2TrustMaterial */.dh);
    if (Boolean(signingConfig) !== Boolean(trustedRoot)) {
        r.fail(signingConfig ? 'sigstore-trusted-root' : 'sigstore-signing-config', `it is empty while ${signingConfig ? 'sigstore-signing-config' : 'sigstore-trusted-root'} is set`, 'both files of your Sigstore instance, or neither (the public-good instance)');
    }
    return signingConfig ? { signingConfig, trustedRoot } : undefined;
}
/** Where the tools come from: a mirror, or a manifest read and checked with the other inputs. */
function readTools(r) {
    return {
        mirror: r.field('tools-mirror', value => {
            if (value === '')
                return '';
            // user:token@ in the mirror URL: masked with the runner, redacted in every line.
            for (const credential of (0,redact/* urlCredentials */.O)(value))
                r.mask(credential);
            return checkHttpUrl(value);
        }),
        // Read and checked here, with the other inputs: a mistake fails before any download.
        manifest: r.field('tools-manifest', value => {
            if (value === '')
                return undefined;
            if (!/\.(json|ya?ml)$/i.test(value)) {
                throw new errors/* ValueError */.Qp(`"${value}" is not a .json, .yaml or .yml file`, 'a JSON or YAML file');
            }
            const path = r.existingFile('tools-manifest', value, 'a JSON or YAML file in the workspace');
            try {
                return (0,tools_manifest/* parseToolsManifest */.C7)((0,external_node_fs_.readFileSync)(path, 'utf8'), value, r.options.yaml);
            }
            catch (error) {
                if (!(error instanceof errors/* ConfigurationError */.j1))
                    throw error;
                throw new errors/* ValueError */.Qp(error.message.replace(/^tools-manifest /, ''), 'a tools-manifest as the README describes it');
            }
        })
    };
}
function isSymlink(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path).isSymbolicLink();
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: ./src/plan/tags.ts + 1 modules
var plan_tags = __webpack_require__(9599);
// EXTERNAL MODULE: ./src/plan/decisions.ts
var plan_decisions = __webpack_require__(86616);
;// CONCATENATED MODULE: ./src/plan/images.ts
/**
 * Image names (registry/namespace/name, no tag). Docker requires lowercase repository names
 * while GitHub owners and repositories keep their case (`Codertocat/Hello-World`), so every name
 * is lowercased, as metadata-action does.
 */
/**
 * `ghcr.io/<owner>/<repo>`. On GHES (`ctx.serverUrl` other than github.com) the package
 * registry lives on an instance-specific host that cannot be derived reliably, so the default
 * stays ghcr.io and such users name their images explicitly.
 */
function defaultImage(ctx) {
    return `ghcr.io/${ctx.repository.owner}/${ctx.repository.repo}`.toLowerCase();
}
/** Trimmed, lowercased, without duplicates (first kept); the default image when none is given. */
function resolveImages(images, ctx) {
    const names = images.map(image => image.trim().toLowerCase()).filter(Boolean);
    return names.length > 0 ? [...new Set(names)] : [defaultImage(ctx)];
}

;// CONCATENATED MODULE: ./src/plan/labels.ts

/**
 * OCI labels and annotations (https://github.com/opencontainers/image-spec/blob/main/annotations.md)
 * as metadata-action derives them from the repository: title, description, url, source,
 * version, created, revision, licenses. Empty values are left out instead of being set to ''.
 */
const OCI = 'org.opencontainers.image.';
function ociLabels(ctx, version) {
    const repository = (ctx.payload.repository ?? {});
    // Payloads without a repository (schedule) still name the repository through the context.
    const url = repository.html_url || `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`;
    // GitHub reports licenses it cannot identify as NOASSERTION: that is no license id.
    const license = repository.license?.spdx_id;
    const labels = {
        [`${OCI}title`]: repository.name || ctx.repository.repo,
        [`${OCI}description`]: repository.description,
        [`${OCI}url`]: url,
        [`${OCI}source`]: url,
        [`${OCI}version`]: version,
        [`${OCI}created`]: ctx.now.toISOString(),
        // The PR head with DOCKER_METADATA_PR_HEAD_SHA, as metadata-action.
        [`${OCI}revision`]: (0,plan_tags/* metadataSha */.aB)(ctx),
        [`${OCI}licenses`]: license === 'NOASSERTION' ? '' : license
    };
    return Object.fromEntries(Object.entries(labels).filter((entry) => Boolean(entry[1])));
}
/** The user's labels win over the generated ones. */
function mergeLabels(spec, user) {
    return { ...spec, ...user };
}
/**
 * buildx `--annotation` values. Annotations default to the manifest level; GHCR and most tools
 * read a multi-platform image's metadata from the image index, so each one is set on both:
 * `index:<key>=<value>` and `manifest:<key>=<value>`. (`index:` needs the build to produce an
 * index, which our OCI-archive build with several platforms or attestations does.)
 */
function annotationsFor(labels) {
    const entries = Object.entries(labels);
    return ['index', 'manifest'].flatMap(level => entries.map(([key, value]) => `${level}:${key}=${value}`));
}
/** The key of a buildx annotation: `index,manifest[linux/amd64]:key=value` → `key`. */
function annotationKey(annotation) {
    const kv = annotation.replace(/^(?:(?:index|manifest|index-descriptor|manifest-descriptor)(?:\[[^\]]*\])?,?)+:/, '');
    const eq = kv.indexOf('=');
    return eq < 0 ? kv : kv.slice(0, eq);
}

;// CONCATENATED MODULE: ./src/plan/publish-route.ts
function decidePublishRoute(input) {
    const layout = (reason) => ({ via: 'layout', reason });
    if (!input.push)
        return layout('nothing is pushed: the build writes an OCI layout only');
    if (input.fanOut === 'platform')
        return layout('a platform job pushes by digest for the merge job');
    if (input.fanOut === 'merge') {
        return layout('the merge job writes the index of the platform jobs by digest, signs, then tags');
    }
    if (input.scan)
        return layout('the scan reads the OCI layout before anything reaches a registry');
    if (input.sign !== 'off')
        return layout('pushed by digest from the OCI layout, so that tags move only after signing');
    // buildx (with the docker driver) pushes only to a name:tag; untagged means by digest.
    if (input.tags.length === 0)
        return layout('no tag: pushed by digest from the OCI layout');
    return {
        via: 'buildx',
        reason: 'scan and sign are off: buildx pushes the image and its tags in one step'
    };
}

;// CONCATENATED MODULE: ./src/plan/index.ts





function makePlan(input, ctx) {
    const images = resolveImages(input.images, ctx);
    const computed = (0,plan_tags/* computeTags */.$o)(input.tags, input.flavor, ctx);
    const { version, notes } = computed;
    // A platform job tags nothing: the merge job tags the merged index once it is signed.
    const tags = input.fanOut === 'platform' ? [] : computed.tags;
    if (input.fanOut === 'platform' && computed.tags.length > 0) {
        notes.push(`This platform job adds no tag: the merge job adds ${computed.tags.join(', ')} to the merged index.`);
    }
    const decisions = (0,plan_decisions/* decide */.LD)(input, ctx);
    const labels = mergeLabels(ociLabels(ctx, version), input.labels);
    // Annotations carry the OCI keys of the labels, so a description the user corrected in
    // `labels` is also what GHCR shows; a key the user annotates explicitly is left to them.
    const userKeys = new Set(input.annotations.map(annotationKey));
    const oci = Object.fromEntries(Object.entries(labels).filter(([key]) => key.startsWith('org.opencontainers.image.') && !userKeys.has(key)));
    const annotations = [...annotationsFor(oci), ...input.annotations];
    if (input.images.every(image => !image.trim()) && ctx.serverUrl !== 'https://github.com') {
        notes.push(`This run is on ${ctx.serverUrl}, but the default image ${images[0] ?? ''} is on ghcr.io. Set images to use your instance's registry.`);
    }
    if (decisions.push && tags.length === 0 && input.fanOut !== 'platform') {
        notes.push('No tag applies to this event, so the image is pushed by digest only. Add a tags rule (e.g. type=sha) to name it.');
    }
    return {
        images,
        tags,
        references: images.flatMap(image => tags.map(tag => `${image}:${tag}`)),
        version,
        labels,
        annotations,
        decisions,
        publish: decidePublishRoute({
            push: decisions.push,
            scan: input.scan ?? true,
            sign: decisions.sign,
            tags,
            ...(input.fanOut ? { fanOut: input.fanOut } : {})
        }),
        notes
    };
}

// EXTERNAL MODULE: ./src/summary/run-record.ts
var run_record = __webpack_require__(69811);
// EXTERNAL MODULE: ./src/timings.ts
var timings = __webpack_require__(11820);
// EXTERNAL MODULE: ./src/trace.ts
var trace = __webpack_require__(73606);
// EXTERNAL MODULE: ./src/tool-env.ts
var tool_env = __webpack_require__(66255);
;// CONCATENATED MODULE: ./src/runner-env.ts

const OIDC_REQUEST_VARIABLES = [
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
];
function takeRunnerSecrets(env = process.env) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    for (const name of Object.keys(env)) {
        if (name.startsWith('INPUT_'))
            delete env[name];
    }
    for (const name of OIDC_REQUEST_VARIABLES)
        delete env[name];
    return url && token ? { oidc: { url, token } } : {};
}
/**
 * What the action's own process reads from its environment once the inputs and the context are
 * read: @actions/core's command files, the tool cache and temp directories, the Actions cache
 * service (@actions/cache reads its URL and token at each call), step debugging.
 */
const OWN_NEEDS = [
    /^GITHUB_(?!TOKEN$)[A-Z_]+$/,
    /^RUNNER_[A-Z_]+$/,
    'CI',
    'ACTIONS_STEP_DEBUG',
    'ACTIONS_RUNNER_DEBUG',
    ...tool_env/* GHA_CACHE_VARIABLES */.eZ
];
/**
 * Reduces the environment to what the action and its tools can use: its own needs, what any
 * tool's purpose inherits (tool-env.ts), and `extra` (the KMS credentials of cosign-key). A
 * secret a workflow exported for another step (AWS keys, GITHUB_TOKEN, TRIVY_PASSWORD) is gone:
 * libraries that start processes with a copy of process.env (@actions/cache runs tar and zstd
 * that way) then pass on nothing else. Returns the names removed.
 */
function narrowEnvironment(env = process.env, extra = []) {
    const keep = [
        ...OWN_NEEDS,
        ...Object.values(tool_env/* TOOL_POLICIES */.My).flatMap(policy => policy.inherit),
        ...extra
    ];
    const removed = Object.keys(env).filter(name => !(0,tool_env/* matches */.cK)(keep, name));
    for (const name of removed)
        delete env[name];
    return removed.sort();
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/registry/aws-environment.ts
/** The AWS credentials in `env` (static keys or a role's session), or none. Pure. */
function awsEnvironment(env) {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    const generic = env.AWS_ENDPOINT_URL;
    const ecr = env.AWS_ENDPOINT_URL_ECR || generic;
    const ecrPublic = env.AWS_ENDPOINT_URL_ECR_PUBLIC || generic;
    return {
        accessKeyId,
        secretAccessKey,
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        ...(env.AWS_ROLE_ARN ? { roleArn: env.AWS_ROLE_ARN } : {}),
        endpoints: { ...(ecr ? { ecr } : {}), ...(ecrPublic ? { ecrPublic } : {}) }
    };
}

;// CONCATENATED MODULE: ./src/main.ts

















/**
 * The main step as the runner starts it. The post flag is saved first, so that the post step
 * runs as post even when main fails on its first line.
 */
async function main() {
    (0,workflow_commands.saveState)(state/* STATE */.c.isPost, 'true');
    await runWithBoundary(() => run());
}
/**
 * The main step: inputs and plan here, then the stages of docs/design.md one after the other (pipeline.ts).
 * The stages are one chunk, loaded once the plan is logged and the logins are started
 * (set-up.ts): a chunk per stage would put a copy of every module two stages share into each
 * of them.
 */
async function run(env = process.env) {
    // The main chunk's modules are loaded by now: from here on, what the run itself takes.
    const phase = (0,trace/* tracePhases */.IM)();
    // 1. inputs: everything validated before any side effect.
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    // The event, ref and SHA first: `{{defaultContext}}` in the context input stands for them.
    const ctx = (0,context/* readContext */.yI)(env);
    const config = await readInputs(name => (0,workflow_commands.getInput)(name, env), {
        workspace,
        runnerTemp: env.RUNNER_TEMP,
        maskSecret: workflow_commands.setSecret,
        serverUrl: env.GITHUB_SERVER_URL,
        defaultContext: (0,context/* knownGitContext */.Rx)(ctx)
    });
    // From here on no code reads an input, and the runner's OIDC request is held by the signing
    // code alone: neither stays in the environment (tool-env.ts keeps them from the tools anyway).
    const secrets = takeRunnerSecrets(env);
    const { aws, removed } = narrowedEnvironment(config, env);
    // 2. plan: names, tags, labels and what this event may do; refuses, before any side effect,
    // a push it could not sign.
    // type=edge on a run whose payload does not name the default branch (schedule): asked of the
    // API once, as metadata-action does; the planner stays a pure function of its context.
    // Its HTTP client (undici) is loaded then only, not on every run's start-up path.
    if ((0,plan_tags/* needsDefaultBranch */.tl)(config.tags, ctx)) {
        const { resolveDefaultBranch } = await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(943)]).then(__webpack_require__.bind(__webpack_require__, 42943));
        ctx.defaultBranch = await resolveDefaultBranch(ctx, config.registry.githubToken);
    }
    phase('Inputs');
    const plan = planFor(config, ctx);
    logPlan(plan, config);
    phase('Plan');
    // Trivy and cosign read TRIVY_* and COSIGN_* variables as flags: set by a workflow for another
    // step, they would change what is gated or where it is signed. None is passed; say which.
    const settings = (prefix, tool) => {
        const names = removed.filter(name => prefix.test(name));
        if (names.length) {
            log.log.warning(`Not passed to ${tool}: ${names.join(', ')} (the action sets ${tool}'s options itself).`);
        }
    };
    if (config.scan.enabled)
        settings(/^TRIVY_/i, 'Trivy');
    if (plan.decisions.sign !== 'off')
        settings(/^COSIGN_/i, 'cosign');
    const timer = new timings/* StageTimer */.e();
    const record = (0,run_record/* newRunRecord */.p)();
    const late = { pending: [] };
    let failure;
    let stages;
    try {
        // The working directory and the logins, from a small chunk: the logins run while node
        // loads the stages' chunk (pipeline.ts), which checks the Dockerfile and awaits them.
        const { startSetUp } = await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(879), __webpack_require__.e(248)]).then(__webpack_require__.bind(__webpack_require__, 86105));
        phase('Load set-up');
        const deps = { env, timer, ...(aws ? { aws } : {}) };
        const started = startSetUp(config, ctx, plan, deps);
        await started.running;
        stages = await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(955), __webpack_require__.e(819), __webpack_require__.e(212), __webpack_require__.e(879), __webpack_require__.e(671)]).then(__webpack_require__.bind(__webpack_require__, 46671));
        phase('Load stages');
        await stages.pipeline(config, ctx, plan, record, {
            ...deps,
            workspace,
            late,
            started,
            ...(secrets.oidc ? { oidc: secrets.oidc } : {})
        });
    }
    catch (error) {
        failure = (0,errors/* errorMessage */.gJ)(error);
        throw error;
    }
    finally {
        // Work left running while later stages went on (code scanning's processing), collected
        // before the summary so that it tells how it ended.
        await Promise.all(late.pending);
        const { renderSummary, jobSummary, stepOutputs } = stages ?? (await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(955), __webpack_require__.e(819), __webpack_require__.e(212), __webpack_require__.e(879), __webpack_require__.e(671)]).then(__webpack_require__.bind(__webpack_require__, 46671)));
        // The outputs and the summary, once, from what the stages returned (summary/outcome.ts),
        // on failure too: they say what exists and why the run stopped.
        for (const [name, value] of Object.entries(stepOutputs(record, plan, config))) {
            (0,workflow_commands.setOutput)(name, value);
        }
        // In a guard of its own: a summary that cannot be written must neither replace the error
        // it reports (the state report of a partial publish) nor fail a run that succeeded.
        if (config.report.summary) {
            await writeSummary(() => (0,redact/* redact */.E)(renderSummary(jobSummary(record, plan, config, timer.timings, failure))));
        }
    }
}
/**
 * Nothing of the workflow's environment stays in ours but what we or a tool can use; returns
 * the names taken out (runner-env.ts). ECR's token comes from the AWS API with the job's
 * credentials: kept, for that alone, only when a registry of this run is ECR (registry/ecr.ts).
 */
function narrowedEnvironment(config, env) {
    const registries = [...config.images, ...config.registry.auths.map(a => `${a.registry}/x`)];
    const aws = registries.some(i => (0,reference/* ecrRegistry */.gO)((0,reference/* registryOf */.Fv)(i))) ? awsEnvironment(env) : undefined;
    const key = config.sign.key;
    // A Notation plugin is found where the runner installed it, and reads the cloud's variables.
    const plugin = config.sign.notation?.key.kind === 'plugin';
    const removed = narrowEnvironment(env, [
        ...(key?.kind === 'kms' ? Object.keys((0,tool_env/* kmsCredentials */.my)(key.value, env)) : []),
        ...(plugin
            ? [
                'XDG_CONFIG_HOME',
                ...Object.keys({
                    ...(0,tool_env/* kmsCredentials */.my)('awskms://', env),
                    ...(0,tool_env/* kmsCredentials */.my)('azurekms://', env)
                })
            ]
            : [])
    ]);
    return { aws, removed };
}
/** Writes the job summary; a failure is a warning, never the run's outcome. */
async function writeSummary(render) {
    try {
        await (0,workflow_commands.appendSummary)(render());
    }
    catch (error) {
        log.log.warning(`The job summary was not written: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
function planFor(config, ctx) {
    return makePlan({
        images: config.images,
        tags: config.tags,
        flavor: config.flavor,
        labels: config.build.labels,
        annotations: config.build.annotations,
        push: config.push,
        sign: config.sign.mode,
        uploadSarif: config.report.uploadSarif,
        cosignKey: config.sign.key !== undefined,
        ...(config.sign.notation
            ? {
                notation: config.sign.notation.key.kind === 'file' ? 'key file' : 'plugin'
            }
            : {}),
        scan: config.scan.enabled,
        fanOut: config.fanOut.mode,
        transparencyLog: config.sign.transparencyLog,
        ownSigstore: config.sign.sigstore !== undefined
    }, ctx);
}
function logPlan(plan, config) {
    log.log.startGroup('Plan');
    log.log.info(`Images: ${plan.images.join(', ')}`);
    log.log.info(`Platforms: ${config.platforms.join(', ')}`);
    log.log.info(`Tags: ${plan.tags.length ? plan.tags.join(', ') : '(none: pushed by digest only)'}`);
    log.log.info(`Version: ${plan.version || '(none)'}`);
    log.log.info(`Push: ${plan.decisions.push ? 'yes' : 'no'} (${plan.decisions.pushReason})`);
    if (plan.decisions.push)
        log.log.info(`Published by: ${plan.publish.via} (${plan.publish.reason})`);
    log.log.info(`Sign: ${plan.decisions.sign} (${plan.decisions.signReason})`);
    if (plan.decisions.sign !== 'off') {
        const { signatureFormat, attest } = config.sign;
        log.log.info(`Signature format: ${signatureFormat}; attestations: ${attest.join(', ') || 'none'}`);
    }
    log.log.info(`SARIF upload: ${plan.decisions.upload ? 'yes' : 'no'} (${plan.decisions.uploadReason})`);
    for (const [key, value] of Object.entries(plan.labels))
        log.log.info(`Label ${key}=${value}`);
    log.log.endGroup();
    for (const note of plan.notes)
        log.log.warning(note);
    // What pushes unsigned says so where it is seen: only sign: false does it knowingly; a fork
    // pull request that pushes under sign: auto cannot sign (no OIDC token, no secrets).
    if (plan.decisions.push && plan.decisions.sign === 'off') {
        if (config.sign.mode === 'false')
            log.log.notice(plan.decisions.signReason);
        else
            log.log.warning(plan.decisions.signReason);
    }
}


/***/ }),

/***/ 86616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gi: () => (/* binding */ isPrivateRepository),
/* harmony export */   LD: () => (/* binding */ decide)
/* harmony export */ });
/* unused harmony export isForkPullRequest */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/**
 * A pull request whose head lives in another repository. `head.repo` is null when the fork was
 * deleted. Such runs get a read-only token and no OIDC token on `pull_request`.
 */
function isForkPullRequest(ctx) {
    if (!PULL_REQUEST_EVENTS.includes(ctx.eventName))
        return false;
    const head = ctx.payload.pull_request?.head?.repo;
    if (!head)
        return true;
    return head.full_name !== ctx.payload.repository?.full_name;
}
function decidePush(mode, ctx) {
    if (mode === 'true')
        return { push: true, pushReason: 'The image is pushed because push is true.' };
    if (mode === 'false')
        return { push: false, pushReason: 'The image is not pushed because push is false.' };
    if (PULL_REQUEST_EVENTS.includes(ctx.eventName)) {
        return {
            push: false,
            pushReason: `The image is built and scanned but not pushed, because this is a ${ctx.eventName} event and push is auto. Set push to true to publish pull request images.`
        };
    }
    return {
        push: true,
        pushReason: `The image is pushed because push is auto and this is a ${ctx.eventName} event (only pull_request and pull_request_target events are not pushed).`
    };
}
const NO_OIDC = (ctx) => isForkPullRequest(ctx) && ctx.eventName === 'pull_request'
    ? 'the runner offers no OIDC token, which GitHub never gives to pull requests from forks'
    : 'the runner offers no OIDC token (the job lacks `permissions: id-token: write`)';
/** The repository is not public (its payload says private, or a visibility other than public). */
function isPrivateRepository(ctx) {
    const repo = ctx.payload.repository;
    return repo?.private === true || (repo?.visibility ?? 'public') !== 'public';
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
function decideSign(input, push, ctx) {
    const mode = input.sign;
    const log = input.transparencyLog ?? 'auto';
    const off = (signReason) => ({ sign: 'off', signReason, tlog: false });
    if (mode === 'false') {
        return off('The image is pushed unsigned because sign is false.');
    }
    if (!push) {
        return off('The image is not signed because it is not pushed: signatures are attached by digest in the registry.');
    }
    if (input.fanOut === 'platform') {
        return off('This platform job pushes its platform by digest only: the merge job signs the merged index, then tags it.');
    }
    if (input.notation) {
        // No transparency log, no OIDC: the key (or the plugin's service) is the trust anchor.
        return {
            sign: 'notation',
            signReason: `The image is signed with Notation, with the ${input.notation === 'plugin' ? 'key notation-plugin holds' : 'key in notation-key'}.`,
            tlog: false
        };
    }
    const isPrivate = isPrivateRepository(ctx);
    if (input.cosignKey) {
        // An organisation's own Sigstore logs to its own Rekor: nothing becomes public.
        const tlog = log === 'true' || (log === 'auto' && (!isPrivate || input.ownSigstore === true));
        return {
            sign: 'key',
            signReason: `The image is signed with the key given in cosign-key${tlog ? '' : ', without a transparency log entry'}.`,
            tlog
        };
    }
    /** `why` keyless is impossible; `fix`, what the user can change besides sign: false. */
    const refuse = (why, fix, input = 'sign') => {
        if (mode === 'auto' && isForkPullRequest(ctx)) {
            return off(`The image is pushed unsigned: this pull request comes from a fork, and ${why}. Set sign to true to make such a run fail instead.`);
        }
        // Named after the input the user set when one of theirs is what stands in the way.
        const problem = input === 'sign'
            ? `"${mode}" cannot sign the image this ${ctx.eventName || 'workflow'} run would publish: cosign-key is not set and ${why}`
            : `"${log}" leaves no way to sign the image this ${ctx.eventName || 'workflow'} run would publish: cosign-key is not set and ${why}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, problem, `${fix}, or sign: false to publish unsigned`);
    };
    if (!ctx.idTokenAvailable) {
        return refuse(NO_OIDC(ctx), '`permissions: id-token: write` on the job (keyless signing), a cosign-key');
    }
    if (log === 'false' && !input.ownSigstore) {
        return refuse('keyless signing on the public Sigstore needs its transparency log, which transparency-log: false turns off', 'a cosign-key, sigstore-signing-config for your own Sigstore, transparency-log: auto', 'transparency-log');
    }
    if (isPrivate && log !== 'true' && !input.ownSigstore) {
        return refuse('the repository is private: keyless signing would publish its name and workflow in the public transparency log (Rekor)', "transparency-log: true to accept that, sigstore-signing-config for your organisation's own Sigstore, a cosign-key");
    }
    return {
        sign: 'keyless',
        signReason: "The image is signed keyless, with a Sigstore certificate issued for this workflow's OIDC identity.",
        tlog: true
    };
}
/**
 * upload-sarif=auto uploads unless the run is a pull request from a fork: on `pull_request` the
 * token is read-only (no `security-events: write`, whatever the workflow asks), and on
 * `pull_request_target` the results would be filed under the base branch's ref although they
 * describe the fork's change.
 */
function decideUpload(mode, scan, ctx) {
    if (!scan) {
        return { upload: false, uploadReason: 'No SARIF report to upload: scan is false.' };
    }
    if (mode === 'false')
        return {
            upload: false,
            uploadReason: 'The SARIF report is not uploaded because upload-sarif is false.'
        };
    if (mode === 'true') {
        return {
            upload: true,
            uploadReason: 'The SARIF report is uploaded to code scanning because upload-sarif is true.'
        };
    }
    if (isForkPullRequest(ctx) && ctx.eventName === 'pull_request') {
        return {
            upload: false,
            uploadReason: 'The SARIF report is not uploaded: this pull request comes from a fork, and GitHub gives such runs a read-only token that cannot be granted `security-events: write`. The scan still gates the run and the SARIF file is kept; to publish it, upload it from a workflow_run workflow that has `permissions: security-events: write`.'
        };
    }
    if (isForkPullRequest(ctx)) {
        return {
            upload: false,
            uploadReason: `The SARIF report is not uploaded: this ${ctx.eventName} run is for a pull request from a fork, and its results would be filed under the base branch. Set upload-sarif to true to upload anyway.`
        };
    }
    return {
        upload: true,
        uploadReason: 'The SARIF report is uploaded to code scanning (the job needs `permissions: security-events: write`).'
    };
}
function decide(input, ctx) {
    const push = decidePush(input.push, ctx);
    return {
        ...push,
        ...decideSign(input, push.push, ctx),
        ...decideUpload(input.uploadSarif, input.scan ?? true, ctx)
    };
}


/***/ }),

/***/ 9599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $o: () => (/* binding */ computeTags),
  aB: () => (/* binding */ metadataSha),
  tl: () => (/* binding */ needsDefaultBranch)
});

// UNUSED EXPORTS: MAX_TAG_LENGTH, defaultBranchOf, effectiveRef, isDefaultBranch, shortSha

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(40788);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/inputs/date-format.ts
var date_format = __webpack_require__(9989);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
;// CONCATENATED MODULE: ./src/plan/pep440.ts

/** The fields of `raw`, or undefined when it is not a PEP 440 version. */
function parsePep440(raw) {
    const explained = (0,pep440.valid)(raw) === null ? null : (0,pep440.explain)(raw);
    const normalized = (0,pep440.clean)(raw);
    if (!explained || normalized === null)
        return undefined;
    return {
        raw,
        version: normalized,
        // Missing release segments count as 0: `1.2` has patch 0, as in metadata-action.
        major: String((0,pep440.major)(raw)),
        minor: String((0,pep440.minor)(raw)),
        patch: String((0,pep440.patch)(raw)),
        prerelease: explained.is_prerelease || explained.is_postrelease || explained.is_devrelease
    };
}

// EXTERNAL MODULE: ./src/inputs/template.ts
var inputs_template = __webpack_require__(95587);
;// CONCATENATED MODULE: ./src/plan/tags.ts






/**
 * Tags from rules, as docker/metadata-action's `Meta.getVersion` + `getTags` compute them:
 * rules in priority order (stable for equal priorities); each enabled rule that applies to this
 * event yields at most one value; the first value is the version (`main`), later distinct
 * values follow; `latest` is decided by the first rule that yielded a value; then `latest` is
 * appended. Values are sanitized to Docker's tag alphabet.
 */
/** Docker's limit on a tag's length. */
const MAX_TAG_LENGTH = 128;
const after = (ref, prefix) => ref.startsWith(prefix) ? ref.slice(prefix.length) : '';
/**
 * GITHUB_REF as metadata-action sees it. For pull_request_target the runner's ref is the base
 * branch; metadata-action replaces it with the pull request's ref so that `type=ref,event=pr`
 * applies and the base branch's tags are not produced for a pull request.
 */
function effectiveRef(ctx) {
    const number = ctx.payload.number ?? ctx.payload.pull_request?.number;
    if (ctx.eventName === 'pull_request_target' && number !== undefined) {
        return `refs/pull/${String(number)}/merge`;
    }
    return ctx.ref;
}
/**
 * The commit that tags and labels name: GITHUB_SHA, except that with DOCKER_METADATA_PR_HEAD_SHA
 * on a pull request event it is the pull request's head commit (GITHUB_SHA is then the merge
 * commit, which nobody pushed). metadata-action swaps its context's sha, so `type=sha`, `{{sha}}`,
 * `{{commit_date}}` and the revision label all follow; the rest of this action (SARIF upload,
 * attestations) keeps GITHUB_SHA, which is what the run built.
 */
function metadataSha(ctx) {
    const head = ctx.payload.pull_request?.head?.sha;
    if (ctx.metadata?.prHeadSha && /pull_request/.test(ctx.eventName) && typeof head === 'string') {
        return head;
    }
    return ctx.sha;
}
/** `{{sha}}` and `type=sha`'s short format. */
function shortSha(ctx) {
    return metadataSha(ctx).slice(0, ctx.metadata?.shortShaLength ?? context/* DEFAULT_SHORT_SHA_LENGTH */.X2);
}
/**
 * The default branch for `type=edge`: from the event payload (readContext), or from the REST API
 * for events whose payload has no repository (schedule; default-branch.ts); undefined when
 * neither was read.
 */
function defaultBranchOf(ctx) {
    const fromPayload = ctx.payload.repository?.default_branch;
    return ctx.defaultBranch || (typeof fromPayload === 'string' && fromPayload) || undefined;
}
/**
 * Whether computing these rules needs a default branch that is not known yet: an enabled
 * `type=edge` without `branch=`, on a branch ref (metadata-action's edge ignores any other ref).
 */
function needsDefaultBranch(rules, ctx) {
    const ref = effectiveRef(ctx);
    if (defaultBranchOf(ctx) !== undefined || !ref.startsWith('refs/heads/'))
        return false;
    const globals = globalExpressions(ctx, ref);
    return rules.some(rule => rule.type === 'edge' && !rule.branch && (0,inputs_template/* renderTemplate */.Xm)(rule.enable, globals) !== 'false');
}
/** metadata-action's `{{is_default_branch}}`, quirks included. */
function isDefaultBranch(ctx, ref = effectiveRef(ctx)) {
    // Only refs/heads/ is stripped: a tag or pull ref never equals the default branch's name.
    const branch = ref.replace(/^refs\/heads\//, '');
    if (!branch)
        return false;
    if (ctx.payload.repository?.default_branch === branch)
        return true;
    // These events always run on the default branch's last commit (GitHub docs), whatever the ref.
    return /create|discussion|issues|schedule/.test(ctx.eventName);
}
/**
 * `{{commit_date}}`: from the payload's commits when they include the commit (metadataSha), else
 * the run's start.
 */
function commitDate(ctx) {
    const sha = metadataSha(ctx);
    const commits = Array.isArray(ctx.payload.commits)
        ? ctx.payload.commits
        : [];
    const head = ctx.payload.head_commit;
    const timestamp = commits.find(c => c.id === sha)?.timestamp ?? (head?.id === sha ? head.timestamp : undefined);
    return timestamp ? new Date(timestamp) : ctx.now;
}
/** Resolves the global expressions (GLOBAL_EXPRESSIONS) for this run. */
function globalExpressions(ctx, ref) {
    return e => {
        switch (e.name) {
            case 'branch':
                return after(ref, 'refs/heads/');
            case 'tag':
                return after(ref, 'refs/tags/');
            case 'sha':
                return shortSha(ctx);
            case 'base_ref':
                if (ref.startsWith('refs/tags/') && typeof ctx.payload.base_ref === 'string') {
                    return ctx.payload.base_ref.replace(/^refs\/heads\//, '');
                }
                if (ref.startsWith('refs/pull/') &&
                    typeof ctx.payload.pull_request?.base?.ref === 'string') {
                    return ctx.payload.pull_request.base.ref;
                }
                return '';
            case 'is_default_branch':
                return String(isDefaultBranch(ctx, ref));
            case 'is_not_default_branch':
                return String(!isDefaultBranch(ctx, ref));
            case 'date':
                return (0,date_format/* formatDate */.Y)(ctx.now, e.params[0] ?? '', e.hash.tz ?? 'UTC');
            case 'commit_date':
                return (0,date_format/* formatDate */.Y)(commitDate(ctx), e.params[0] ?? '', e.hash.tz ?? 'UTC');
            default:
                // Unreachable: templates are checked against their vocabulary when parsed.
                throw new Error(`Unhandled expression ${e.source}`);
        }
    };
}
/**
 * Docker's tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. Invalid runs become `-` (as
 * metadata-action); beyond metadata-action, leading `.`/`-` are dropped and the length is capped,
 * because the registry would refuse such a tag after the build.
 */
function toDockerTag(value, notes) {
    const sanitized = value.replace(/[^a-zA-Z0-9._-]+/g, '-');
    let tag = sanitized.replace(/^[.-]+/, '');
    if (tag !== sanitized) {
        notes.push(tag
            ? `The tag "${sanitized}" may not start with "." or "-", so "${tag}" is used instead.`
            : `The tag "${sanitized}" has no character a tag may start with, so it is left out.`);
    }
    if (tag.length > MAX_TAG_LENGTH) {
        const cut = tag.slice(0, MAX_TAG_LENGTH);
        notes.push(`The tag "${tag}" is longer than ${MAX_TAG_LENGTH} characters, so it is cut to "${cut}".`);
        tag = cut;
    }
    return tag;
}
/** type=semver's fields: strictly valid, then parsed loosely (`v1.2.3` → `1.2.3`), as upstream. */
function parseSemver(raw) {
    const version = semver_default().valid(raw) ? semver_default().parse(raw, { loose: true }) : null;
    if (!version)
        return undefined;
    return {
        raw: version.raw,
        version: version.version,
        major: String(version.major),
        minor: String(version.minor),
        patch: String(version.patch),
        prerelease: version.prerelease.length > 0
    };
}
function computeTags(rules, flavor, ctx) {
    const ref = effectiveRef(ctx);
    const notes = [];
    const globals = globalExpressions(ctx, ref);
    const render = (template) => (0,inputs_template/* renderTemplate */.Xm)(template, globals);
    const latestFor = (auto) => (flavor.latest === 'auto' ? auto : flavor.latest === 'true');
    let main;
    const partial = [];
    let latest;
    // metadata-action's setValue + setVersion: the rule's own prefix/suffix, else the flavor's.
    const add = (rule, value, autoLatest) => {
        const prefix = rule.prefix ?? flavor.prefix;
        const suffix = rule.suffix ?? flavor.suffix;
        const full = `${render(prefix)}${value}${render(suffix)}`;
        if (!full)
            return;
        const tag = toDockerTag(full, notes);
        if (!tag)
            return;
        if (main === undefined)
            main = tag;
        else if (tag !== main)
            partial.push(tag);
        latest ??= latestFor(autoLatest);
    };
    const gitTag = after(ref, 'refs/tags/');
    // Array.prototype.sort is stable: rules of equal priority keep their input order.
    for (const rule of [...rules].sort((a, b) => b.priority - a.priority)) {
        const enabled = render(rule.enable);
        if (enabled !== 'true' && enabled !== 'false') {
            throw new errors/* ValueError */.Qp(`enable of rule "${rule.line}" evaluated to "${enabled}"`, 'true or false');
        }
        if (enabled === 'false')
            continue;
        switch (rule.type) {
            case 'schedule':
                if (/schedule/.test(ctx.eventName))
                    add(rule, render(rule.pattern), false);
                break;
            case 'semver':
            case 'pep440': {
                if (!gitTag && rule.value.length === 0)
                    break;
                let raw = rule.value.length > 0 ? render(rule.value) : gitTag;
                if (rule.match) {
                    const found = rule.match.exec(raw);
                    if (found)
                        raw = found[1] ?? '';
                    else
                        notes.push(`The pattern ${rule.match.source} of "${rule.line}" does not match "${raw}".`);
                }
                raw = raw.replace(/\//g, '-');
                const version = rule.type === 'semver' ? parseSemver(raw) : parsePep440(raw);
                if (!version) {
                    notes.push(rule.type === 'semver'
                        ? `"${raw}" is not a semantic version (https://semver.org), so type=semver rules add no tag for it.`
                        : `"${raw}" is not a PEP 440 version (https://peps.python.org/pep-0440/), so type=pep440 rules add no tag for it.`);
                    break;
                }
                if (version.prerelease) {
                    // A prerelease only ever gets its full version (or {{raw}}): no 1 / 1.2 / latest.
                    add(rule, (0,inputs_template/* isOnly */.fy)(rule.pattern, 'raw') ? version.raw : version.version, false);
                }
                else {
                    const { raw: r, version: v, major, minor, patch } = version;
                    const fields = { raw: r, version: v, major, minor, patch };
                    add(rule, (0,inputs_template/* renderTemplate */.Xm)(rule.pattern, e => fields[e.name] ?? ''), true);
                }
                break;
            }
            case 'match': {
                if (!gitTag && rule.value.length === 0)
                    break;
                const raw = rule.value.length > 0 ? render(rule.value) : gitTag;
                const found = raw.match(rule.pattern);
                const group = found?.[rule.group];
                if (group === undefined) {
                    notes.push(found
                        ? `Group ${rule.group} does not exist in the pattern of "${rule.line}".`
                        : `The pattern of "${rule.line}" does not match "${raw}".`);
                    break;
                }
                add(rule, group, true);
                break;
            }
            case 'ref':
                if (rule.event === 'branch' && ref.startsWith('refs/heads/')) {
                    add(rule, after(ref, 'refs/heads/'), false);
                }
                else if (rule.event === 'tag' && gitTag) {
                    add(rule, gitTag, true);
                }
                else if (rule.event === 'pr' && ref.startsWith('refs/pull/')) {
                    add(rule, after(ref, 'refs/pull/').replace(/\/merge$/, ''), false);
                }
                break;
            case 'edge': {
                if (!ref.startsWith('refs/heads/'))
                    break;
                const branch = rule.branch || defaultBranchOf(ctx);
                if (branch === undefined) {
                    // main.ts reads it through the API first (needsDefaultBranch): reached only without.
                    throw new errors/* ValueError */.Qp(`rule "${rule.line}" needs the repository's default branch, which this event's payload does not name`, 'the branch in the rule, e.g. type=edge,branch=main');
                }
                if (after(ref, 'refs/heads/') === branch)
                    add(rule, 'edge', false);
                break;
            }
            case 'raw':
                add(rule, render(rule.value), false);
                break;
            case 'sha':
                if (metadataSha(ctx))
                    add(rule, rule.format === 'short' ? shortSha(ctx) : metadataSha(ctx), false);
                break;
        }
    }
    const tags = [];
    if (main !== undefined) {
        tags.push(main, ...partial);
        if (latest) {
            const prefix = flavor.prefixLatest ? render(flavor.prefix) : '';
            const suffix = flavor.suffixLatest ? render(flavor.suffix) : '';
            tags.push(toDockerTag(`${prefix}latest${suffix}`, notes));
        }
    }
    return { version: main ?? '', tags: [...new Set(tags)], notes: [...new Set(notes)] };
}


/***/ }),

/***/ 98286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   MY: () => (/* binding */ authKey),
/* harmony export */   T_: () => (/* binding */ isGhcr),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   Y_: () => (/* binding */ PUBLISHABLE_IMAGE),
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   gO: () => (/* binding */ ecrRegistry),
/* harmony export */   i8: () => (/* binding */ registryOfAuthKey),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   qX: () => (/* binding */ isGithubContainerRegistry),
/* harmony export */   tO: () => (/* binding */ imageName)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_AUTH_KEY, GHCR */
/**
 * Which registry an image name lives in, as docker normalises it (distribution/reference
 * `splitDockerDomain`): the first path component is a registry host when it contains `.` or `:`,
 * is `localhost`, or has an uppercase letter; otherwise the image is on Docker Hub. Pure.
 */
const DOCKER_HUB = 'docker.io';
/**
 * An image name the publish stage can push with skopeo (`docker://NAME@digest`): a registry host
 * or a Docker Hub namespace, then the repository path; no IPv6 literal. The inputs refuse any
 * other name before the build (inputs/validators.ts), so the push never meets one.
 */
const PUBLISHABLE_IMAGE = /^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$/;
/** The key docker CLI writes in config.json `auths` for Docker Hub (`docker login` without host). */
const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';
const GHCR = 'ghcr.io';
/** Other spellings of Docker Hub that docker maps to docker.io. */
const DOCKER_HUB_ALIASES = new Set([
    DOCKER_HUB,
    'index.docker.io',
    'registry-1.docker.io'
]);
function splitDomain(image) {
    const slash = image.indexOf('/');
    const first = slash === -1 ? '' : image.slice(0, slash);
    const isHost = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
    if (!isHost)
        return { registry: DOCKER_HUB, remainder: image };
    const registry = DOCKER_HUB_ALIASES.has(first.toLowerCase()) ? DOCKER_HUB : first;
    return { registry, remainder: image.slice(slash + 1) };
}
/** The registry host of an image name (`octo/app` → `docker.io`, `localhost:5443/x` → `localhost:5443`). */
function registryOf(image) {
    return splitDomain(image.trim()).registry;
}
/**
 * The repository path inside its registry, without tag or digest (`app:1` → `library/app` on
 * Docker Hub, `ghcr.io/o/r@sha256:…` → `o/r`).
 */
function repositoryOf(image) {
    const { registry, remainder } = splitDomain(image.trim());
    let path = remainder;
    const at = path.indexOf('@');
    if (at !== -1)
        path = path.slice(0, at);
    const colon = path.lastIndexOf(':');
    if (colon > path.lastIndexOf('/'))
        path = path.slice(0, colon);
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    return path;
}
function isGhcr(registry) {
    return registry.toLowerCase() === GHCR;
}
/**
 * GitHub's container registry: ghcr.io, or GitHub Enterprise Server's `containers.<host>`
 * (its packages are GitHub's too: the Packages API and github-token reach them).
 */
function isGithubContainerRegistry(registry, serverUrl = 'https://github.com') {
    if (isGhcr(registry))
        return true;
    let host;
    try {
        host = new URL(serverUrl).hostname.toLowerCase();
    }
    catch {
        return false;
    }
    const name = registry.toLowerCase().replace(/:\d+$/, '');
    return host !== 'github.com' && name === `containers.${host}`;
}
/** The config.json `auths` key docker CLI writes for a registry. */
function authKey(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_AUTH_KEY : registry;
}
/**
 * The registry an `auths` / `credHelpers` key stands for, as docker reads them: scheme and path
 * dropped (`https://index.docker.io/v1/` → `docker.io`, `https://harbor.example/` → `harbor.example`).
 */
function registryOfAuthKey(key) {
    const host = key
        .trim()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .replace(/\/.*$/, '');
    return DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? DOCKER_HUB : host;
}
/** `registry/repository` of a reference: what the base-image globs are matched against. */
function imageName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/**
 * Splits `name[:tag][@digest]`; undefined when it is not a reference docker would accept
 * (an empty or upper-case path, a tag or digest that cannot be one).
 */
function parseImageReference(text) {
    const value = text.trim();
    const at = value.indexOf('@');
    const digest = at === -1 ? undefined : value.slice(at + 1);
    const named = at === -1 ? value : value.slice(0, at);
    const colon = named.lastIndexOf(':');
    const tag = colon > named.lastIndexOf('/') ? named.slice(colon + 1) : undefined;
    const name = tag === undefined ? named : named.slice(0, colon);
    if (!name || (digest !== undefined && !/^[a-z0-9]+:[A-Za-z0-9=_-]{32,}$/.test(digest))) {
        return undefined;
    }
    if (tag !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag))
        return undefined;
    const registry = registryOf(name);
    const repository = repositoryOf(name);
    if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository)) {
        return undefined;
    }
    return {
        registry,
        repository,
        ...(tag !== undefined ? { tag } : {}),
        ...(digest !== undefined ? { digest } : {})
    };
}
/** ECR hosts as docker/login-action recognises them (its src/aws.ts), a port allowed for tests. */
const ECR_PRIVATE = /^([0-9]{12})\.(?:dkr\.ecr|dkr-ecr)\.([a-z0-9-]+)\.(?:on\.aws|amazonaws\.(?:com(?:\.cn)?|eu))(?::\d+)?$/;
/** Whether a registry is Amazon ECR (private, by account and region) or ECR Public. */
function ecrRegistry(registry) {
    const match = ECR_PRIVATE.exec(registry);
    if (match)
        return { kind: 'private', account: match[1] ?? '', region: match[2] ?? '' };
    // ECR Public's API lives in us-east-1 only.
    if (registry === 'public.ecr.aws')
        return { kind: 'public', region: 'us-east-1' };
    return undefined;
}


/***/ }),

/***/ 69811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ newRunRecord)
/* harmony export */ });
function newRunRecord() {
    return { tools: [] };
}


/***/ }),

/***/ 11820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ StageTimer),
/* harmony export */   s: () => (/* binding */ timingsTable)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25625);
/* harmony import */ var _trace_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73606);


/** Runs each stage in a collapsible log group and records how long it took, failed or not. */
class StageTimer {
    timings = [];
    async run(stage, step) {
        return this.time(stage, () => _log_js__WEBPACK_IMPORTED_MODULE_0__.log.group(stage, step));
    }
    /**
     * The same, without a log group: for work that runs beside a stage that has the log (the
     * tools stage beside the build), whose lines are told when it is awaited.
     */
    async time(stage, step) {
        const started = (0,_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .traceNow */ .Es)();
        let ok = false;
        try {
            const result = await step();
            ok = true;
            return result;
        }
        finally {
            const end = (0,_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .traceNow */ .Es)();
            this.timings.push({ stage, ms: Math.round(end - started), ok });
            (0,_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .trace */ .uP)({ kind: 'stage', stage, start: started, end });
        }
    }
}
/** `| stage | time |` rows for the job summary. */
function timingsTable(timings) {
    if (!timings.length)
        return '';
    const total = timings.reduce((sum, t) => sum + t.ms, 0);
    const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
    return [
        '| stage | time |',
        '| --- | --- |',
        ...timings.map(t => `| ${t.stage}${t.ok ? '' : ' (failed)'} | ${seconds(t.ms)} |`),
        `| **total** | **${seconds(total)}** |`
    ].join('\n');
}


/***/ }),

/***/ 98828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ TOOL_NAMES),
/* harmony export */   O2: () => (/* binding */ isToolName),
/* harmony export */   P4: () => (/* binding */ PLATFORMS),
/* harmony export */   Qj: () => (/* binding */ normalizeVersion),
/* harmony export */   SM: () => (/* binding */ assetName),
/* harmony export */   XA: () => (/* binding */ releaseUrl),
/* harmony export */   aH: () => (/* binding */ isPlatform),
/* harmony export */   aq: () => (/* binding */ TOOL_SPECS),
/* harmony export */   jN: () => (/* binding */ currentPlatform)
/* harmony export */ });
/* unused harmony export DEFAULT_RELEASE_BASE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * What differs between tools, as data: where the releases live, how assets are named for each
 * OS/architecture, whether the asset is an archive or the binary itself, and how the project
 * spells its versions. The installer (install.ts) has no per-tool branch; adding a tool is
 * adding a spec here and its hashes in releases.ts.
 */

const TOOL_NAMES = ['trivy', 'cosign', 'notation'];
const PLATFORMS = [
    'linux-x64',
    'linux-arm64',
    'darwin-x64',
    'darwin-arm64'
];
const TOOL_SPECS = {
    trivy: {
        name: 'trivy',
        input: 'trivy-version',
        repository: 'aquasecurity/trivy',
        versionPrefix: '',
        tag: 'v{version}',
        asset: 'trivy_{version}_{os}-{arch}.tar.gz',
        os: { linux: 'Linux', darwin: 'macOS' },
        arch: { x64: '64bit', arm64: 'ARM64' },
        format: 'tar.gz',
        binary: 'trivy'
    },
    cosign: {
        name: 'cosign',
        input: 'cosign-version',
        repository: 'sigstore/cosign',
        versionPrefix: 'v',
        tag: 'v{version}',
        asset: 'cosign-{os}-{arch}',
        os: { linux: 'linux', darwin: 'darwin' },
        arch: { x64: 'amd64', arm64: 'arm64' },
        format: 'binary',
        binary: 'cosign'
    },
    notation: {
        name: 'notation',
        input: 'notation-version',
        repository: 'notaryproject/notation',
        versionPrefix: '',
        tag: 'v{version}',
        asset: 'notation_{version}_{os}_{arch}.tar.gz',
        os: { linux: 'linux', darwin: 'darwin' },
        arch: { x64: 'amd64', arm64: 'arm64' },
        format: 'tar.gz',
        binary: 'notation'
    }
};
/** Where release assets come from when `tools-mirror` is not set. */
const DEFAULT_RELEASE_BASE = 'https://github.com';
const EXACT_VERSION = /^v?(\d+\.\d+\.\d+)$/;
function isToolName(value) {
    return TOOL_NAMES.includes(value);
}
function isPlatform(value) {
    return PLATFORMS.includes(value);
}
/**
 * `v3.0.6` / `3.0.6` → `{ semver: '3.0.6', display: 'v3.0.6' }` (cosign). `latest` and version
 * ranges are refused: every tool is pinned by version and hash.
 */
function normalizeVersion(spec, raw) {
    const value = raw.trim();
    if (value.toLowerCase() === 'latest') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${spec.name} version "latest" is refused: tools are pinned by version and SHA-256. ` +
            `Give an exact version such as ${spec.versionPrefix}1.2.3.`);
    }
    const match = EXACT_VERSION.exec(value);
    if (!match?.[1]) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${spec.name} version "${raw}" is not an exact version such as ${spec.versionPrefix}1.2.3`);
    }
    return { semver: match[1], display: `${spec.versionPrefix}${match[1]}` };
}
/** The runner's platform, or a ConfigurationError naming what is supported. */
function currentPlatform(os = process.platform, arch = process.arch) {
    const platform = `${os}-${arch}`;
    if (isPlatform(platform))
        return platform;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`This runner (${platform}) is not supported for tool downloads: ${PLATFORMS.join(', ')}`);
}
function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
}
/** The asset's file name, e.g. `trivy_0.74.0_Linux-64bit.tar.gz`, `cosign-linux-amd64`. */
function assetName(spec, version, platform) {
    const [os, arch] = platform.split('-');
    return fill(spec.asset, { version: version.semver, os: spec.os[os], arch: spec.arch[arch] });
}
/**
 * The release URL of the asset under `base` (`https://github.com` or the `tools-mirror`), e.g.
 * `https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64`.
 */
function releaseUrl(spec, version, platform, base = DEFAULT_RELEASE_BASE) {
    const tag = fill(spec.tag, { version: version.semver });
    const root = (base || DEFAULT_RELEASE_BASE).replace(/\/+$/, '');
    return `${root}/${spec.repository}/releases/download/${tag}/${assetName(spec, version, platform)}`;
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

//# sourceMappingURL=15.index.js.map
export const id = 690;
export const ids = [690];
export const modules = {

/***/ 9333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   VX: () => (/* binding */ mergeScans),
/* harmony export */   n6: () => (/* binding */ compareText)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(764);
/**
 * Merges the platforms' findings: the same vulnerability in the same package version on three
 * platforms is one finding seen on three (findingKey). Order is stable: most severe first, then
 * by ID and package, so the report, SARIF and summary list findings the same way every run.
 */

function mergeScans(scans) {
    const byKey = new Map();
    for (const scan of scans) {
        for (const finding of scan.findings) {
            const seen = byKey.get(finding.key);
            if (!seen) {
                byKey.set(finding.key, {
                    ...finding,
                    platforms: [...finding.platforms],
                    layers: { ...finding.layers }
                });
                continue;
            }
            for (const platform of finding.platforms) {
                if (!seen.platforms.includes(platform))
                    seen.platforms.push(platform);
                const layer = finding.layers[platform];
                if (layer && !seen.layers[platform])
                    seen.layers[platform] = layer;
            }
            // Severity comes from the DB entry, the same for every platform; keep the worst should
            // two reports ever disagree (a DB updated between scans), so the gate errs to safety.
            if ((0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(finding.severity) < (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(seen.severity)) {
                seen.severity = finding.severity;
            }
            // Suppressed on one platform but not another (a VEX statement scoped to one arch):
            // it still counts where it was not suppressed.
            if (seen.suppressed && !finding.suppressed)
                delete seen.suppressed;
        }
    }
    return [...byKey.values()].sort(compareFindings);
}
/** Most severe first, then by ID, package and version: the order findings are kept and listed in. */
function compareFindings(a, b) {
    return ((0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(a.severity) - (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(b.severity) ||
        compareText(a.id, b.id) ||
        compareText(a.package.name, b.package.name) ||
        compareText(a.package.installedVersion, b.package.installedVersion) ||
        compareText(a.key, b.key));
}
// Code-unit order, not localeCompare: the output must not depend on the runner's locale.
const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);


/***/ }),

/***/ 7690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dockerfileOf: () => (/* binding */ dockerfileOf),
  scanStage: () => (/* binding */ scanStage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(8390);
;// CONCATENATED MODULE: ./src/scan/dockerfile-origins.ts
/**
 * Which Dockerfile line made each layer of a built image, so that a finding Trivy reports in a
 * layer (`Layer.DiffID`) can name the instruction that brought it in: the stage chain's root
 * `FROM` for the base image's layers, our RUN/COPY/ADD/WORKDIR line for the layers we added.
 *
 * Pure: the Dockerfile text and the image config's history in, a map out; it never throws,
 * because a missing origin only makes a report less precise, while an exception would stop it.
 *
 * The `created_by` texts BuildKit writes, as the real configs in __fixtures__/image-history/
 * show them (see its SOURCES.md):
 * - `RUN /bin/sh -c <command> # buildkit`: shell form (another SHELL puts its own words there).
 * - `RUN |2 A=1 B=two words /bin/sh -c <command> # buildkit`: the ARGs the stage declared,
 *   values unquoted.
 * - `RUN <argv joined by spaces> # buildkit`: exec form.
 * - `RUN /bin/sh -c <body> # buildkit` for a lone `RUN <<EOT`, `RUN /bin/sh -c /dev/pipes/EOT`
 *   when the body starts with #!, and the whole text for any other heredoc.
 * - `COPY [--chown=…] [--chmod=…] <src>… <dest> # buildkit`, and ADD alike: --from and --link
 *   dropped, $VARIABLES expanded.
 * - `WORKDIR /absolute/path`, expanded; `WORKDIR /` alone makes no layer.
 * Line continuations are joined and the comment lines inside them dropped.
 */


/** Long enough to recognise a line in a summary table, short enough to fit in one. */
const MAX_INSTRUCTION_LENGTH = 200;
/** The instructions that may add a layer; every other one only changes the image config. */
const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
const VARIABLE = /\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g;
const HAS_VARIABLE = /\$(?:\{[^}]*\}|[A-Za-z_])/;
/**
 * Maps each layer's diff ID to the Dockerfile line that made it, for the image built from
 * `dockerfile` with `target` (the last stage when empty).
 *
 * Layers are aligned newest first against the chain's RUN/COPY/ADD/WORKDIR instructions, each
 * layer taking the nearest remaining instruction whose keyword and text match its `created_by`
 * (instructions passed over made no layer, like `WORKDIR /`). Layers older than the oldest
 * match belong to the root stage's FROM. A layer that matches nothing while it sits above a
 * matched one is ours but unrecognised: it is left out, so that the caller says "unknown"
 * rather than naming a wrong line. A diff ID that occurs twice with different origins (the
 * empty layer of `RUN true` and of an existing WORKDIR) is left out for the same reason.
 */
function layerOrigins(dockerfile, target, image) {
    try {
        return computeOrigins(dockerfile, target, image);
    }
    catch {
        return new Map();
    }
}
function computeOrigins(dockerfile, target, image) {
    const parsed = main.DockerfileParser.parse(dockerfile);
    const escape = parsed.getEscapeCharacter();
    const stages = splitStages(parsed.getInstructions());
    const chain = stageChain(stages, target ?? '', globalArgs(parsed.getInitialARGs()));
    if (!chain)
        return new Map();
    const root = chain[0];
    const base = baseOrigin(root, escape);
    const steps = chainSteps(chain, escape);
    if (!Array.isArray(image.history) || !Array.isArray(image.diffIds))
        return new Map();
    const layers = image.history.filter(entry => entry?.empty_layer !== true);
    if (layers.length !== image.diffIds.length) {
        // A corrupt config: which entry goes with which diff ID is a guess. Only a chain that adds
        // no layer at all makes the answer certain: every layer is the base image's.
        return steps.length === 0 && base
            ? keyByDiffId(image.diffIds, image.diffIds.map(() => base))
            : new Map();
    }
    const origins = layers.map(() => undefined);
    let next = steps.length - 1;
    let oldestMatch = layers.length;
    for (let layer = layers.length - 1; layer >= 0 && next >= 0; layer--) {
        const entry = parseCreatedBy(layers[layer]?.created_by);
        let step = next;
        while (step >= 0 && !steps[step].matches(entry))
            step--;
        if (step < 0)
            continue;
        origins[layer] = steps[step].origin;
        next = step - 1;
        oldestMatch = layer;
    }
    // Below our oldest layer there is only the base image (scratch has none: anything there is
    // ours, unrecognised, and stays out).
    if (base)
        for (let layer = 0; layer < oldestMatch; layer++)
            origins[layer] = base;
    return keyByDiffId(image.diffIds, origins);
}
function keyByDiffId(diffIds, origins) {
    const result = new Map();
    const ambiguous = new Set();
    diffIds.forEach((diffId, index) => {
        const origin = origins[index];
        if (typeof diffId !== 'string' || !origin)
            return;
        const known = result.get(diffId);
        if (known && known !== origin)
            ambiguous.add(diffId);
        result.set(diffId, origin);
    });
    for (const diffId of ambiguous)
        result.delete(diffId);
    return result;
}
function splitStages(instructions) {
    const stages = [];
    for (const instruction of instructions) {
        if (instruction instanceof main.From) {
            const name = instruction.getBuildStage() ?? undefined;
            stages.push({ ...(name ? { name } : {}), from: instruction, instructions: [] });
        }
        else {
            // Before the first FROM only ARGs are allowed; they matter through globalArgs alone.
            stages[stages.length - 1]?.instructions.push(instruction);
        }
    }
    return stages;
}
function globalArgs(args) {
    const values = new Map();
    for (const arg of args) {
        const property = arg.getProperty();
        if (property)
            values.set(property.getName(), property.getValue() ?? '');
    }
    return values;
}
/**
 * The target stage and the stages its FROM names, root first. BuildKit looks a FROM up among
 * the earlier stages by name only (case-insensitively, after expanding the global ARGs);
 * `FROM 0` is an image called `0`. Overridden build args are unknown here: defaults are used.
 */
function stageChain(stages, target, args) {
    let index = target
        ? stages.findIndex(stage => stage.name?.toLowerCase() === target.toLowerCase())
        : stages.length - 1;
    const chain = [];
    while (index >= 0) {
        const stage = stages[index];
        chain.unshift(stage);
        const image = expandArgs(stage.from.getImage() ?? '', args).toLowerCase();
        const before = stages.slice(0, index);
        index = before.map(s => s.name?.toLowerCase()).lastIndexOf(image);
    }
    return chain.length > 0 ? chain : undefined;
}
function expandArgs(text, args) {
    return text.replace(VARIABLE, reference => {
        const inner = reference.startsWith('${') ? reference.slice(2, -1) : reference.slice(1);
        const [, name = '', operator, word = ''] = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+])?(.*)$/.exec(inner) ?? [];
        const value = args.get(name);
        if (operator === ':-')
            return value ? value : word;
        if (operator === '-')
            return value ?? word;
        if (operator === ':+')
            return value ? word : '';
        if (operator === '+')
            return value === undefined ? '' : word;
        return value ?? '';
    });
}
function baseOrigin(root, escape) {
    const image = root.from.getImage() ?? '';
    if (image.toLowerCase() === 'scratch')
        return undefined;
    return {
        ...lines(root.from),
        keyword: 'FROM',
        instruction: oneLine(root.from, escape),
        fromBase: true,
        ...(image ? { baseImage: image } : {}),
        ...(root.name ? { stage: root.name } : {})
    };
}
function chainSteps(chain, escape) {
    const steps = [];
    // SHELL carries over from a stage to the stages built on it, like the rest of the config.
    let shell;
    for (const stage of chain) {
        // Only the ARGs a stage declares itself reach its RUN entries (`|N NAME=value…`), not
        // those of the stage it is built on.
        const declared = new Set();
        for (const instruction of stage.instructions) {
            const keyword = instruction.getKeyword();
            const text = logical(instruction.getRawArgumentsContent() ?? '', escape);
            if (keyword === 'SHELL')
                shell = jsonArgv(text.line)?.join(' ');
            if (instruction instanceof main.Arg) {
                for (const property of instruction.getProperties())
                    declared.add(property.getName());
            }
            if (!LAYER_KEYWORDS.has(keyword))
                continue;
            const origin = {
                ...lines(instruction),
                keyword,
                instruction: oneLine(instruction, escape),
                fromBase: false,
                ...(stage.name ? { stage: stage.name } : {})
            };
            const matches = matcher(keyword, text, { shell, args: new Set(declared) });
            steps.push({ origin, matches: entry => entry.keyword === keyword && matches(entry.body) });
        }
    }
    return steps;
}
function matcher(keyword, text, scope) {
    if (keyword === 'RUN')
        return runMatcher(text, scope);
    if (keyword === 'WORKDIR')
        return workdirMatcher(text.line);
    // COPY and ADD: BuildKit keeps some flags (--chown, --chmod) and drops others (--from,
    // --link); the sources and destination are what tells two COPYs apart.
    const argv = jsonArgv(text.line);
    const pattern = wildcard(unquote(argv ? argv.join(' ') : collapse(text.line)));
    return body => pattern.test(unquote(body.replace(/^(?:--\S+ ?)+/, '')));
}
function runMatcher(text, scope) {
    const argv = jsonArgv(text.line);
    if (argv) {
        const command = collapse(argv.join(' '));
        return body => {
            const head = headBefore(body, command);
            return head === '' || (head !== undefined && isBuildArgs(head, scope.args));
        };
    }
    const commands = [collapse([text.line, ...text.rest].join('\n'))];
    const heredoc = /^<<-?(["']?)([A-Za-z0-9_.-]+)\1$/.exec(text.line.trim());
    if (heredoc) {
        // The heredoc is the whole command: BuildKit runs its body, or the body as a script file
        // when it starts with #! (its history then only names the file).
        commands.push(collapse(text.rest.slice(0, -1).join('\n')), `/dev/pipes/${heredoc[2]}`);
    }
    return body => commands.some(command => {
        const head = headBefore(body, command);
        return head !== undefined && isShellHead(head, scope);
    });
}
/** What stands before `command` at the end of a RUN history entry, or undefined. */
function headBefore(body, command) {
    if (!command)
        return undefined;
    if (body === command)
        return '';
    return body.endsWith(` ${command}`) ? body.slice(0, -command.length - 1) : undefined;
}
/**
 * `|N NAME=value…`: N of the ARGs the stage declared. The values are unquoted and may hold
 * spaces, so the names are what can be checked.
 */
function isBuildArgs(text, declared) {
    const [, count, first = ''] = /^\|(\d+) ([A-Za-z_][A-Za-z0-9_]*)=/.exec(text) ?? [];
    if (count === undefined || !declared.has(first))
        return false;
    const names = (text.match(/ [A-Za-z_][A-Za-z0-9_]*=/g) ?? []).filter(name => declared.has(name.slice(1, -1)));
    const n = Number(count);
    return n >= 1 && n <= declared.size && names.length >= n;
}
/**
 * Shells a base image may have set with SHELL, which our Dockerfile cannot tell us: a POSIX
 * shell ending in -c (`/bin/sh -c`, `/bin/sh -ec`, `/bin/bash -o pipefail -c`), or cmd.
 */
const KNOWN_SHELLS = [
    /^(?:\S*\/)?(?:sh|bash|ash|dash|zsh|ksh|mksh)(?: -[A-Za-z]*o [a-z]+| -[A-Za-z]+)* -[A-Za-z]*c$/,
    /^(?:\S*\\)?cmd(?:\.exe)? \/S \/C$/i
];
/** The words before a shell-form command: build args if any, then the shell. */
function isShellHead(head, scope) {
    const words = head.split(' ');
    const shell = scope.shell === undefined ? undefined : collapse(scope.shell);
    // The build args' values may hold spaces: try each place the shell could start.
    for (let start = words.length - 1; start >= 0; start--) {
        const candidate = words.slice(start).join(' ');
        if (candidate !== shell && !KNOWN_SHELLS.some(known => known.test(candidate)))
            continue;
        const args = words.slice(0, start).join(' ');
        if (args === '' || isBuildArgs(args, scope.args))
            return true;
    }
    return false;
}
function workdirMatcher(line) {
    const written = unquote(collapse(line));
    if (HAS_VARIABLE.test(written)) {
        const pattern = wildcard(written.replace(/(.)\/+$/, '$1'), !written.startsWith('/'));
        return body => pattern.test(body);
    }
    // BuildKit records the cleaned, absolute directory: a relative one is resolved against the
    // previous WORKDIR, which the base image may have set.
    const clean = external_node_path_default().posix.normalize(written).replace(/(.)\/+$/, '$1');
    if (clean.startsWith('/'))
        return body => body === clean;
    if (clean.startsWith('..'))
        return body => body.startsWith('/');
    return body => body === `/${clean}` || body.endsWith(`/${clean}`);
}
/** A pattern for text whose $VARIABLES BuildKit expanded, with values we cannot know. */
function wildcard(text, anyPrefix = false) {
    const literal = text.split(VARIABLE).map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${anyPrefix ? '(?:.*/)?' : ''}${literal.join('.*?')}$`);
}
function parseCreatedBy(createdBy) {
    const text = collapse(typeof createdBy === 'string' ? createdBy : '').replace(/ # buildkit$/, '');
    const space = text.indexOf(' ');
    if (space < 0)
        return { keyword: text.toUpperCase(), body: '' };
    return { keyword: text.slice(0, space).toUpperCase(), body: text.slice(space + 1) };
}
function logical(raw, escape) {
    const rows = raw.split(/\r?\n/);
    const continued = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*$`);
    let line = '';
    let index = 0;
    for (; index < rows.length; index++) {
        const row = rows[index];
        if (index > 0 && /^\s*(?:#|$)/.test(row))
            continue;
        if (!continued.test(row)) {
            line += row;
            index++;
            break;
        }
        line += row.replace(continued, '');
    }
    return { line, rest: rows.slice(index) };
}
function jsonArgv(line) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('['))
        return undefined;
    try {
        const value = JSON.parse(trimmed);
        if (Array.isArray(value) && value.every(item => typeof item === 'string'))
            return value;
    }
    catch {
        // Not JSON: BuildKit reads the instruction in shell form, and so do we.
    }
    return undefined;
}
function lines(instruction) {
    const range = instruction.getRange();
    return { startLine: range.start.line + 1, endLine: range.end.line + 1 };
}
function oneLine(instruction, escape) {
    const text = logical(instruction.getTextContent(), escape);
    const flat = collapse([text.line, ...text.rest].join(' '));
    return flat.length > MAX_INSTRUCTION_LENGTH
        ? `${flat.slice(0, MAX_INSTRUCTION_LENGTH - 1)}…`
        : flat;
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}
function unquote(text) {
    return text.replace(/["']/g, '');
}

// EXTERNAL MODULE: ./src/scan/gate.ts
var scan_gate = __webpack_require__(6534);
// EXTERNAL MODULE: ./src/scan/ignore.ts
var ignore = __webpack_require__(1795);
// EXTERNAL MODULE: ./src/build/oci-layout.ts
var oci_layout = __webpack_require__(5076);
;// CONCATENATED MODULE: ./src/scan/image-config.ts
/**
 * A platform's image config from the build's layout (manifest → config blob): its history
 * and layer diff IDs are what ties Trivy's `Layer.DiffID` to a Dockerfile line.
 */

async function readImageHistory(layout, manifest) {
    const m = await (0,oci_layout/* readJsonBlob */.IB)(layout, manifest);
    if (!m.config?.digest)
        throw new Error(`${manifest} is not an image manifest (no config)`);
    const config = await (0,oci_layout/* readJsonBlob */.IB)(layout, m.config.digest);
    return { history: config.history ?? [], diffIds: config.rootfs?.diff_ids ?? [] };
}

// EXTERNAL MODULE: ./src/scan/merge.ts
var merge = __webpack_require__(9333);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/concurrency.ts
var src_concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(3190);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/scan/args.ts
/**
 * The `trivy image` command line for one platform, as a pure function (tested with tables).
 * Trivy reads the build's OCI layout in place; it is told which platform by the manifest
 * digest (`--input <layout>@<digest>`), because for a layout it ignores `--platform` and
 * would scan the first manifest of the index every time (see build/oci-layout.ts).
 */
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** Trivy's Go duration: whole seconds are enough for a limit given in s/m/h. */
const goDuration = (ms) => `${Math.max(1, Math.ceil(ms / 1000))}s`;
function trivyScanArgs(input) {
    // Trivy cuts `--input` at the first "@" to find the digest: a path holding one would be
    // cut in the wrong place. RUNNER_TEMP never holds one; refuse rather than scan the wrong thing.
    if (!input.layout.startsWith('/') || input.layout.includes('@')) {
        throw new Error(`the scan layout path must be absolute and hold no "@": "${input.layout}"`);
    }
    if (!DIGEST.test(input.digest))
        throw new Error(`not a manifest digest: "${input.digest}"`);
    if (!PLATFORM.test(input.platform))
        throw new Error(`not a platform: "${input.platform}"`);
    return [
        'image',
        '--input',
        `${input.layout}@${input.digest}`,
        // Ignored by Trivy for a layout (the digest decides), passed so that its log and any
        // future Trivy that honours it agree with the digest.
        '--platform',
        input.platform,
        '--format',
        'json',
        '--output',
        input.output,
        // The gate is about vulnerabilities; secret scanning would double the scan time.
        '--scanners',
        'vuln',
        // All packages only when an SBOM is made from this report (trivy convert); else the
        // report lists findings alone, several times smaller.
        `--list-all-pkgs=${input.listAllPackages ? 'true' : 'false'}`,
        '--timeout',
        goDuration(input.timeoutMs),
        '--no-progress',
        ...input.dbArgs
    ];
}
/** `trivy convert`: the CycloneDX SBOM of a platform from its JSON report (no second scan). */
function trivySbomArgs(report, output) {
    if (!report.startsWith('/') || !output.startsWith('/')) {
        throw new Error(`report and SBOM paths must be absolute: "${report}", "${output}"`);
    }
    return ['convert', '--format', 'cyclonedx', '--output', output, '--', report];
}

// EXTERNAL MODULE: ./src/scan/model.ts
var model = __webpack_require__(764);
;// CONCATENATED MODULE: ./src/scan/trivy-report.ts
/**
 * Parses one platform's Trivy JSON report into the findings model. Written against the reports
 * of Trivy 0.48 to 0.74 (__fixtures__/trivy): a result without findings has no
 * `Vulnerabilities` key at all; `Trivy.Version` exists only from 0.69; findings suppressed by
 * Trivy (VEX, its own ignore handling) sit under `ExperimentalModifiedFindings`; `FixedVersion`
 * may be missing; `Secrets` may be empty or absent. A report we cannot read is an error: the
 * scan fails closed rather than pass an image on a report it did not understand.
 */

class TrivyReportError extends Error {
    name = 'TrivyReportError';
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const trivy_report_text = (value) => typeof value === 'string' && value !== '' ? value : undefined;
function severityOf(value) {
    const upper = typeof value === 'string' ? value.toUpperCase() : '';
    return model/* SEVERITIES */.oC.includes(upper) ? upper : 'UNKNOWN';
}
/** The package URL without qualifiers or subpath: `arch=amd64` would split a finding per platform. */
function bareUrl(purl) {
    return purl?.replace(/[?#].*$/, '');
}
function maxCvss(value) {
    if (!isObject(value))
        return undefined;
    let best;
    for (const source of Object.values(value)) {
        const score = isObject(source) ? source.V3Score : undefined;
        if (typeof score === 'number' && (best === undefined || score > best))
            best = score;
    }
    return best;
}
/**
 * The identity of a finding across platforms and runs: vulnerability, package, version, where
 * the package sits, and which ecosystem it belongs to. Not the PURL (it carries the arch).
 */
function findingKey(f) {
    return [
        f.id,
        f.package.type,
        f.package.name,
        f.package.installedVersion,
        f.package.path ?? ''
    ].join('|');
}
function toFinding(raw, result, platform, where) {
    if (!isObject(raw))
        throw new TrivyReportError(`${where} is not an object`);
    const id = trivy_report_text(raw.VulnerabilityID);
    const name = trivy_report_text(raw.PkgName);
    if (!id || !name) {
        throw new TrivyReportError(`${where} has no VulnerabilityID or PkgName`);
    }
    const identifier = isObject(raw.PkgIdentifier) ? raw.PkgIdentifier : {};
    const layer = isObject(raw.Layer) ? raw.Layer : {};
    const finding = {
        key: '',
        id,
        severity: severityOf(raw.Severity),
        package: {
            name,
            installedVersion: trivy_report_text(raw.InstalledVersion) ?? '',
            fixedVersion: trivy_report_text(raw.FixedVersion) ?? '',
            type: trivy_report_text(result.Type) ?? '',
            class: trivy_report_text(result.Class) ?? ''
        },
        target: trivy_report_text(result.Target) ?? '',
        platforms: [platform],
        layers: {
            [platform]: {
                ...(trivy_report_text(layer.DiffID) ? { diffId: trivy_report_text(layer.DiffID) } : {}),
                ...(trivy_report_text(layer.Digest) ? { digest: trivy_report_text(layer.Digest) } : {})
            }
        }
    };
    const optional = {
        title: trivy_report_text(raw.Title),
        description: trivy_report_text(raw.Description),
        primaryUrl: trivy_report_text(raw.PrimaryURL),
        status: trivy_report_text(raw.Status),
        cvss: maxCvss(raw.CVSS)
    };
    for (const [k, v] of Object.entries(optional)) {
        if (v !== undefined)
            finding[k] = v;
    }
    const path = trivy_report_text(raw.PkgPath);
    if (path)
        finding.package.path = path;
    const purl = bareUrl(trivy_report_text(identifier.PURL));
    if (purl)
        finding.package.purl = purl;
    finding.key = findingKey(finding);
    return finding;
}
function parseTrivyReport(json, options) {
    let doc;
    try {
        doc = JSON.parse(json);
    }
    catch (error) {
        throw new TrivyReportError(`the report is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!isObject(doc))
        throw new TrivyReportError('the report is not a JSON object');
    // Required, not assumed: a file of another kind (a SARIF log, an error page) has no
    // Results either, and must not read as "no findings".
    if (doc.SchemaVersion !== 2) {
        throw new TrivyReportError(doc.SchemaVersion === undefined
            ? 'the report has no SchemaVersion: it is not a Trivy JSON report'
            : `report SchemaVersion ${String(doc.SchemaVersion)} is not supported (expected 2)`);
    }
    const results = doc.Results ?? [];
    if (!Array.isArray(results))
        throw new TrivyReportError('Results is not a list');
    const { platform } = options;
    const findings = [];
    let secrets = 0;
    results.forEach((result, r) => {
        if (!isObject(result))
            throw new TrivyReportError(`Results[${r}] is not an object`);
        const vulnerabilities = result.Vulnerabilities ?? [];
        if (!Array.isArray(vulnerabilities)) {
            throw new TrivyReportError(`Results[${r}].Vulnerabilities is not a list`);
        }
        vulnerabilities.forEach((v, i) => findings.push(toFinding(v, result, platform, `Results[${r}].Vulnerabilities[${i}]`)));
        const modified = result.ExperimentalModifiedFindings ?? [];
        if (Array.isArray(modified)) {
            modified.forEach((m, i) => {
                if (!isObject(m) || m.Type !== 'vulnerability')
                    return;
                const where = `Results[${r}].ExperimentalModifiedFindings[${i}]`;
                const finding = toFinding(m.Finding, result, platform, where);
                finding.suppressed = {
                    source: `trivy (${trivy_report_text(m.Source) ?? trivy_report_text(m.Status) ?? 'suppressed'})`,
                    ...(trivy_report_text(m.Statement) ? { reason: trivy_report_text(m.Statement) } : {})
                };
                findings.push(finding);
            });
        }
        if (Array.isArray(result.Secrets))
            secrets += result.Secrets.length;
    });
    const scan = { platform, digest: options.digest, findings, secrets };
    const trivy = isObject(doc.Trivy) ? trivy_report_text(doc.Trivy.Version) : undefined;
    if (trivy)
        scan.trivyVersion = trivy;
    const os = isObject(doc.Metadata) && isObject(doc.Metadata.OS) ? doc.Metadata.OS : undefined;
    if (os && trivy_report_text(os.Family))
        scan.os = [trivy_report_text(os.Family), trivy_report_text(os.Name)].filter(Boolean).join(' ');
    return scan;
}

;// CONCATENATED MODULE: ./src/scan/run.ts
/**
 * SPEC stage 7: Trivy once per platform, on the build's OCI layout (nothing is published
 * yet), several at once. Fails closed: a crash, a time-out or a report we cannot read on any
 * platform stops the run with the platform and the reason; nothing is published.
 */









/** Beyond Trivy's own --timeout, how long before the process is stopped by us. */
const KILL_MARGIN_MS = 30_000;
/**
 * Scans at once: the CPU count, but at least 4. A scan waits on I/O (layer blobs, the DB) as
 * much as it computes, and three platforms on a 2-CPU runner finish sooner all together (1.5
 * CPU-lengths) than two then one (2). Typical builds have 2–4 platforms: all scan at once.
 */
const MIN_SCAN_CONCURRENCY = 4;
const defaultScanConcurrency = () => Math.max(MIN_SCAN_CONCURRENCY, (0,external_node_os_.availableParallelism)());
class ScanError extends Error {
    failures;
    name = 'ScanError';
    constructor(failures) {
        super(`The scan failed on ${failures.map(f => f.platform).join(', ')}, so nothing is published: ` +
            failures.map(f => `${f.platform}: ${f.reason}`).join('; '));
        this.failures = failures;
    }
}
// Not `instanceof Error`: an error from another realm (a test's VM context) is one too.
const messageOf = (error) => typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
/**
 * Trivy reads TRIVY_* variables as flags (TRIVY_SEVERITY, TRIVY_IGNORE_UNFIXED,
 * TRIVY_IGNOREFILE…): set in a workflow for another step, they would silently narrow the
 * report the gate decides on. The scan's flags are ours alone.
 */
function scanEnvironment(base) {
    const env = {};
    const removed = [];
    for (const [key, value] of Object.entries(base)) {
        if (/^TRIVY_/i.test(key))
            removed.push(key);
        else
            env[key] = value;
    }
    return { env, removed: removed.sort() };
}
/** The FATAL line Trivy ends with, or a Go panic's first line, else the last lines of stderr. */
function trivyReason(result) {
    const lines = result.stderr
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const cause = lines.find(l => /\bFATAL\b/.test(l)) ?? lines.find(l => l.startsWith('panic:'));
    const detail = (cause ?? lines.slice(-3).join(' | ')).slice(0, 600);
    const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.exitCode}`;
    return `trivy ${how}${detail ? `: ${detail}` : ''}`;
}
async function scanPlatforms(options) {
    const exec = options.exec ?? src_exec/* execWithTimeout */.pn;
    const { env, removed } = scanEnvironment(options.env ?? process.env);
    if (removed.length) {
        options.log.warning(`Not passed to Trivy: ${removed.join(', ')} (the action sets the scan's options itself).`);
    }
    const scanLayout = await (0,oci_layout/* writePlatformLayout */.LF)(options.layout, (0,external_node_path_.join)(options.workDir, 'scan-layout'), options.platforms);
    const concurrency = options.concurrency ?? defaultScanConcurrency();
    const results = await (0,src_concurrency/* mapLimit */.s)(options.platforms, concurrency, async (p) => {
        const started = performance.now();
        const report = (0,external_node_path_.join)(options.reportDir, `trivy-${(0,model/* dashed */.Gg)(p.platform)}.json`);
        const args = trivyScanArgs({
            layout: scanLayout,
            digest: p.digest,
            platform: p.platform,
            output: report,
            timeoutMs: options.timeoutMs,
            dbArgs: options.dbArgs,
            listAllPackages: options.listAllPackages ?? false
        });
        options.log.debug(`trivy ${args.join(' ')}`);
        const fail = (reason) => ({ ok: false, failure: { platform: p.platform, reason } });
        let result;
        try {
            result = await exec(options.trivy, args, {
                env,
                // Not the workspace: Trivy would read a .trivyignore or trivy.yaml found there.
                cwd: options.workDir,
                timeoutMs: options.timeoutMs + (options.killMarginMs ?? KILL_MARGIN_MS)
            });
        }
        catch (error) {
            return fail(`trivy could not start (${messageOf(error)})`);
        }
        if (result.timedOut) {
            return fail(`trivy did not finish within the scan-timeout of ${Math.round(options.timeoutMs / 1000)} s and was stopped`);
        }
        if (result.exitCode !== 0)
            return fail(trivyReason(result));
        let json;
        try {
            json = await (0,promises_.readFile)(report, 'utf8');
        }
        catch {
            return fail('trivy exited 0 but wrote no report');
        }
        try {
            const scan = parseTrivyReport(json, { platform: p.platform, digest: p.digest });
            const ms = Math.round(performance.now() - started);
            options.log.info(`${p.platform}: ${scan.findings.length} finding(s) in ${(ms / 1000).toFixed(1)} s (${p.digest.slice(0, 19)})`);
            return { ok: true, scan, report, ms };
        }
        catch (error) {
            if (error instanceof TrivyReportError)
                return fail(`unreadable report ${report}: ${error.message}`);
            throw error;
        }
    });
    const failures = results.flatMap(r => (r.ok ? [] : [r.failure]));
    if (failures.length)
        throw new ScanError(failures);
    const done = results.filter((r) => r.ok);
    return {
        scans: done.map(r => r.scan),
        reports: Object.fromEntries(done.map(r => [r.scan.platform, r.report])),
        durations: Object.fromEntries(done.map(r => [r.scan.platform, r.ms]))
    };
}

;// CONCATENATED MODULE: ./src/scan/sbom.ts
/**
 * The CycloneDX SBOM of each platform, converted by `trivy convert` from the JSON report the
 * scan already wrote (with every package listed): no second scan of the image. Made when the
 * SBOM is attested; a failure stops the run before anything is published, as a scan's does.
 */






/** Converting a report is local work of seconds; minutes mean something is wrong. */
const SBOM_TIMEOUT_MS = 5 * 60_000;
/** Platform → path of its CycloneDX SBOM. */
async function writeSboms(options) {
    const exec = options.exec ?? src_exec/* execWithTimeout */.pn;
    const { env } = scanEnvironment(options.env ?? process.env);
    const platforms = Object.keys(options.reports);
    const results = await (0,src_concurrency/* mapLimit */.s)(platforms, defaultScanConcurrency(), async (platform) => {
        const output = (0,external_node_path_.join)(options.reportDir, `sbom-${(0,model/* dashed */.Gg)(platform)}.cdx.json`);
        const args = trivySbomArgs(options.reports[platform], output);
        const result = await exec(options.trivy, args, {
            env,
            cwd: options.workDir,
            timeoutMs: SBOM_TIMEOUT_MS
        }).catch((error) => ({ error }));
        if ('error' in result)
            return { platform, failure: `trivy could not start (${String(result.error)})` };
        if (result.exitCode !== 0 || result.timedOut) {
            const line = result.stderr.trim().split('\n').pop() ?? '';
            return {
                platform,
                failure: `trivy convert ${result.timedOut ? 'timed out' : `exited with ${result.exitCode}`}${line ? `: ${line}` : ''}`
            };
        }
        return { platform, output };
    });
    const failures = results.flatMap(r => 'failure' in r && r.failure ? [{ platform: r.platform, reason: `SBOM: ${r.failure}` }] : []);
    if (failures.length)
        throw new ScanError(failures);
    return Object.fromEntries(results.map(r => [r.platform, 'output' in r ? r.output : '']));
}

;// CONCATENATED MODULE: ./src/scan/stage.ts
/**
 * The scan stage as main runs it: every platform scanned (run.ts), the platforms merged, the
 * ignore rules applied, the gate decided, and each finding's layer tied to its Dockerfile line.
 * Nothing here writes to a registry or to GitHub; the report stage publishes what this decides.
 */









/** The Dockerfile the build used, when it is a file in the workspace (not a Git context). */
function dockerfileOf(config, workspace) {
    const { context, file } = config.build;
    if (!file && /^(https?:\/\/|git@|git:\/\/)/.test(context))
        return undefined;
    const relative = (file || (0,external_node_path_.join)(context, 'Dockerfile')).replace(/\\/g, '/').replace(/^\.\//, '');
    const path = (0,external_node_path_.isAbsolute)(relative) ? relative : (0,external_node_path_.join)(workspace, relative);
    if (!(0,external_node_fs_.existsSync)(path))
        return undefined;
    const inside = path.startsWith(`${workspace.replace(/\/+$/, '')}/`);
    return {
        path,
        relative: inside ? path.slice(workspace.replace(/\/+$/, '').length + 1) : relative
    };
}
async function scanStage(options) {
    const { config, log } = options;
    const platforms = options.platforms.map(p => p.platform);
    const outcome = await scanPlatforms({
        trivy: options.trivy.path,
        layout: options.layout,
        platforms: options.platforms,
        reportDir: options.reportDir,
        workDir: options.workDir,
        dbArgs: options.trivy.dbArgs,
        timeoutMs: config.scan.timeoutMs,
        listAllPackages: options.sbom ?? false,
        ...(options.env ? { env: options.env } : {}),
        log
    });
    const sboms = options.sbom
        ? await writeSboms({
            trivy: options.trivy.path,
            reports: outcome.reports,
            reportDir: options.reportDir,
            workDir: options.workDir,
            ...(options.env ? { env: options.env } : {})
        })
        : {};
    const ignored = (0,ignore/* applyIgnoreRules */.Kq)((0,merge/* mergeScans */.VX)(outcome.scans), config.scan.ignoreRules, options.now);
    for (const rule of ignored.expired) {
        log.warning(`${rule.source}: the rule for ${rule.id} expired on ${rule.expires} and no longer applies.`);
    }
    const gate = (0,scan_gate/* evaluateGate */.DR)(ignored.findings, config.scan.failOn, config.scan.ignoreUnfixed);
    const dockerfile = dockerfileOf(config, options.workspace);
    const origins = {};
    if (dockerfile) {
        const text = (0,external_node_fs_.readFileSync)(dockerfile.path, 'utf8');
        for (const p of options.platforms) {
            try {
                const history = await readImageHistory(options.layout, p.digest);
                origins[p.platform] = layerOrigins(text, config.build.target || undefined, history);
            }
            catch (error) {
                // Locations are a help, not a verdict: without them findings point at the Dockerfile.
                log.debug(`no layer history for ${p.platform}: ${String(error)}`);
            }
        }
    }
    return {
        findings: ignored.findings,
        gate,
        counts: (0,scan_gate/* vulnerabilityCounts */.hk)(ignored.findings, platforms),
        platforms,
        expiredRules: ignored.expired,
        ignoreFiles: config.scan.trivyignore,
        trivyVersion: outcome.scans.find(s => s.trivyVersion)?.trivyVersion ?? options.trivy.version,
        reports: outcome.reports,
        durations: outcome.durations,
        sboms,
        ...(dockerfile ? { dockerfile } : {}),
        origins
    };
}


/***/ })

};

//# sourceMappingURL=690.index.js.map
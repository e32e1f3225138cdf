export const id = 979;
export const ids = [979];
export const modules = {

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   MZ: () => (/* binding */ codeCell),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/**
 * The job summary's Markdown escapes, in one place: GitHub ends a table cell at any `|`, also
 * inside a code span (where it reads `\|` as `|`), and a line break ends the row.
 */
/** Text for a table cell. */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** A code span for text that is later passed through `cell` as part of a whole cell. */
const inlineCode = (text) => `\`${text.replace(/`/g, "'")}\``;
/** A code span placed in a table cell directly (not passed through `cell`). */
const codeCell = (text) => inlineCode(text.replace(/\|/g, '\\|'));


/***/ }),

/***/ 3979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderSummary: () => (/* binding */ renderSummary)
});

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/scan/gate.ts
var scan_gate = __webpack_require__(6534);
// EXTERNAL MODULE: ./src/scan/model.ts
var model = __webpack_require__(764);
// EXTERNAL MODULE: ./src/scan/result.ts
var scan_result = __webpack_require__(1208);
;// CONCATENATED MODULE: ./src/report/scan-summary.ts
/**
 * The scan's part of the job summary: per platform, counts by severity and the verdict; the
 * findings that matter most (what fails the gate first), with the fix and the Dockerfile line
 * that brought each in; what was ignored and why; where the SARIF and the report went.
 */




/** Rows of the top-findings table: enough to act on, short enough to read. */
const TOP_FINDINGS = 10;
/** Rows of the ignored table. */
const TOP_IGNORED = 20;
const SEVERITY_KEYS = model/* SEVERITIES */.oC.map(s => s.toLowerCase());
function idLink(f) {
    return f.primaryUrl ? `[${f.id}](${f.primaryUrl})` : f.id;
}
function fix(f) {
    return `${(0,markdown/* codeCell */.MZ)(f.package.installedVersion || '?')} → ${f.package.fixedVersion ? (0,markdown/* codeCell */.MZ)(f.package.fixedVersion) : 'no fix yet'}`;
}
function where(section, f) {
    const { result } = section;
    const origin = (0,scan_result/* originOf */.y)(result, f);
    if (!origin || !result.dockerfile)
        return '–';
    const line = `${result.dockerfile.relative}:${origin.startLine}`;
    const text = origin.instruction.length > 60 ? `${origin.instruction.slice(0, 57)}…` : origin.instruction;
    return `${(0,markdown/* codeCell */.MZ)(line)} ${(0,markdown/* codeCell */.MZ)(text)}`;
}
function platformsOf(section, f) {
    return f.platforms.length === section.result.platforms.length
        ? 'all'
        : f.platforms.map(markdown/* codeCell */.MZ).join(' ');
}
function renderScanSummary(section) {
    const { result } = section;
    const { gate, counts } = result;
    const blocking = new Set(gate.blocking.map(f => f.key));
    const counted = new Set((0,scan_gate/* failingSeverities */.Mp)(gate.failOn));
    const verdict = gate.verdict === 'passed' ? '✅ passed' : '❌ failed';
    const parts = [`### Vulnerability scan: ${verdict}`, gate.reason];
    const header = `| platform | ${SEVERITY_KEYS.join(' | ')} | blocking |`;
    const rows = result.platforms.map(platform => {
        const c = counts.platforms[platform];
        const n = gate.blocking.filter(f => f.platforms.includes(platform)).length;
        return `| ${(0,markdown/* codeCell */.MZ)(platform)} | ${SEVERITY_KEYS.map(k => c?.[k] ?? 0).join(' | ')} | ${n ? `❌ ${n}` : '✅ 0'} |`;
    });
    parts.push([
        header,
        `| --- |${' ---: |'.repeat(SEVERITY_KEYS.length)} --- |`,
        ...rows,
        `| **all** (merged) | ${SEVERITY_KEYS.map(k => `**${counts[k]}**`).join(' | ')} | **${gate.blocking.length}** |`
    ].join('\n'));
    const live = result.findings.filter(f => !f.suppressed);
    // What fails the gate first, then the rest by severity (findings are sorted already).
    const top = [
        ...live.filter(f => blocking.has(f.key)),
        ...live.filter(f => !blocking.has(f.key))
    ].slice(0, TOP_FINDINGS);
    if (top.length) {
        parts.push([
            `#### Top findings (${top.length} of ${live.length})`,
            '',
            '| severity | vulnerability | package | installed → fixed | platforms | Dockerfile |',
            '| --- | --- | --- | --- | --- | --- |',
            ...top.map(f => {
                const mark = blocking.has(f.key)
                    ? ' ❌'
                    : counted.has(f.severity) && gate.ignoreUnfixed && !f.package.fixedVersion
                        ? ' (unfixed, not counted)'
                        : '';
                return `| ${f.severity}${mark} | ${idLink(f)} | ${(0,markdown/* codeCell */.MZ)(f.package.name)} | ${fix(f)} | ${platformsOf(section, f)} | ${where(section, f)} |`;
            })
        ].join('\n'));
    }
    const suppressed = result.findings.filter(f => f.suppressed);
    if (suppressed.length) {
        parts.push([
            `#### Ignored (${suppressed.length}, not counted)`,
            '',
            '| vulnerability | severity | package | rule | why |',
            '| --- | --- | --- | --- | --- |',
            ...suppressed.slice(0, TOP_IGNORED).map(f => {
                const s = f.suppressed;
                const until = s.expires ? ` (until ${s.expires})` : '';
                return `| ${idLink(f)} | ${f.severity} | ${(0,markdown/* codeCell */.MZ)(f.package.name)} | ${(0,markdown/* codeCell */.MZ)(s.source)}${until} | ${(0,markdown/* cell */.Hn)(s.reason ?? '(no reason given)')} |`;
            }),
            ...(suppressed.length > TOP_IGNORED
                ? [`| … ${suppressed.length - TOP_IGNORED} more in the report | | | | |`]
                : [])
        ].join('\n'));
    }
    for (const rule of result.expiredRules) {
        parts.push(`> [!WARNING]\n> ${(0,markdown/* cell */.Hn)(`${rule.source}: the rule for ${rule.id} expired on ${rule.expires ?? '?'} and no longer applies.`)}`);
    }
    const files = [
        `- Code scanning: ${section.upload} ([alerts](${section.repositoryUrl}/security/code-scanning))`,
        `- Merged findings: ${(0,markdown/* codeCell */.MZ)(section.files.report)} (the \`report\` output)`,
        `- SARIF: ${section.files.sarif.map(markdown/* codeCell */.MZ).join(', ')} (the \`sarif\` output)`,
        `- Scanner: Trivy ${result.trivyVersion}${result.ignoreFiles.length ? `; ignore files: ${result.ignoreFiles.map(markdown/* codeCell */.MZ).join(', ')}` : ''}`
    ];
    parts.push(files.join('\n'));
    for (const note of section.notes)
        parts.push(`> [!NOTE]\n> ${(0,markdown/* cell */.Hn)(note)}`);
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ./src/report/sign-summary.ts

function renderSignSummary(outcome) {
    const who = outcome.expect.kind === 'identity'
        ? `keyless, certificate identity ${(0,markdown/* codeCell */.MZ)(outcome.expect.identity)}, issuer ${(0,markdown/* codeCell */.MZ)(outcome.expect.issuer)}`
        : 'with the key in cosign-key (verify with its public key, `cosign.pub`)';
    const formats = outcome.formats
        .map(f => f === 'bundle'
        ? 'Sigstore bundle (cosign 3; an OCI 1.1 referrer, or a `sha256-<digest>` tag)'
        : 'legacy `.sig` (cosign 2, Kyverno, policy-controller)')
        .join(' and ');
    const parts = [
        '### Signature: ✅ signed and verified',
        `Signed by digest ${who}; format: ${formats}. Tags were added only after \`cosign verify\` passed.`
    ];
    for (const s of outcome.signed) {
        parts.push(`- ${(0,markdown/* codeCell */.MZ)(s.image)}: signed${s.attestations.length ? `; attested: ${s.attestations.join(', ')}` : ''}`);
    }
    parts.push([
        outcome.formats.includes('legacy')
            ? 'Verify it with cosign 3 or cosign 2 (both read the legacy signature):'
            : 'Verify it with cosign 3 (cosign 2, Kyverno and policy-controller cannot read bundles: `signature-format: both` writes a legacy signature for them too):',
        '',
        '```sh',
        ...outcome.verifyCommands,
        '```'
    ].join('\n'));
    return parts.join('\n\n');
}

// EXTERNAL MODULE: ./src/report/timings.ts
var report_timings = __webpack_require__(509);
;// CONCATENATED MODULE: ./src/report/summary.ts




const LOGIN_METHOD = {
    input: 'registry-username / registry-password',
    'github-token': 'github-token',
    existing: 'credentials already configured',
    anonymous: 'no credentials'
};
function publishedBy(report) {
    const { publish } = report.plan;
    if (report.build?.buildxPushFailed) {
        return `skopeo from an OCI layout, by digest, then the tags: ${report.build.buildxPushFailed}`;
    }
    return publish.via === 'buildx'
        ? `buildx, with the tags (${publish.reason})`
        : `skopeo from the OCI layout, by digest, then the tags (${publish.reason})`;
}
/** The job summary: what was built, where it is, and how long each stage took. */
function renderSummary(report) {
    const { plan, build } = report;
    const { decisions } = plan;
    const rows = [
        ['Images', plan.images.map(markdown/* inlineCode */.ti).join('<br>')],
        ['Tags', plan.tags.length ? plan.tags.map(markdown/* inlineCode */.ti).join(' ') : '(none: by digest only)'],
        ['Version', plan.version ? (0,markdown/* inlineCode */.ti)(plan.version) : '(none)']
    ];
    if (build) {
        rows.push(['Digest', (0,markdown/* inlineCode */.ti)(build.digest)]);
        rows.push([
            'Platforms',
            build.platforms.length
                ? build.platforms
                    .map(p => `${(0,markdown/* inlineCode */.ti)(p.platform)} ${(0,markdown/* inlineCode */.ti)(p.digest.slice(0, 19))}`)
                    .join('<br>')
                : // buildx pushed the image itself: its platform manifests are in the registry's index
                    report.platforms.map(markdown/* inlineCode */.ti).join(' ')
        ]);
        rows.push(['Provenance', build.provenance]);
    }
    else {
        rows.push(['Platforms', report.platforms.map(markdown/* inlineCode */.ti).join(' ')]);
    }
    rows.push(['Push', `${decisions.push ? 'yes' : 'no'}: ${decisions.pushReason}`]);
    if (decisions.push)
        rows.push(['Published by', publishedBy(report)]);
    rows.push(['Sign', `${decisions.sign}: ${decisions.signReason}`]);
    rows.push(['SARIF upload', `${decisions.upload ? 'yes' : 'no'}: ${decisions.uploadReason}`]);
    if (report.logins?.length) {
        rows.push([
            'Registries',
            report.logins
                .map(l => `${(0,markdown/* inlineCode */.ti)(l.registry)}: ${LOGIN_METHOD[l.method] ?? l.method}`)
                .join('<br>')
        ]);
    }
    if (report.tools?.length)
        rows.push(['Tools', report.tools.join('<br>')]);
    const parts = ['## Image pipeline'];
    if (report.failure)
        parts.push(`> [!CAUTION]\n> ${(0,markdown/* cell */.Hn)(report.failure)}`);
    parts.push(['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${(0,markdown/* cell */.Hn)(v)} |`)].join('\n'));
    if (report.scan)
        parts.push(renderScanSummary(report.scan));
    if (report.sign)
        parts.push(renderSignSummary(report.sign));
    if (report.published?.length) {
        parts.push(['### In the registries', ...report.published.map(line => `- ${line}`)].join('\n'));
    }
    for (const note of plan.notes)
        parts.push(`> [!WARNING]\n> ${(0,markdown/* cell */.Hn)(note)}`);
    const timings = (0,report_timings/* timingsTable */.s)(report.timings);
    if (timings)
        parts.push(`### Timings\n\n${timings}`);
    return `${parts.join('\n\n')}\n`;
}


/***/ }),

/***/ 6534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ evaluateGate),
/* harmony export */   Mp: () => (/* binding */ failingSeverities),
/* harmony export */   hk: () => (/* binding */ vulnerabilityCounts)
/* harmony export */ });
/* unused harmony export isFixed */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(764);

/** The severities `fail-on` counts: `high` → CRITICAL and HIGH; `none` → nothing. */
function failingSeverities(failOn) {
    if (failOn === 'none')
        return [];
    const at = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(failOn.toUpperCase());
    return _model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.filter(s => s !== 'UNKNOWN' && (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(s) <= at);
}
const isFixed = (finding) => finding.package.fixedVersion !== '';
function evaluateGate(findings, failOn, ignoreUnfixed) {
    const counted = new Set(failingSeverities(failOn));
    const live = findings.filter(f => !f.suppressed);
    const atOrAbove = live.filter(f => counted.has(f.severity));
    const blocking = ignoreUnfixed ? atOrAbove.filter(isFixed) : atOrAbove;
    const unfixedExcluded = atOrAbove.length - blocking.length;
    const verdict = blocking.length > 0 ? 'failed' : 'passed';
    return {
        verdict,
        failOn,
        ignoreUnfixed,
        blocking,
        unfixedExcluded,
        suppressed: findings.length - live.length,
        reason: gateReason(verdict, failOn, blocking, unfixedExcluded)
    };
}
function gateReason(verdict, failOn, blocking, unfixedExcluded) {
    if (failOn === 'none')
        return 'The gate passed: fail-on is none, so no finding fails it.';
    const threshold = failOn === 'critical' ? 'CRITICAL' : `${failOn.toUpperCase()} or higher`;
    const unfixed = unfixedExcluded > 0
        ? ` (${unfixedExcluded} without a fixed version not counted: ignore-unfixed is true)`
        : '';
    if (verdict === 'passed')
        return `The gate passed: no finding of ${threshold}${unfixed}.`;
    const counts = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .countFindings */ .Gt)(blocking);
    const parts = _model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.filter(s => counts[s.toLowerCase()] > 0).map(s => `${counts[s.toLowerCase()]} ${s}`);
    return `The gate failed: ${parts.join(', ')} (fail-on is ${failOn})${unfixed}.`;
}
function vulnerabilityCounts(findings, platforms) {
    const live = findings.filter(f => !f.suppressed);
    return {
        ...(0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .countFindings */ .Gt)(live),
        suppressed: findings.length - live.length,
        platforms: Object.fromEntries(platforms.map(p => [p, (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .countFindings */ .Gt)(live.filter(f => f.platforms.includes(p)))]))
    };
}


/***/ }),

/***/ 764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ dashed),
/* harmony export */   Gt: () => (/* binding */ countFindings),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
/* unused harmony export emptyCounts */
/**
 * The findings model every later stage reads: the scan parses Trivy's JSON into it, the gate
 * decides on it, and SARIF, the job summary, annotations and the outputs are written from it.
 * Nothing downstream reads Trivy's JSON directly, so a Trivy format change is handled once.
 */
/** Trivy's severities, most severe first. The gate and SARIF use this, never CVSS. */
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
/** Lower is more severe: CRITICAL 0 … UNKNOWN 4. */
const severityRank = (severity) => SEVERITIES.indexOf(severity);
/** `linux/arm/v7` → `linux-arm-v7`, for the names of the files made per platform. */
const dashed = (platform) => platform.replace(/\//g, '-');
function emptyCounts() {
    return { critical: 0, high: 0, medium: 0, low: 0, unknown: 0, total: 0 };
}
function countFindings(findings) {
    const counts = emptyCounts();
    for (const finding of findings) {
        counts[finding.severity.toLowerCase()]++;
        counts.total++;
    }
    return counts;
}


/***/ }),

/***/ 1208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ originOf)
/* harmony export */ });
/** The Dockerfile line a finding's layer came from on a platform (the first platform by default). */
function originOf(result, finding, platform = finding.platforms[0] ?? '') {
    const diffId = finding.layers[platform]?.diffId;
    return diffId ? result.origins[platform]?.get(diffId) : undefined;
}


/***/ })

};

//# sourceMappingURL=979.index.js.map
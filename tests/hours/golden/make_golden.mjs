#!/usr/bin/env node
// Golden tables: what opening_hours.js makes of every value in
// suite_values.json, realistic_values.json and edge_values.json, in a few
// time zones and time windows.
//
//   npm ci && node make_golden.mjs
//
// opening_hours.js computes in the process's local time zone, so the
// driver (no arguments) starts one child process per zone with TZ set
// (`node make_golden.mjs --zone ZONE`), checks that the zone really took
// effect, and writes:
//
//   data/<zone>.jsonl.gz   one JSON object per value (sorted keys)
//   golden_index.json      versions, zones, windows, DST changes, the
//                          holidays opening_hours.js used, figures
//
// Output is deterministic: the clock the library sees is pinned (its
// "date is in the past" warnings read it), values keep their list order,
// object keys are sorted, gzip carries no timestamp.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// The instant the library believes is "now" (2026-01-01 12:00 UTC).
const FIXED_NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

// lat/lon are strings: opening_hours.js ignores numeric ones (and then
// has no location for sunrise/sunset).
const ZONES = [
    {
        zone: 'Europe/Berlin', slug: 'europe_berlin', offsets: [60, 120],
        nominatim: { lat: '48.7758', lon: '9.1829', address: { country_code: 'de', state: 'Baden-Württemberg' } },
    },
    {
        zone: 'Europe/Paris', slug: 'europe_paris', offsets: [60, 120],
        nominatim: { lat: '48.8566', lon: '2.3522', address: { country_code: 'fr', state: 'Île-de-France' } },
    },
    {
        zone: 'America/New_York', slug: 'america_new_york', offsets: [-300, -240],
        nominatim: { lat: '40.7128', lon: '-74.0060', address: { country_code: 'us', state: 'New York' } },
    },
    {
        zone: 'Australia/Sydney', slug: 'australia_sydney', offsets: [660, 600],
        nominatim: { lat: '-33.8688', lon: '151.2093', address: { country_code: 'au', state: 'New South Wales' } },
    },
    {
        zone: 'Asia/Kolkata', slug: 'asia_kolkata', offsets: [330, 330],
        nominatim: { lat: '22.5726', lon: '88.3639', address: { country_code: 'in', state: 'West Bengal' } },
    },
];

// Windows in local dates [from, to). The two DST windows are placed
// around the zone's own 2026 changes (Thursday before to Thursday after);
// a zone without DST gets them at the European dates.
const FIXED_WINDOWS = [
    { name: 'easter', from: '2026-03-23', to: '2026-04-20',
      why: 'Easter Sunday 2026-04-05 and two weeks either side (Good Friday, Easter Monday, easter offsets)' },
    { name: 'june_july', from: '2026-06-01', to: '2026-07-13',
      why: 'six ISO weeks 23-28 covering all of June (nth weekdays, week numbers) and the June/July month boundary' },
    { name: 'christmas', from: '2026-12-21', to: '2027-01-11',
      why: 'Christmas and New Year 2026/27, ISO weeks 52, 53, 01, 02' },
];
const NO_DST_DATES = ['2026-03-29', '2026-10-25'];
// Holidays are listed over this span (it covers every window).
const HOLIDAY_SPAN = ['2026-01-01', '2027-01-11'];

const NO_HOLIDAYS = /There are no holidays \((PH|SH)\) defined/;

// ------------------------------------------------------------ helpers --

function stableStringify(value) {
    if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
    }
    return JSON.stringify(value === undefined ? null : value);
}

function sortKeysDeep(value) {
    if (Array.isArray(value)) return value.map(sortKeysDeep);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeysDeep(value[k])]));
    }
    return value;
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

// Local midnight of an ISO date in this process's zone.
function localMidnight(isoDate) {
    const [y, m, d] = isoDate.split('-').map(Number);
    return new Date(y, m - 1, d);
}

function localDateOf(date) {
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function addDays(isoDate, days) {
    const [y, m, d] = isoDate.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d + days));
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

const errorText = (error) => (error instanceof Error ? error.message : String(error));

// --------------------------------------------------------------- worker --

function pinClock() {
    const RealDate = Date;
    class PinnedDate extends RealDate {
        constructor(...args) {
            if (args.length === 0) super(FIXED_NOW);
            else super(...args);
        }

        static now() {
            return FIXED_NOW;
        }
    }
    globalThis.Date = PinnedDate;
}

// Instants in 2026 where the UTC offset changes, to the minute.
function dstChanges() {
    const offsetAt = (ms) => -new Date(ms).getTimezoneOffset();
    const changes = [];
    const hour = 3600 * 1000;
    const end = Date.UTC(2027, 0, 1);
    for (let t = Date.UTC(2026, 0, 1); t < end; t += hour) {
        if (offsetAt(t) === offsetAt(t + hour)) continue;
        let lo = t;
        let hi = t + hour;
        while (hi - lo > 60 * 1000) {
            const mid = lo + Math.floor((hi - lo) / 2 / 60000) * 60000;
            if (offsetAt(mid) === offsetAt(lo)) lo = mid;
            else hi = mid;
        }
        changes.push({
            utc_ms: hi,
            utc: new Date(hi).toISOString(),
            local_date: localDateOf(new Date(hi)),
            offset_before_minutes: offsetAt(lo),
            offset_after_minutes: offsetAt(hi),
        });
    }
    return changes;
}

function checkZone(spec) {
    // ICU may spell the zone by an older alias (Asia/Kolkata as Asia/Calcutta).
    const resolved = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const canonical = Intl.DateTimeFormat('en', { timeZone: spec.zone }).resolvedOptions().timeZone;
    const january = -new Date(2026, 0, 15, 12).getTimezoneOffset();
    const july = -new Date(2026, 6, 15, 12).getTimezoneOffset();
    if (resolved !== canonical || january !== spec.offsets[0] || july !== spec.offsets[1]) {
        throw new Error(`TZ did not take effect for ${spec.zone}: resolved ${resolved}, `
            + `offsets ${january}/${july}, expected ${spec.offsets.join('/')}`);
    }
    return { resolved_zone: resolved, offset_2026_01_15_minutes: january, offset_2026_07_15_minutes: july };
}

function windowsFor(changes) {
    const dstDates = changes.length === 2 ? changes.map((c) => c.local_date) : NO_DST_DATES;
    const dst = dstDates.map((date, i) => ({
        name: `dst_${i + 1}`,
        from: addDays(date, -3),
        to: addDays(date, 4),
        why: changes.length === 2
            ? `the zone's DST change of ${date} (offset ${changes[i].offset_before_minutes} -> ${changes[i].offset_after_minutes} min)`
            : `no DST in this zone: the week of the European change of ${date}`,
    }));
    return [...dst, ...FIXED_WINDOWS].map((w) => ({
        ...w,
        from_ms: localMidnight(w.from).getTime(),
        to_ms: localMidnight(w.to).getTime(),
    }));
}

function intervalsOf(oh, fromMs, toMs) {
    return oh.getOpenIntervals(new Date(fromMs), new Date(toMs)).map(
        ([from, to, unknown, comment]) => [from.getTime(), to.getTime(), Boolean(unknown), comment ?? null]);
}

// The days opening_hours.js itself counts as holidays of `kind` (PH/SH).
function holidays(opening_hours, spec, kind) {
    let intervals;
    try {
        const oh = new opening_hours(kind, spec.nominatim);
        intervals = intervalsOf(oh, localMidnight(HOLIDAY_SPAN[0]).getTime(),
            localMidnight(HOLIDAY_SPAN[1]).getTime());
    } catch (error) {
        return { available: false, error: errorText(error), days: [], ranges: [] };
    }
    const days = [];
    const ranges = [];
    for (const [from, to, , name] of intervals) {
        const first = localDateOf(new Date(from));
        let last = first;
        for (let day = first; localMidnight(day).getTime() < to; day = addDays(day, 1)) {
            days.push({ date: day, name });
            last = day;
        }
        ranges.push({ first, last, name });
    }
    return { available: true, error: null, days, ranges };
}

function evaluate(opening_hours, spec, windows, value) {
    const record = {
        error: null, error_kind: null, warnings: [], prettified: null, week_stable: null, intervals: {},
    };
    let oh;
    try {
        oh = new opening_hours(value, spec.nominatim);
    } catch (error) {
        record.error = errorText(error);
        record.error_kind = NO_HOLIDAYS.test(record.error) ? 'no_holiday_data' : 'parse';
        return record;
    }
    const attempt = (fn) => {
        try {
            return fn();
        } catch (error) {
            return { error: errorText(error) };
        }
    };
    record.warnings = attempt(() => oh.getWarnings());
    record.prettified = attempt(() => oh.prettifyValue());
    record.week_stable = attempt(() => oh.isWeekStable());
    for (const w of windows) {
        try {
            record.intervals[w.name] = intervalsOf(oh, w.from_ms, w.to_ms);
        } catch (error) {
            record.intervals[w.name] = dayByDay(oh, w, errorText(error));
        }
    }
    return record;
}

// When a window fails as a whole (opening_hours.js throws for variable
// times on some DST days), keep what the library says about the other
// days: evaluate each local day alone, join intervals that touch (same
// unknown flag and comment), and list the days that failed.
function dayByDay(oh, w, error) {
    const intervals = [];
    const failedDays = [];
    for (let day = w.from; day < w.to; day = addDays(day, 1)) {
        let dayIntervals;
        try {
            dayIntervals = intervalsOf(oh, localMidnight(day).getTime(), localMidnight(addDays(day, 1)).getTime());
        } catch {
            failedDays.push(day);
            continue;
        }
        for (const item of dayIntervals) {
            const last = intervals[intervals.length - 1];
            if (last !== undefined && last[1] === item[0] && last[2] === item[2] && last[3] === item[3]) {
                last[1] = item[1];
            } else {
                intervals.push(item);
            }
        }
    }
    return { error, failed_days: failedDays, intervals };
}

function readValues() {
    const suite = JSON.parse(readFileSync(join(HERE, 'suite_values.json'), 'utf8'));
    const realistic = JSON.parse(readFileSync(join(HERE, 'realistic_values.json'), 'utf8'));
    const edge = JSON.parse(readFileSync(join(HERE, 'edge_values.json'), 'utf8'));
    const order = [];
    const sources = new Map();
    const add = (value, source) => {
        if (!sources.has(value)) {
            sources.set(value, []);
            order.push(value);
        }
        if (!sources.get(value).includes(source)) sources.get(value).push(source);
    };
    for (const value of suite.values) add(value, 'suite');
    for (const { value } of realistic.values) add(value, 'realistic');
    for (const { value } of edge.values) add(value, 'edge');
    return {
        values: order.map((value) => ({ value, sources: sources.get(value) })),
        suite, realistic, edge,
    };
}

async function worker(zoneName) {
    const spec = ZONES.find((z) => z.zone === zoneName);
    if (spec === undefined) throw new Error(`unknown zone ${zoneName}`);
    pinClock();
    const zoneCheck = checkZone(spec);
    const { default: opening_hours } = await import('opening_hours');
    const changes = dstChanges();
    const windows = windowsFor(changes);
    const { values } = readValues();

    const lines = [];
    let intervalCount = 0;
    let parseErrors = 0;
    let holidayErrors = 0;
    let evaluationErrors = 0;
    const suiteParsed = new Set();
    values.forEach(({ value, sources }, index) => {
        const record = evaluate(opening_hours, spec, windows, value);
        if (record.error_kind === 'parse') parseErrors++;
        if (record.error_kind === 'no_holiday_data') holidayErrors++;
        if (record.error === null && sources.includes('suite')) suiteParsed.add(value);
        for (const intervals of Object.values(record.intervals)) {
            if (Array.isArray(intervals)) intervalCount += intervals.length;
            else {
                evaluationErrors++;
                intervalCount += intervals.intervals.length;
            }
        }
        lines.push(stableStringify({ index, sources, value, zone: spec.zone, ...record }));
    });
    const file = join('data', `${spec.slug}.jsonl.gz`);
    mkdirSync(join(HERE, 'data'), { recursive: true });
    writeFileSync(join(HERE, file), gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));

    const summary = {
        zone: spec.zone,
        file,
        nominatim: spec.nominatim,
        tz_check: zoneCheck,
        dst_changes: changes,
        windows,
        holidays: {
            span: { from: HOLIDAY_SPAN[0], to: HOLIDAY_SPAN[1] },
            PH: holidays(opening_hours, spec, 'PH'),
            SH: holidays(opening_hours, spec, 'SH'),
        },
        figures: {
            records: values.length,
            parse_errors: parseErrors,
            no_holiday_data_errors: holidayErrors,
            window_evaluation_errors: evaluationErrors,
            intervals: intervalCount,
            suite_values_parsed: suiteParsed.size,
        },
    };
    process.stdout.write(JSON.stringify(summary));
}

// --------------------------------------------------------------- driver --

function driver() {
    const zones = [];
    for (const spec of ZONES) {
        const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--zone', spec.zone], {
            cwd: HERE,
            env: { ...process.env, TZ: spec.zone, LANG: 'C', LC_ALL: 'C' },
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
        });
        if (child.status !== 0) {
            process.stderr.write(child.stderr);
            throw new Error(`worker for ${spec.zone} failed with status ${child.status}`);
        }
        // The library reports some evaluation problems on the console too;
        // they are in the records already, so only count them here.
        const noise = child.stderr.split('\n').filter(Boolean).length;
        const summary = JSON.parse(child.stdout);
        summary.figures.console_lines = noise;
        zones.push(summary);
        process.stderr.write(`${spec.zone}: ${summary.figures.records} records, `
            + `${summary.figures.intervals} intervals, ${summary.figures.parse_errors} parse errors\n`);
    }
    const { values, suite, realistic, edge } = readValues();
    const library = JSON.parse(readFileSync(require.resolve('opening_hours/package.json'), 'utf8'));
    const index = {
        note: 'Golden tables of opening_hours.js, made by make_golden.mjs; see README.md.',
        library: { name: library.name, version: library.version },
        node: process.version,
        fixed_now: new Date(FIXED_NOW).toISOString(),
        options: 'new opening_hours(value, zone nominatim object); default mode (time ranges), '
            + 'default warnings_severity, locale en',
        interval_format: '[from_utc_ms, to_utc_ms, unknown, comment_or_null], half-open',
        values: {
            total: values.length,
            suite: suite.values.length,
            suite_upstream: suite.upstream,
            realistic: realistic.values.length,
            realistic_seed: realistic.seed,
            edge: edge.values.length,
        },
        zones,
        figures: {
            zones: zones.length,
            windows_per_zone: zones[0].windows.length,
            records: zones.reduce((sum, z) => sum + z.figures.records, 0),
            intervals: zones.reduce((sum, z) => sum + z.figures.intervals, 0),
        },
    };
    writeFileSync(join(HERE, 'golden_index.json'), JSON.stringify(sortKeysDeep(index), null, 1) + '\n');
}

const zoneFlag = process.argv.indexOf('--zone');
if (zoneFlag >= 0) await worker(process.argv[zoneFlag + 1]);
else driver();

#!/usr/bin/env node
// Seeded, deterministic generator of realistic opening_hours values.
//
//   node make_realistic_values.mjs > realistic_values.json
//
// The values imitate what OSM mappers write for common kinds of places
// (shops, supermarkets, bars, offices, pharmacies, restaurants, bakeries,
// 24/7 places, seasonal places, ...) and the rarer constructs of the
// notation, in roughly the proportions they have in real OSM data: plain
// weekday ranges with times dominate, lunch breaks and `PH off` are common,
// seasonal rules, `SH`, week numbers and `easter` are rare. A share of the
// values is written the sloppy ways people write them (`9-17`, `8:30-12`,
// lowercase days, spaces around separators) because the parser has to read
// those too. Every category gets at least a few values so that each
// construct is exercised.
//
// Same seed, same list: nothing here depends on the clock or the platform.

const SEED = 20260405;
const TOTAL = 400;
const MIN_PER_CATEGORY = 4;

// mulberry32: a small 32-bit PRNG, plenty for picking among templates.
function makeRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const random = makeRandom(SEED);
const pick = (items) => items[Math.floor(random() * items.length)];
const chance = (p) => random() < p;
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const pad = (n) => String(n).padStart(2, '0');
// A time of day from minutes after midnight (may pass 24:00).
const hhmm = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
// A time on a grid: hour in [lo, hi], minutes from `steps`.
const clock = (lo, hi, steps = [0, 0, 0, 30]) => between(lo, hi) * 60 + pick(steps);
const range = (from, to) => `${hhmm(from)}-${hhmm(to)}`;

const closingTail = () => pick([
    '', '', '', '; Su off', '; Su,PH off', '; PH off', '; Su closed', '; PH closed',
]);

// Each category returns one value. Weights are relative frequencies.
const CATEGORIES = {
    shop: [22, () => {
        const days = pick(['Mo-Fr', 'Mo-Sa', 'Mo-Sa', 'Tu-Sa', 'Mo-Fr']);
        const open = clock(8, 10);
        const close = clock(18, 20);
        let value = `${days} ${range(open, close)}`;
        if (days === 'Mo-Fr' && chance(0.7)) {
            value += `; Sa ${range(clock(9, 10), clock(13, 18))}`;
        }
        return value + closingTail();
    }],
    supermarket: [10, () => {
        const open = clock(7, 8);
        const close = pick([20, 21, 22, 22, 23]) * 60;
        let value = `Mo-Sa ${range(open, close)}`;
        if (chance(0.4)) value += `; Su ${range(clock(8, 10), clock(18, 20))}`;
        else if (chance(0.5)) value += '; Su,PH off';
        return value;
    }],
    bar: [7, () => {
        // Overnight ranges, later on Friday and Saturday nights.
        const open = clock(16, 19);
        const weekClose = pick([0, 1, 1, 2]) * 60 + 24 * 60;
        const weekendClose = weekClose + pick([60, 120]);
        const late = (minutes) => hhmm(minutes - 24 * 60);
        const parts = [
            `${pick(['Mo-Th', 'Tu-Th', 'Su-Th'])} ${hhmm(open)}-${late(weekClose)}`,
            `${pick(['Fr-Sa', 'Fr,Sa'])} ${hhmm(open)}-${late(weekendClose)}`,
        ];
        if (parts[0].startsWith('Tu')) parts.push('Mo off');
        if (parts[0].startsWith('Mo') && chance(0.5)) parts.push(`Su ${hhmm(open)}-24:00`);
        return parts.join('; ');
    }],
    office: [10, () => {
        const open = clock(7, 9);
        const close = clock(16, 18);
        const form = pick(['plain', 'plain', 'lunch', 'short_friday']);
        let value;
        if (form === 'plain') value = `Mo-Fr ${range(open, close)}`;
        else if (form === 'lunch') {
            const lunch = clock(12, 12);
            value = `Mo-Fr ${range(open, lunch)},${range(lunch + 60, close)}`;
        } else {
            value = `Mo-Th ${range(open, close)}; Fr ${range(open, clock(12, 15))}`;
        }
        return value + pick(['', '; PH off', '; PH off']);
    }],
    pharmacy: [6, () => {
        const morning = range(clock(8, 9), clock(12, 13));
        const afternoon = range(clock(14, 15), clock(18, 19));
        const saturday = range(clock(8, 9), clock(12, 13));
        return pick([
            `Mo-Fr ${morning},${afternoon}; Sa ${saturday}; PH off`,
            `Mo,Tu,Th,Fr ${morning},${afternoon}; We ${morning}; Sa ${saturday}`,
            `Mo-Fr ${range(clock(8, 8), clock(18, 19))}; Sa ${saturday}; Su,PH off`,
            `Mo-Fr ${morning},${afternoon}; Sa ${saturday}; Su,PH off "emergency service: see door"`,
        ]);
    }],
    restaurant: [10, () => {
        const lunch = range(clock(11, 12, [0, 30]), clock(14, 15, [0, 30]));
        const dinner = range(clock(17, 18, [0, 30]), clock(22, 23, [0, 30]));
        return pick([
            `Tu-Su ${lunch},${dinner}; Mo off`,
            `Mo-Sa ${lunch},${dinner}; Su ${lunch}`,
            `Mo-Fr ${lunch},${dinner}; Sa ${dinner}`,
            `Mo-Su ${lunch},${dinner}`,
            `We-Mo ${lunch},${dinner}; Tu off; PH ${dinner}`,
        ]);
    }],
    bakery: [5, () => {
        const open = clock(5, 7, [0, 30]);
        const sunday = range(clock(7, 8), clock(10, 11));
        return pick([
            `Mo-Fr ${range(open, clock(18, 18))}; Sa ${range(open, clock(12, 13))}; Su ${sunday}`,
            `Mo-Sa ${range(open, clock(18, 19))}; Su,PH ${sunday}`,
            `Mo-Fr ${range(open, clock(12, 13))},${range(clock(14, 15), clock(18, 18))}; Sa ${range(open, clock(12, 12))}`,
        ]);
    }],
    always: [8, () => pick([
        '24/7', '24/7', '24/7', 'Mo-Su 00:00-24:00', '00:00-24:00', '24/7; PH off',
        'Mo-Su 00:00-24:00; Dec 25 off', '24/7 "self-service"',
    ])],
    seasonal: [3, () => {
        const summer = range(clock(9, 10), clock(19, 21));
        const winter = range(clock(9, 10), clock(17, 18));
        return pick([
            `Jul-Aug Mo-Su ${summer}; Sep-Jun Mo-Fr ${winter}`,
            `Apr-Oct Tu-Su ${summer}; Nov-Mar off`,
            `May 15-Sep 15 Mo-Su ${summer}`,
            `Mo-Fr ${winter}; Jul-Aug Mo-Sa ${summer}`,
            `Jun-Aug ${summer}; Sep-May Sa,Su ${winter}`,
            `Mo-Sa ${winter}; Jul 15-Aug 15 off "summer break"`,
        ]);
    }],
    dated_closure: [4, () => {
        const base = `Mo-Sa ${range(clock(8, 10), clock(18, 20))}`;
        return base + pick([
            '; Dec 24-26 off', '; Dec 25 off', '; Dec 24,Dec 31 09:00-14:00',
            '; Jan 01 off', '; Dec 25-Jan 01 off', '; Dec 24-26,Dec 31-Jan 01 off',
            '; PH off; Dec 24 09:00-13:00',
        ]);
    }],
    nth_weekday: [2, () => pick([
        `Su[1] ${range(clock(10, 11), clock(16, 17))}`,
        `Mo-Fr 09:00-17:00; Th[-1] 09:00-20:00`,
        `Sa[1,3] ${range(clock(9, 10), clock(12, 13))}`,
        `Mo-Fr 08:00-18:00; We[2] off`,
        `Sa[-1] 10:00-16:00 "flea market"`,
        `Mo-Sa 10:00-18:00; Su[1] 13:00-18:00`,
    ])],
    week_number: [1, () => pick([
        'week 01-53/2 Mo 08:00-12:00',
        'week 02-52/2 Sa 09:00-12:00',
        'week 10-40 Mo-Fr 08:00-18:00; week 41-09 Mo-Fr 09:00-17:00',
        'Mo-Fr 09:00-17:00; week 27-30 off',
    ])],
    year_range: [1, () => pick([
        '2026 Mo-Fr 09:00-17:00',
        '2025-2027 Mo-Sa 10:00-18:00',
        'Mo-Fr 08:00-18:00; 2026 Jun 22-2026 Jul 05 off',
        'Mo-Fr 09:00-18:00; 2026 Dec 24-2027 Jan 06 off "holidays"',
    ])],
    easter: [1, () => pick([
        'Mo-Sa 09:00-18:00; easter off',
        'Mo-Fr 09:00-17:00; easter -2 days-easter +1 day off',
        'Sa-Su 10:00-18:00; easter 11:00-15:00',
    ])],
    ph_offset: [1, () => pick([
        'Mo-Fr 08:00-18:00; PH,PH +1 day off',
        'Mo-Sa 09:00-19:00; PH off; PH -1 day 09:00-14:00',
    ])],
    school_holidays: [2, () => pick([
        'Mo-Fr 07:30-16:00; SH Mo-Fr 08:00-12:00',
        'Mo-Fr 07:00-17:00; SH off',
        'Mo-Fr 12:00-14:00; SH off; PH off',
        'SH Mo-Fr 09:00-16:00',
    ])],
    open_end: [2, () => pick([
        `Mo-Sa ${hhmm(clock(17, 19))}+`,
        'Fr-Sa 20:00+',
        'Mo-Th 18:00-24:00; Fr-Sa 18:00+',
        'Mo-Fr 10:00-18:00+',
        'Tu-Su 17:00+; Mo off',
    ])],
    past_midnight: [2, () => pick([
        'Fr-Sa 18:00-26:00',
        'Mo-Su 20:00-28:00',
        'Mo-Th 17:00-25:00; Fr-Sa 17:00-27:00',
        'We-Sa 22:00-29:00',
    ])],
    additional_rule: [2, () => pick([
        'Mo-Fr 08:00-12:00, We 14:00-18:00',
        'Mo-Fr 09:00-17:00, Sa 10:00-14:00',
        'Mo-Sa 10:00-20:00; PH off, Dec 24 10:00-14:00',
        'Mo-Fr 08:00-16:00, Th 16:00-19:00',
    ])],
    fallback_rule: [1, () => pick([
        'Mo-Fr 08:00-18:00 || "by appointment"',
        'Mo-Sa 10:00-20:00 || unknown "call ahead"',
        'Mo-Fr 09:00-17:00 || closed',
    ])],
    comment: [3, () => pick([
        'Mo-Fr 09:00-17:00 "by appointment"',
        `Mo-Sa ${range(clock(8, 9), clock(18, 19))}; Su off "except during Advent"`,
        '"on request"',
        'Mo-Fr 10:00-18:00; Sa 10:00-14:00 "only in summer"',
        'Tu,Th 14:00-18:00 "call before visiting"',
    ])],
    state_keywords: [2, () => pick([
        'Mo-Fr 09:00-17:00; Sa unknown',
        'off', 'closed "permanently closed"', 'Mo-Fr open', 'unknown "call"',
        'Mo-Sa 08:00-18:00; Su closed', 'Mo-Fr 09:00-17:00; PH unknown',
    ])],
    variable_times: [1, () => pick([
        'sunrise-sunset', 'Mo-Su sunrise-sunset', '(sunrise-00:30)-(sunset+00:30)',
        'dawn-dusk', 'Mo-Fr 08:00-sunset',
    ])],
    tolerant: [8, () => {
        const open = clock(8, 9);
        const close = clock(17, 19);
        const short = (minutes) => (minutes % 60 === 0
            ? String(minutes / 60) : `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`);
        return pick([
            `${short(open)}-${short(close)}`,
            `Mo-Fr ${short(open)}-${short(close)}`,
            `8:30-12`,
            `9-17`,
            `mo-fr ${hhmm(open)}-${hhmm(close)}`,
            `Mo-Fr 08:00-12:00 , 13:00-17:30`,
            `Mo - Fr ${short(open)} - ${short(close)}`,
            `Mo-Fr ${hhmm(open).replace(':', '.')}-${hhmm(close).replace(':', '.')}`,
            `Mo-Fr: ${hhmm(open)}-${hhmm(close)}`,
            `Mon-Fri 9am-5pm`,
            `Mo-Fr ${hhmm(open)} - ${hhmm(close)}`,
            `Mo.-Fr. ${hhmm(open)}-${hhmm(close)}`,
            `Mo-Fr ${hhmm(open)}-${hhmm(close)}; Sa 08:00-12:00;`,
            `Mo,Tu,We,Th,Fr ${hhmm(open)}-${hhmm(close)}`,
            `MO-FR ${hhmm(open)}-${hhmm(close)}`,
            `Mo-Sa ${hhmm(open)}-${hhmm(close)} Su closed`,
            `Mo-Fr ${short(open)}-12 & 14-${short(close)}`,
            `Monday-Friday ${hhmm(open)}-${hhmm(close)}`,
        ]);
    }],
};

function generate() {
    const names = Object.keys(CATEGORIES);
    const totalWeight = names.reduce((sum, name) => sum + CATEGORIES[name][0], 0);
    const seen = new Set();
    const values = [];
    for (const name of names) {
        const [weight, make] = CATEGORIES[name];
        const want = Math.max(MIN_PER_CATEGORY, Math.round((TOTAL * weight) / totalWeight));
        let got = 0;
        // A category with few templates runs out of new values: stop after
        // enough failed tries rather than loop forever.
        for (let tries = 0; got < want && tries < want * 50; tries++) {
            const value = make();
            if (seen.has(value)) continue;
            seen.add(value);
            values.push({ category: name, value });
            got++;
        }
    }
    return values;
}

const values = generate();
const counts = {};
for (const { category } of values) counts[category] = (counts[category] ?? 0) + 1;
const out = {
    note: 'Realistic opening_hours values made by make_realistic_values.mjs '
        + `(seed ${SEED}); regenerate with: node make_realistic_values.mjs > realistic_values.json`,
    seed: SEED,
    count: values.length,
    categories: Object.fromEntries(Object.entries(counts).sort()),
    values,
};
process.stdout.write(JSON.stringify(out, null, 1) + '\n');

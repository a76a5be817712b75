#!/usr/bin/env node
// Extract the opening_hours values that opening_hours.js's own test suite
// feeds to the library, as data (value strings only).
//
//   node extract_suite_values.mjs TEST_FILE [--commit SHA] [--path PATH] > suite_values.json
//
// TEST_FILE is upstream's test/test.js (for example written out with
// `git --git-dir=MIRROR show SHA:test/test.js > /tmp/test.js`). The file is
// parsed, never run: every call `test.addSomething(name, values, ...)` is
// found in the syntax tree and its value argument is evaluated statically
// (string literals, templates, `+` concatenation, arrays, and `const`
// names bound to such expressions in an enclosing block). An argument that
// cannot be evaluated that way (built at run time, e.g. in a loop) is not
// guessed at: its line is listed under "unresolved_arguments". Values that
// are not strings (a number passed to test a wrong constructor call) are
// listed under "non_string_arguments". `ignored(value, reason)`, the
// suite's marker for a value whose check is skipped, yields its value.
//
// Which arguments are values: the second argument of every test method
// (a string or an array of strings), and for addEqualTo also the third (the
// value compared with). Expected outputs (prettified values, warnings) are
// not inputs and are left out. Values are listed once each, in order of
// first appearance.

import { readFileSync } from 'node:fs';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';

function parseArgs(argv) {
    const args = { file: undefined, commit: null, path: 'test/test.js' };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--commit') args.commit = argv[++i];
        else if (argv[i] === '--path') args.path = argv[++i];
        else if (args.file === undefined) args.file = argv[i];
        else throw new Error(`unexpected argument ${argv[i]}`);
    }
    if (args.file === undefined) {
        throw new Error('usage: extract_suite_values.mjs TEST_FILE [--commit SHA] [--path PATH]');
    }
    return args;
}

// Arguments (0-based) of each test method that hold input values.
const VALUE_ARGUMENTS = { addEqualTo: [1, 2] };
const DEFAULT_VALUE_ARGUMENTS = [1];

const UNRESOLVED = Symbol('unresolved');

// Find the `const NAME = init` visible from the call, looking outward
// through the enclosing blocks (and the program) for a declaration that
// precedes the call.
function lookUp(name, ancestors, position) {
    for (let i = ancestors.length - 1; i >= 0; i--) {
        const scope = ancestors[i];
        const body = scope.type === 'Program' || scope.type === 'BlockStatement'
            ? scope.body : null;
        if (body === null) continue;
        let found;
        for (const statement of body) {
            if (statement.start > position) break;
            if (statement.type !== 'VariableDeclaration' || statement.kind !== 'const') continue;
            for (const declarator of statement.declarations) {
                if (declarator.id.type === 'Identifier' && declarator.id.name === name) {
                    found = declarator;
                }
            }
        }
        if (found !== undefined) return found.init;
    }
    return null;
}

function evaluate(node, ancestors) {
    switch (node.type) {
        case 'Literal':
            return typeof node.value === 'string' || typeof node.value === 'number'
                ? node.value : UNRESOLVED;
        case 'TemplateLiteral': {
            let text = node.quasis[0].value.cooked;
            for (let i = 0; i < node.expressions.length; i++) {
                const part = evaluate(node.expressions[i], ancestors);
                if (part === UNRESOLVED || Array.isArray(part)) return UNRESOLVED;
                text += String(part) + node.quasis[i + 1].value.cooked;
            }
            return text;
        }
        case 'BinaryExpression': {
            if (node.operator !== '+') return UNRESOLVED;
            const left = evaluate(node.left, ancestors);
            const right = evaluate(node.right, ancestors);
            if (left === UNRESOLVED || right === UNRESOLVED) return UNRESOLVED;
            if (Array.isArray(left) || Array.isArray(right)) return UNRESOLVED;
            return left + right;
        }
        case 'ArrayExpression':
            return node.elements.map(
                (element) => (element === null ? UNRESOLVED : evaluate(element, ancestors)));
        case 'MemberExpression': {
            // `list[0]`: an element of a constant array.
            if (!node.computed) return UNRESOLVED;
            const list = evaluate(node.object, ancestors);
            const index = evaluate(node.property, ancestors);
            if (!Array.isArray(list) || typeof index !== 'number') return UNRESOLVED;
            return index < list.length ? list[index] : UNRESOLVED;
        }
        case 'CallExpression':
            // `ignored(value, reason)` marks a value whose test upstream
            // skips; the value is still an input of the suite.
            if (node.callee.type === 'Identifier' && node.callee.name === 'ignored'
                    && node.arguments.length >= 1) {
                return evaluate(node.arguments[0], ancestors);
            }
            return UNRESOLVED;
        case 'Identifier': {
            const init = lookUp(node.name, ancestors, node.start);
            return init === null ? UNRESOLVED : evaluate(init, ancestors);
        }
        default:
            return UNRESOLVED;
    }
}

function main() {
    const args = parseArgs(process.argv.slice(2));
    const source = readFileSync(args.file, 'utf8');
    const tree = acorn.parse(source, {
        ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, locations: true,
    });

    const values = [];
    const seen = new Set();
    const unresolved = [];
    const nonString = [];
    const calls = {};

    const add = (value) => {
        if (!seen.has(value)) {
            seen.add(value);
            values.push(value);
        }
    };

    walk.ancestor(tree, {
        CallExpression(node, _state, ancestors) {
            const callee = node.callee;
            if (callee.type !== 'MemberExpression' || callee.computed) return;
            if (callee.object.type !== 'Identifier' || callee.object.name !== 'test') return;
            const method = callee.property.name;
            if (!method.startsWith('add')) return;
            calls[method] = (calls[method] ?? 0) + 1;
            for (const index of VALUE_ARGUMENTS[method] ?? DEFAULT_VALUE_ARGUMENTS) {
                const argument = node.arguments[index];
                if (argument === undefined) continue;
                const result = evaluate(argument, ancestors);
                const items = Array.isArray(result) ? result : [result];
                for (const item of items) {
                    if (typeof item === 'string') add(item);
                    else if (typeof item === 'number') nonString.push({ line: argument.loc.start.line, method });
                    else unresolved.push({ line: argument.loc.start.line, method });
                }
            }
        },
    });

    const out = {
        note: 'Every distinct opening_hours value that the upstream test suite passes '
            + 'as input to a test method, in order of first appearance. Extracted '
            + 'statically (the file is parsed, not run) by extract_suite_values.mjs.',
        upstream: {
            repository: 'https://github.com/opening-hours/opening_hours.js',
            commit: args.commit,
            path: args.path,
        },
        calls: Object.fromEntries(Object.entries(calls).sort()),
        unresolved_arguments: unresolved,
        non_string_arguments: nonString,
        count: values.length,
        values,
    };
    process.stdout.write(JSON.stringify(out, null, 1) + '\n');
    process.stderr.write(
        `${values.length} distinct values from ${Object.values(calls).reduce((a, b) => a + b, 0)} `
        + `calls; ${unresolved.length} unresolved arguments\n`);
}

main();

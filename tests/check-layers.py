#!/usr/bin/env python3
"""The architecture, checked: src/core has no GTK; each core folder includes
only the folders above it in LAYERS; GUI views never include each other;
shared widgets include no view; no two units (a .c with its .h, and its
-private.h) include each other, directly or round a loop."""
import os
import re
import sys

LAYERS = ['base', 'records', 'store', 'rules', 'domain', 'import', 'output', 'sync', 'demo']
VIEWS = ['meetings', 'council', 'drafts', 'votes', 'members']
# The one view built on another: the Council view shows the meetings module
# (src/gui/meetings/, the body as a parameter) for the Council, so a fix of
# the module lands in both the Forum's Meetings view and the Council view.
ALLOWED_VIEW_INCLUDES = {('council', 'meetings')}
top = sys.argv[1] if len(sys.argv) > 1 else '.'
include = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)
failures = []
units = {}  # unit path without extension -> set of units it includes


def unit_of(path):
    unit = os.path.splitext(path)[0]
    return unit[:-len('-private')] if unit.endswith('-private') else unit


def resolve(name, here):
    for base in (os.path.dirname(here), 'src/core', 'src/gui'):
        candidate = os.path.normpath(os.path.join(base, name))
        if os.path.exists(os.path.join(top, candidate)):
            return candidate
    return None


for part in ('src/core', 'src/gui'):
    for dirpath, _, files in os.walk(os.path.join(top, part)):
        for f in files:
            if not f.endswith(('.c', '.h')):
                continue
            path = os.path.relpath(os.path.join(dirpath, f), top)
            text = open(os.path.join(top, path), encoding='utf-8').read()
            layer = path.split('/')[2] if part == 'src/core' and path.count('/') >= 3 else None
            for kind, name in include.findall(text):
                if part == 'src/core' and kind == '<' and re.match(r'(gtk|gdk|adwaita)[/.]', name):
                    failures.append(f'{path}: core includes GTK ({name})')
                if kind != '"' or name == 'config.h':
                    continue
                target = resolve(name, path)
                if target is None:
                    continue
                if unit_of(target) != unit_of(path):
                    units.setdefault(unit_of(path), set()).add(unit_of(target))
                if part == 'src/core':
                    if not target.startswith('src/core/'):
                        failures.append(f'{path}: core includes {target}')
                        continue
                    if layer is None:
                        failures.append(f'{path}: core files live in a layer folder')
                        continue
                    tlayer = target.split('/')[2]
                    if tlayer not in LAYERS or layer not in LAYERS:
                        failures.append(f'{path}: unknown layer folder')
                    elif LAYERS.index(tlayer) > LAYERS.index(layer):
                        failures.append(f'{path}: {layer}/ includes {target}, a layer below it')
                else:
                    here = path.split('/')[2] if path.count('/') >= 3 else None
                    there = target.split('/')[2] if target.startswith('src/gui/') and target.count('/') >= 3 else None
                    if (here in VIEWS and there in VIEWS and here != there
                            and (here, there) not in ALLOWED_VIEW_INCLUDES):
                        failures.append(f'{path}: the {here} view includes the {there} view ({target})')
                    if here == 'widgets' and there in VIEWS:
                        failures.append(f'{path}: a shared widget includes a view ({target})')

# Cycles between units.
state = {}


def visit(node, stack):
    state[node] = 1
    stack.append(node)
    for nxt in sorted(units.get(node, ())):
        if state.get(nxt) == 1:
            loop = stack[stack.index(nxt):] + [nxt]
            failures.append('include cycle: ' + ' -> '.join(loop))
        elif nxt not in state:
            visit(nxt, stack)
    stack.pop()
    state[node] = 2


for node in sorted(units):
    if node not in state:
        visit(node, [])

for f in failures:
    print('FAILED:', f)
sys.exit(1 if failures else 0)

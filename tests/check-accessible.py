#!/usr/bin/env python3
"""Reads the accessibility tree of every view and dialog over AT-SPI, as a
screen reader does, and fails on a control without a proper name: none at
all, a widget's class name ("GtkToggleButton"), a mnemonic's underscore
("_Edit Edit"), or its label said twice.

Run as: dbus-run-session -- check-accessible.py TEST-ACCESSIBLE-PROGRAM
(the program shows each state and waits; see test-accessible.c)."""
import os
import re
import subprocess
import sys
import time

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
except (ImportError, ValueError):
    print('python3-gi and gir1.2-atspi-2.0 are needed: skipped')
    sys.exit(77)

# Roles a person operates, and so hears named.
CONTROLS = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'entry',
    'password text', 'spin button', 'slider', 'menu item', 'page tab', 'scroll pane', 'link',
    'switch', 'list', 'list box', 'table', 'tree', 'tree table',
}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Wsp)[A-Z][A-Za-z]+$')
MNEMONIC = re.compile(r'(^|\s)_[^\s_]')


def problem(name):
    if name is None or not name.strip():
        return 'no name'
    if CLASS_NAME.match(name):
        return 'a class name'
    if MNEMONIC.search(name):
        return 'an underscore of a mnemonic'
    words = name.split()
    half = len(words) // 2
    if len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return 'its label twice'
    return None


def find_app(pid, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.3)
    return None


checked = 0


def walk(obj, found, path=''):
    global checked
    try:
        role = obj.get_role_name()
        name = obj.get_name()
        states = obj.get_state_set()
    except Exception:
        return
    # GTK 4.8 says "showing" of windows only, and lists the hidden pages of
    # stacks as "visible": what is visible is checked, shown or not.
    if not states.contains(Atspi.StateType.VISIBLE):
        return
    where = f'{path}/{role}'
    if role in CONTROLS:
        checked += 1
        if os.environ.get('CHECK_ACCESSIBLE_LIST'):
            print(f'  {role}: {name}')
        why = problem(name)
        if why:
            found.append(f'{where} "{name}": {why}')
    for i in range(obj.get_child_count()):
        child = obj.get_child_at_index(i)
        if child is not None:
            walk(child, found, f'{where}[{name}]' if name and role in ('frame', 'dialog', 'window') else where)


def main():
    program = sys.argv[1]
    env = dict(os.environ)
    env['GTK_A11Y'] = 'atspi'
    env.pop('NO_AT_BRIDGE', None)
    proc = subprocess.Popen([program], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    failures = 0
    states = 0
    app = None
    for line in proc.stdout:
        line = line.rstrip('\n')
        if line == 'DONE':
            break
        if not line.startswith('SHOW '):
            continue
        state = line[5:]
        if app is None:
            app = find_app(proc.pid)
            if app is None:
                print('The program is not on the accessibility bus')
                proc.kill()
                return 1
        found = []
        for i in range(app.get_child_count()):
            window = app.get_child_at_index(i)
            if window is not None:
                walk(window, found)
        states += 1
        for f in sorted(set(found)):
            print(f'FAILED in {state}: {f}')
        failures += len(set(found))
        proc.stdin.write('next\n')
        proc.stdin.flush()
    status = proc.wait(timeout=60)
    print(f'{states} states read, {checked} controls checked, {failures} without a proper name')
    if status != 0:
        print(f'the program failed (status {status})')
        return 1
    return 1 if failures or states == 0 or checked == 0 else 0


sys.exit(main())

#!/usr/bin/env python3
"""The Flatpak manifest parses and builds this app: its id, command, runtime and
a meson module built from the project's git repository at a release (Flathub's
builder refuses "dir" sources). (Flathub is out of reach here, so the manifest
cannot be built; flatpak-builder --show-manifest checks its keys when it is
installed.)"""
import json
import os
import shutil
import subprocess
import sys

path = sys.argv[1]
errors = []
with open(path, encoding="utf-8") as f:
    m = json.load(f)

if m.get("id", m.get("app-id")) != "org.example.Wspolnie":
    errors.append("the app id is not org.example.Wspolnie")
if m.get("command") != "wspolnie":
    errors.append("the command is not wspolnie")
if m.get("runtime") != "org.gnome.Platform" or m.get("sdk") != "org.gnome.Sdk":
    errors.append("the runtime must be the GNOME runtime and SDK")
modules = [mod for mod in m.get("modules", []) if isinstance(mod, dict)]
ours = [mod for mod in modules if mod.get("name") == "wspolnie"]
if not ours:
    errors.append("no module named wspolnie")
else:
    mod = ours[-1]
    if mod.get("buildsystem") != "meson":
        errors.append("the wspolnie module is not built with meson")
    sources = mod.get("sources", [])
    gits = [s for s in sources if isinstance(s, dict) and s.get("type") == "git"]
    if any(isinstance(s, dict) and s.get("type") == "dir" for s in sources):
        errors.append("the wspolnie module has a dir source, which Flathub's builder refuses")
    if not gits:
        errors.append("the wspolnie module is not built from the project's git repository")
    for g in gits:
        if not str(g.get("url", "")).startswith("https://"):
            errors.append("the wspolnie module's git source has no https url")
        if not (g.get("tag") or g.get("commit")):
            errors.append("the wspolnie module's git source names no release (tag or commit)")
# What the GNOME runtime lacks is bundled, from pinned archives, before the app.
names = [mod.get("name") for mod in modules]
for needed in ("libical", "libgsf"):
    if needed not in names:
        errors.append(f"no module {needed} (the GNOME runtime does not ship it)")
    elif ours and names.index(needed) > names.index("wspolnie"):
        errors.append(f"{needed} is built after wspolnie, which needs it")
for mod in modules:
    if mod.get("name") == "wspolnie":
        continue
    for s in mod.get("sources", []):
        if s.get("type") == "dir":
            errors.append(f"{mod.get('name')}: Flathub refuses dir sources")
        if s.get("type") in ("archive", "file") and len(s.get("sha256", "")) != 64:
            errors.append(f"{mod.get('name')}: an archive without its sha256")
        if s.get("type") == "git" and not s.get("commit"):
            errors.append(f"{mod.get('name')}: a git source without a pinned commit")
args = m.get("finish-args", [])
for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc"):
    if needed not in args:
        errors.append(f"finish-args lack {needed}")
if any(a.startswith("--share=network") for a in args):
    errors.append("the app works offline: it must not ask for the network")

if shutil.which("flatpak-builder"):
    env = dict(os.environ, G_DEBUG="fatal-warnings")
    r = subprocess.run(["flatpak-builder", "--show-manifest", path], env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        errors.append("flatpak-builder --show-manifest: " + r.stderr.strip())

for e in errors:
    print("FAILED:", e)
print(f"{path}: {'ok' if not errors else 'broken'}")
sys.exit(1 if errors else 0)

#!/usr/bin/env python3
"""What Flathub asks of the AppStream file that appstreamcli does not check:
a summary of at most 35 characters in every language, branding colours for
light and dark, a vcs-browser URL, and screenshots that are real files of
the repository (data/screenshots/, made with `wspolnie --demo --screenshot`)
of the size the file says.

Run as: check-metainfo.py MERGED-METAINFO SOURCE-ROOT"""
import os
import struct
import sys
import xml.etree.ElementTree as ET

LANG = '{http://www.w3.org/XML/1998/namespace}lang'
path, root_dir = sys.argv[1], sys.argv[2]
errors = []
component = ET.parse(path).getroot()

for summary in component.findall('summary'):
    lang = summary.get(LANG, 'en')
    text = (summary.text or '').strip()
    if len(text) > 35:
        errors.append(f'the summary ({lang}) has {len(text)} characters, over 35: “{text}”')
    if text.endswith('.'):
        errors.append(f'the summary ({lang}) ends with a full stop')

colours = {c.get('scheme_preference') for c in component.findall('branding/color') if c.get('type') == 'primary'}
for scheme in ('light', 'dark'):
    if scheme not in colours:
        errors.append(f'no <branding> primary colour for the {scheme} scheme')

if not any(u.get('type') == 'vcs-browser' for u in component.findall('url')):
    errors.append('no <url type="vcs-browser">')

shots = component.findall('screenshots/screenshot')
if not shots:
    errors.append('no screenshots')
for shot in shots:
    image = shot.find('image')
    if image is None or not (image.text or '').startswith('https://'):
        errors.append('a screenshot without an https image')
        continue
    url = image.text.strip()
    marker = '/data/screenshots/'
    if marker not in url:
        errors.append(f'{url}: not one of the repository\'s data/screenshots/')
        continue
    local = os.path.join(root_dir, 'data', 'screenshots', url.split(marker, 1)[1])
    if not os.path.exists(local):
        errors.append(f'{url}: no file {local}')
        continue
    with open(local, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        errors.append(f'{local}: not a PNG')
        continue
    width, height = struct.unpack('>II', head[16:24])
    if (image.get('width'), image.get('height')) != (str(width), str(height)):
        errors.append(f'{local}: {width}x{height}, but the file says {image.get("width")}x{image.get("height")}')
    if shot.find('caption') is None:
        errors.append(f'{url}: no caption')

for e in errors:
    print('FAILED:', e)
print(f'{path}: {"ok" if not errors else "broken"}')
sys.exit(1 if errors else 0)

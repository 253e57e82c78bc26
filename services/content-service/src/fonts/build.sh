#!/usr/bin/env bash
# Rebuilds the fonts PDF export embeds, in ../main/resources/io/authorworks/content/exchange/fonts,
# from Debian and npm packages only. Needs apt-get (Debian 12), npm and python3-fonttools.
# See the README.md beside the fonts for what each file is and why it is cut as it is.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../main/resources/io/authorworks/content/exchange/fonts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-noto-core=20201225-1 'fonts-noto-cjk=1:20220127+repack1-1'
for deb in ./*.deb; do dpkg-deb -x "$deb" root; done
npm pack --silent @expo-google-fonts/noto-emoji@0.4.7 >/dev/null
tar xzf expo-google-fonts-noto-emoji-0.4.7.tgz
core=root/usr/share/fonts/truetype/noto
cjk=root/usr/share/fonts/opentype/noto
subset() { python3 -m fontTools.subset "$@" --no-hinting --layout-features='' --name-IDs='*' --name-languages='*' --notdef-outline; }
# Latin, Greek, Cyrillic and common symbols: the whole character set, hints dropped.
for face in Regular Bold Italic BoldItalic; do
	subset "$core/NotoSerif-$face.ttf" --unicodes='*' --output-file="$out/NotoSerif-$face.ttf"
done
# Hebrew and Arabic: the whole character set; OpenPDF shapes Arabic itself.
for face in Regular Bold; do
	subset "$core/NotoSerifHebrew-$face.ttf" --unicodes='*' --output-file="$out/NotoSerifHebrew-$face.ttf"
	subset "$core/NotoNaskhArabic-$face.ttf" --unicodes='*' --output-file="$out/NotoNaskhArabic-$face.ttf"
done
# Emoji: the monochrome outline font (a colour bitmap font does not print through OpenPDF).
subset package/400Regular/NotoEmoji_400Regular.ttf --unicodes='*' --output-file="$out/NotoEmoji-Regular.ttf"
# Chinese, Japanese and Korean: face 2 (SC) of the Serif CJK collection, cut to the
# characters of GB 2312, JIS X 0208, Big5 level 1 and KS X 1001 (see cjk_code_points.py).
python3 "$here/cjk_code_points.py" >cjk.txt
subset "$cjk/NotoSerifCJK-Regular.ttc" --font-number=2 --unicodes-file=cjk.txt --output-file="$out/NotoSerifCJKsc-Regular.otf"
# OFL.txt beside the fonts is kept by hand: the licence text with each family's copyright line.
ls -l "$out"

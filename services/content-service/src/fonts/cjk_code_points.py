"""Prints the code points the subset CJK font keeps, one U+XXXX per line."""
def two_byte(codec, lead, trail, keep=lambda b: True):
    out = set()
    for a in lead:
        for b in trail:
            raw = bytes([a, b])
            if not keep(raw):
                continue
            try:
                ch = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.add(ord(ch))
    return out
high = range(0xA1, 0xFF)
points = set()
points |= two_byte('gb2312', high, high)                       # GB 2312: simplified Chinese
points |= two_byte('euc_jp', high, high)                       # JIS X 0208: Japanese
points |= two_byte('big5', range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(high),
                   keep=lambda raw: 0xA440 <= int.from_bytes(raw, 'big') <= 0xC67E)  # Big5 level 1: traditional Chinese
points |= two_byte('euc_kr', high, high)                       # KS X 1001: Korean
for first, last in ((0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x3130, 0x318F), (0xFF00, 0xFFEF)):
    points |= set(range(first, last + 1))
points = {p for p in points if p >= 0x2000}  # Latin, Greek and Cyrillic come from Noto Serif
for p in sorted(points):
    print('U+%04X' % p)

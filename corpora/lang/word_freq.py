# Word frequencies with dicts, sorting by a key function.
text = '''It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair.'''
clean = ''
for ch in text.lower():
    if ch.isalpha() or ch.isspace():
        clean += ch
    else:
        clean += ' '
words = clean.split()
print(len(words), words[:8])
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
def count_of(w):
    return freq[w]
by_count = sorted(freq, key=count_of, reverse=True)
for w in by_count[:6]:
    print(w, freq[w])
def count_then_word(item):
    return (-item[1], item[0])
items = sorted(freq.items(), key=count_then_word)
for w, c in items:
    print(w, c)
lengths = {}
for w in freq:
    n = len(w)
    lengths.setdefault(n, []).append(w)
for n in sorted(lengths):
    print(n, sorted(lengths[n]))
letters = {}
for ch in clean:
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=count_then_word)
print(top[:5], len(letters))
print(max(freq.values()), min(freq.values()), sum(freq.values()) == len(words))
lines = text.split('\n')
for ln in lines:
    print(len(ln), len(ln.split()), ln.count('it was'), ln.strip().endswith(','))

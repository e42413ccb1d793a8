# A hand-written tokenizer and recursive-descent calculator.
def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
            continue
        if ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == '.'):
                j += 1
            text = src[i:j]
            if '.' in text:
                toks.append(('num', float(text)))
            else:
                toks.append(('num', int(text)))
            i = j
            continue
        if ch.isalpha():
            j = i
            while j < len(src) and src[j].isalpha():
                j += 1
            toks.append(('name', src[i:j]))
            i = j
            continue
        toks.append(('op', ch))
        i += 1
    toks.append(('end', None))
    return toks
pos = 0
toks = []
env = {'pi': 3.14159, 'ten': 10, 'big': 2 ** 64}
def peek():
    return toks[pos]
def advance():
    global pos
    t = toks[pos]
    pos += 1
    return t
def expr():
    v = term()
    while peek()[0] == 'op' and peek()[1] in '+-':
        op = advance()[1]
        r = term()
        v = v + r if op == '+' else v - r
    return v
def term():
    v = factor()
    while peek()[0] == 'op' and peek()[1] in '*/%':
        op = advance()[1]
        r = factor()
        if op == '*':
            v = v * r
        elif op == '/':
            v = v / r
        else:
            v = v % r
    return v
def factor():
    t = advance()
    if t[0] == 'num':
        return t[1]
    if t[0] == 'name':
        return env[t[1]]
    if t[1] == '-':
        return -factor()
    if t[1] == '(':
        v = expr()
        advance()
        return v
    return None
def calc(src):
    global pos, toks
    toks = tokenize(src)
    pos = 0
    return expr()
for src in ['1 + 2 * 3', '(1 + 2) * 3', '10 / 4', '7 % 3 + -2', 'pi * 2', 'big * big', '2 * (3 + (4 - 1)) * 5', '1.5 + 2.25', '-(-(ten))', '100 - 99 - 1']:
    print(src, '=', calc(src))
print(tokenize('x1 = 3.5*(y+42)'))

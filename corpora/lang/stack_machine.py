# A tiny stack-based bytecode interpreter written with lists and dicts.
def run(program, trace):
    stack = []
    env = {}
    pc = 0
    steps = 0
    out = []
    while pc < len(program):
        ins = program[pc]
        op = ins[0]
        steps += 1
        if trace:
            print(pc, op, stack)
        pc += 1
        if op == 'push':
            stack.append(ins[1])
        elif op == 'load':
            stack.append(env[ins[1]])
        elif op == 'store':
            env[ins[1]] = stack.pop()
        elif op == 'add':
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == 'sub':
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == 'mul':
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == 'lt':
            b = stack.pop()
            stack.append(stack.pop() < b)
        elif op == 'jmp':
            pc = ins[1]
        elif op == 'jz':
            if not stack.pop():
                pc = ins[1]
        elif op == 'print':
            out.append(stack.pop())
        elif op == 'halt':
            break
        else:
            out.append('bad op ' + op)
    return out, env, steps

factorial = [
    ('push', 1), ('store', 'acc'),
    ('push', 1), ('store', 'i'),
    ('load', 'i'), ('push', 21), ('lt',), ('jz', 19),
    ('load', 'acc'), ('load', 'i'), ('mul',), ('store', 'acc'),
    ('load', 'acc'), ('print',),
    ('load', 'i'), ('push', 1), ('add',), ('store', 'i'),
    ('jmp', 4),
    ('halt',),
]
out, env, steps = run(factorial, False)
print(out)
print(env, steps)
small = [('push', 2), ('push', 3), ('add',), ('push', 4), ('mul',), ('print',), ('push', 'x'), ('push', 'y'), ('add',), ('print',), ('nop',), ('halt',), ('push', 'unreached')]
out, env, steps = run(small, True)
print(out, env, steps)

# A small deterministic simulation: accounts, transfers, audit log.
accounts = {'alice': 100, 'bob': 50, 'carol': 0}
log = []
def deposit(name, amount):
    accounts[name] = accounts.get(name, 0) + amount
    log.append(('deposit', name, amount))
def withdraw(name, amount):
    if accounts.get(name, 0) < amount:
        log.append(('denied', name, amount))
        return False
    accounts[name] -= amount
    log.append(('withdraw', name, amount))
    return True
def transfer(src, dst, amount):
    if withdraw(src, amount):
        deposit(dst, amount)
        return True
    return False
print(transfer('alice', 'bob', 30), accounts)
print(transfer('carol', 'alice', 10), accounts)
print(transfer('bob', 'carol', 80), accounts)
deposit('dave', 5)
print(accounts)
seed = 7
def rnd(n):
    global seed
    seed = (seed * 48271) % 2147483647
    return seed % n
names = sorted(accounts)
for i in range(25):
    a = names[rnd(len(names))]
    b = names[rnd(len(names))]
    amt = rnd(40) + 1
    if a != b:
        ok = transfer(a, b, amt)
        print(i, a, '->', b, amt, 'ok' if ok else 'denied')
print(accounts, sum(accounts.values()))
kinds = {}
for entry in log:
    kinds[entry[0]] = kinds.get(entry[0], 0) + 1
print(kinds)
def balance_of(name):
    return accounts[name]
ranking = sorted(accounts, key=balance_of, reverse=True)
for pos in range(len(ranking)):
    print(pos + 1, ranking[pos], accounts[ranking[pos]])
print(len(log), log[:3], log[-2:])

# Uncaught KeyError: missing dict key.
config = {'host': 'localhost', 'port': 8080, 'debug': False}

def lookup(d, key):
    print('lookup', key)
    return d[key]

def settings(keys):
    out = []
    for k in keys:
        out.append(lookup(config, k))
    return out

print(settings(['host', 'port']))
print(config.get('missing'), 'missing' in config, config.get('missing', 'dflt'))
config['timeout'] = 30
print(settings(['timeout', 'debug']))
del config['debug']
print(list(config))
print(settings(['port', 'missing']))
print('not reached')

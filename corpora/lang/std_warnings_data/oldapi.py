import warnings

warnings.warn('imported a module that warns at import')


def old_function(x):
    warnings.warn('old_function is deprecated', DeprecationWarning, stacklevel=2)
    return x * 2


def noisy_inside():
    warnings.warn('deprecated, attributed to this module', DeprecationWarning)
    warnings.warn('pending', PendingDeprecationWarning, stacklevel=2)
    warnings.warn('a user warning from inside')
    return 'ok'

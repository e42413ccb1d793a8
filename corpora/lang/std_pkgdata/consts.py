FACTOR = 2
public_value = 10
_private_value = 11

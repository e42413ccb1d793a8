# An uncaught ValueError from a starred target.
def split(record):
    name, *fields, last = record
    return name, fields, last

print(split("abcd"))
print(split(("n", "l")))
print(split(["only"]))

def run():
    exec("def g():\n    return 1 / 0\ng()")
run()

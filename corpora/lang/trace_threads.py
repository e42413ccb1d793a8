# threading.settrace / setprofile: new threads start with the hooks.
import sys
import threading

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((threading.current_thread().name, event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def prof(frame, event, arg):
    if frame.f_code.co_filename == __file__ and event in ("call", "return"):
        events.append(("P", event, frame.f_code.co_name))

def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

threading.settrace(tracer)
print(threading.gettrace() is tracer, sys.gettrace())
t = threading.Thread(target=work, args=(2,), name="worker")
t.start()
t.join()
threading.settrace(None)
for e in events:
    print(e)
events.clear()
threading.setprofile(prof)
t = threading.Thread(target=work, args=(1,), name="w2")
t.start()
t.join()
threading.setprofile(None)
print(events)
print(sys.gettrace(), sys.getprofile(), threading.getprofile())

# The program `make demo` crashes on purpose (scripts/demo.sh): it totals a
# list of orders, and a bad record sends it into a real segmentation fault
# three calls deep, the way a bug in native code would. With
# `ulimit -c unlimited` the kernel writes a core, and
#
#   pyglass-stack core core --exe build/release/runtime/pyglass
#
# shows which Python function was running, on which line, called from where.
import faulthandler


def load_orders():
    return [
        {"id": 101, "item": "widget", "qty": 3, "price": 2.5},
        {"id": 102, "item": "sprocket", "qty": 10, "price": 0.75},
        {"id": 103, "item": "gizmo", "qty": -1, "price": 9.99},
        {"id": 104, "item": "gadget", "qty": 1, "price": 12.0},
    ]


def line_total(order):
    qty = order["qty"]
    if qty < 0:
        # Stand-in for a bug in a native extension: a real SIGSEGV.
        faulthandler._sigsegv()
    return qty * order["price"]


def invoice_total(orders):
    total = 0.0
    for order in orders:
        total += line_total(order)
    return total


def main():
    orders = load_orders()
    print("totalling", len(orders), "orders...", flush=True)
    print("total:", invoice_total(orders))


main()

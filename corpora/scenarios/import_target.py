# Imported by importing.py (not a scenario by itself): its top level waits
# while the import is in progress.
import time

import scenario_util

LEVEL = 3
scenario_util.signal_ready()
time.sleep(1000)

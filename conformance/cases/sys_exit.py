# sys.exit() is a PythonError(SystemExit), and the host keeps running (health check).
# expect-error: PythonError SystemExit
import sys
sys.exit(3)

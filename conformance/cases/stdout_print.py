# print() goes to the stdout callback; stderr to the stderr callback.
# expect: undefined
# expect-stdout: hello-stdout 42
# expect-stderr: hello-stderr
import sys
print("hello-stdout", 6 * 7)
print("hello-stderr", file=sys.stderr)
sys.stdout.flush()
sys.stderr.flush()

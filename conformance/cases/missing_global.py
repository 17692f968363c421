# Importing a JS global that does not exist raises ImportError naming it.
# expect-error: PythonError ImportError
# expect-message: confNoSuchGlobalXyz
from js import confNoSuchGlobalXyz

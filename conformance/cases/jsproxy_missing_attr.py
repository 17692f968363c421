# A missing JS attribute raises AttributeError naming it.
# expect-error: PythonError AttributeError
# expect-message: confNoSuchThingQ
from js import Math
Math.confNoSuchThingQ

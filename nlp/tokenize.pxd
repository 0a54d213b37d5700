# Cython types for nlp/tokenize.py's hot loop (nlp/compiled.py; the Python source is unchanged by it):
# its counters and flags as C integers, the classified tokens as tuples read by index.
import cython

@cython.locals(words=list, spaces=list, offsets=list, starts=list, chunk=tuple, info=tuple,
               drop=cython.int, space=cython.int, newline=cython.int, kind=cython.int, end=cython.int,
               pos=cython.Py_ssize_t, n=cython.Py_ssize_t, carry=cython.int, need=cython.int,
               dropping=cython.bint, after_newline=cython.bint)
cpdef tuple _assemble(list sequence)

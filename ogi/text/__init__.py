"""Text normalisation used to match labels; raw text is always kept separately for provenance."""

from ogi.native import use_compiled

use_compiled(__path__)  # the mypyc build of these modules, when it matches them (ogi/native.py)

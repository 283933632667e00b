"""Scratch directories for the evaluation scripts, removed when the script exits: each holds an
index of the evaluation data, some 100-200 MB, and many runs left tens of gigabytes in /tmp."""

import atexit
import shutil
import tempfile


def scratch_dir():
    path = tempfile.mkdtemp(prefix="naviny-eval-")
    atexit.register(shutil.rmtree, path, True)
    return path

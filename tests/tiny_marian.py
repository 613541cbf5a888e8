"""A random-weight MarianMT built offline: the real loading code path (SentencePiece, MarianTokenizer,
MarianConfig, save_pretrained/from_pretrained), gibberish output.

The tests use the tiny shape (about a second to build). The benchmark uses ``OPUS_MT_BASE``, the shape of
the Helsinki-NLP Opus-MT models, so speed is measured on the compute a real model costs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CORPUS = [
    "NATO considers Kaliningrad in danger from NATO, Russians",
    "O Governo aprovou ontem um orçamento de 2,3 mil milhões de euros para a saúde.",
    "The Government yesterday approved a budget of 2.3 billion euros for health.",
    "A ministra da Saúde, Marta Temido, disse que 80% do valor vai para os hospitais.",
    "Health Minister Marta Temido said that 80% of the money will go to hospitals.",
    "Το ΝΑΤΟ θεωρεί ότι το Καλίνινγκραντ κινδυνεύει.",
    "Peskov added that Kaliningrad is a Russian region located in the Baltic Sea.",
]


@dataclass(frozen=True)
class Shape:
    d_model: int = 16
    layers: int = 1
    heads: int = 2
    ffn: int = 32
    vocab: int = 120  # SentencePiece pieces (at most what the corpus allows)
    embeddings: int = 0  # rows of the embedding matrix, when more than the pieces


TINY = Shape()
# opus-mt-en-de: 58,101 embedding rows. A few thousand lines of corpus support far fewer pieces, so the
# rest are unused rows: they cost what real rows cost in the output projection of every decoding step.
OPUS_MT_BASE = Shape(d_model=512, layers=6, heads=8, ffn=2048, vocab=8000, embeddings=58101)


def build(folder: Path, src: str, tgt: str, shape: Shape = TINY, corpus: list[str] | None = None) -> Path:
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    prefix = str(folder / "sp")
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus or CORPUS * 5), model_prefix=prefix, vocab_size=shape.vocab, character_coverage=1.0,
        pad_id=-1, bos_id=-1, eos_id=1, unk_id=2, hard_vocab_limit=False, minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=prefix + ".model")
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    for unused in range(len(vocab), shape.embeddings - 1):
        vocab[f"<unused{unused}>"] = unused
    vocab["<pad>"] = len(vocab)  # Marian's convention: <pad> last, and the decoder's start token
    (folder / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    for side in ("source", "target"):
        (folder / f"{side}.spm").write_bytes(Path(prefix + ".model").read_bytes())
    tokenizer = MarianTokenizer(
        vocab=str(folder / "vocab.json"), source_spm=str(folder / "source.spm"), target_spm=str(folder / "target.spm"),
        source_lang=src, target_lang=tgt,
    )
    config = MarianConfig(
        vocab_size=len(vocab), d_model=shape.d_model, encoder_layers=shape.layers, decoder_layers=shape.layers,
        encoder_attention_heads=shape.heads, decoder_attention_heads=shape.heads, encoder_ffn_dim=shape.ffn,
        decoder_ffn_dim=shape.ffn, max_position_embeddings=512,
        pad_token_id=vocab["<pad>"], eos_token_id=vocab["</s>"], decoder_start_token_id=vocab["<pad>"],
        forced_eos_token_id=vocab["</s>"],
    )
    torch.manual_seed(0)
    MarianMTModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    for leftover in ("sp.model", "sp.vocab"):
        (folder / leftover).unlink()
    return folder


def install_in_hub_cache(model_dir: Path, hub_cache: Path, repo_id: str) -> None:
    """Lay a model out as huggingface_hub's cache does, so hub ids resolve offline."""
    repo = hub_cache / ("models--" + repo_id.replace("/", "--"))
    revision = "0" * 40
    snapshot = repo / "snapshots" / revision
    snapshot.mkdir(parents=True, exist_ok=True)
    for file in model_dir.iterdir():
        (snapshot / file.name).write_bytes(file.read_bytes())
    (repo / "refs").mkdir(exist_ok=True)
    (repo / "refs" / "main").write_text(revision)

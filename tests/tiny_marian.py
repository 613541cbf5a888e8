"""A tiny random-weight MarianMT, built offline in about a second: the real loading code path
(SentencePiece, MarianTokenizer, MarianConfig, save_pretrained/from_pretrained), gibberish output."""

from __future__ import annotations

import json
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


def build(folder: Path, src: str, tgt: str) -> Path:
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    prefix = str(folder / "sp")
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS * 5), model_prefix=prefix, vocab_size=120, character_coverage=1.0,
        pad_id=-1, bos_id=-1, eos_id=1, unk_id=2, hard_vocab_limit=False, minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=prefix + ".model")
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    vocab["<pad>"] = len(vocab)  # Marian's convention: <pad> last, and the decoder's start token
    (folder / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    for side in ("source", "target"):
        (folder / f"{side}.spm").write_bytes(Path(prefix + ".model").read_bytes())
    tokenizer = MarianTokenizer(
        vocab=str(folder / "vocab.json"), source_spm=str(folder / "source.spm"), target_spm=str(folder / "target.spm"),
        source_lang=src, target_lang=tgt,
    )
    config = MarianConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=256,
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

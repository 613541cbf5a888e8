from tqcheck.scoring import score, word_diff


def test_scores_and_diff_spans():
    ref = "NATO considers Kaliningrad in danger from NATO"
    back = "Russia considers Kaliningrad in danger from NATO"
    s = score(back, ref)
    assert 0 < s.chrf < 100 and s.ter > 0
    assert score(ref, ref).chrf == 100.0
    [op] = word_diff(ref, back)
    assert op.op == "replace" and ref[slice(*op.reference_span)] == "NATO" and back[slice(*op.back_span)] == "Russia"

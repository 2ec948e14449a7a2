"""The pipeline declares what each component reads and writes, and nothing is read before it is written."""
import pytest

import govie


@pytest.mark.parametrize("rules_only", [False, True])
def test_analyze_pipes_shows_no_missing_requirement(rules_only):
    nlp = govie.load(rules_only=rules_only)
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    govie_pipes = [name for name in nlp.pipe_names if name.startswith("govie_")]
    for name in govie_pipes:
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, f"{name} declares nothing it assigns"
    order = [name for name in govie_pipes]
    assert order.index("govie_sections") < order.index("govie_sentences") < order.index("govie_statements")
    assert order.index("govie_indicators") < order.index("govie_report_fields") < order.index("govie_statements")


def test_sections_are_on_the_doc_as_spans():
    nlp = govie.load(rules_only=True)
    doc = nlp("三、存在的问题\n预算执行偏慢。\n四、改进措施\n加快支付。\n")
    assert [span.label_ for span in doc.spans["sections"]] == ["problems", "remedies"]
    assert [s.kind for s in doc._.sections] == ["problems", "remedies"]
    assert doc._.sentences and all(doc.text[s.start:s.end].strip() for s in doc._.sentences)

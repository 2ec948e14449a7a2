"""The package as users get it: a wheel with its models, installed in a fresh venv, used from elsewhere.

The wheel is built from a copy of the sources (so no stale ``build/`` folder
can slip old files in), installed without dependencies into a new venv whose
only link to the test venv is a ``.pth`` line naming the test venv's
site-packages (the dependencies are reused, nothing is downloaded), and run
from a folder outside the clone.
"""
import ast
import importlib.util
import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

REPORT = CORPUS / "raw" / "2021_zengcheng_licheng_report.txt"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    if importlib.util.find_spec("wheel") is None and importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools and wheel are needed to build the wheel offline (pip install '.[test]')")
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "govie", src / "govie", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                        "-q", "-w", str(tmp / "dist"), str(src)], capture_output=True, text=True)
    if r.returncode and "invalid command 'bdist_wheel'" in r.stderr:
        pytest.skip("the 'wheel' package is missing (pip install '.[test]')")
    assert r.returncode == 0, r.stderr
    return next((tmp / "dist").glob("govie-*.whl"))


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    env_dir = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies come from the test venv, after the new venv's own packages.
    parents = [p for p in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
                           *site.getsitepackages()} if os.path.isdir(p)]
    Path(purelib, "zz_test_parent.pth").write_text("\n".join(parents) + "\n")
    r = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                        "--no-index", "-q", str(wheel)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return python


def run_outside(python, code, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env=env, timeout=600)


def test_the_wheel_carries_the_models_and_the_training_code(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "govie" / "models").rglob("*") if p.is_file()}
    assert shipped and shipped <= names, sorted(shipped - names)[:5]
    for name in ("govie/training/__init__.py", "govie/training/ner.py", "govie/py.typed",
                 "govie/corpus/gold.py", "govie/statements/training.py"):
        assert name in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[spacy_factories]" in text and "govie_amounts" in text and "[spacy_tokenizers]" in text


def test_installed_package_gives_the_clones_results(venv, tmp_path, nlp):
    import govie

    code = ("import json, sys, govie\n"
            "nlp = govie.load()\n"
            "print(json.dumps({'file': govie.__file__, 'pipes': nlp.component_names,\n"
            "    'report': govie.extract_file(sys.argv[1] if len(sys.argv) > 1 else %r, nlp=nlp).to_dict()}))\n"
            % str(REPORT))
    r = run_outside(venv, code, tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "missing" not in r.stderr.lower(), r.stderr[-2000:]  # no fallback warnings
    got = json.loads(r.stdout)
    assert not got["file"].startswith(str(ROOT)), got["file"]
    assert "ner" in got["pipes"]  # the trained pipeline, not the rules
    clone = govie.extract_file(REPORT, nlp=govie.load()).to_dict()
    assert got["report"] == json.loads(json.dumps(clone))


def test_spacy_load_finds_govies_components_through_entry_points(venv, tmp_path):
    code = ("import importlib.util, os, sys, spacy\n"
            "home = importlib.util.find_spec('govie').submodule_search_locations[0]\n"
            "assert 'govie' not in sys.modules\n"
            "nlp = spacy.load(os.path.join(home, 'models', 'govie-zh'))\n"
            "doc = nlp('全年预算数 4,527.36 万元，执行率 97.41%。')\n"
            "print(nlp.pipe_names, [m.label for m in doc._.mentions])\n")
    r = run_outside(venv, code, tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "govie_amounts" in r.stdout and "MONEY" in r.stdout and "PERCENT" in r.stdout


LAYERS = {  # a package and the packages above it that it must never import
    "corpus": ("evaluation", "commands", "training", "annotate"),
    "statements": ("evaluation", "commands", "training"),
    "training": ("evaluation", "commands"),
    "annotate": ("commands", "training"),
    "evaluation": ("commands",),
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            base = node.module if node.level == 0 else "govie." + node.module if node.level == 2 else None
            if node.level == 1:
                package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
                base = f"{package}.{node.module}"
            found.add(base or "")
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_no_module_imports_from_a_higher_layer():
    wrong = []
    for package, above in LAYERS.items():
        for path in (ROOT / "govie" / package).rglob("*.py"):
            for name in _imports(path):
                if any(name == f"govie.{up}" or name.startswith(f"govie.{up}.") for up in above):
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, wrong


def test_installed_package_has_its_segmenter_training_code_and_command(venv, tmp_path):
    code = ("import govie, govie.training.ner, govie.statements.training, govie.evaluation\n"
            "print(govie.segment('来穗人员登记率达95%', segmenter='pkuseg'))\n"
            "print(govie.training.ner.config_path().is_file())\n")
    r = run_outside(venv, code, tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "95" in r.stdout and "True" in r.stdout
    script = venv.parent / "govie"
    r = subprocess.run([str(script), "train", "--help"], cwd=tmp_path, capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert r.returncode == 0 and "--out" in r.stdout, r.stderr[-2000:]
